import { useFormat } from '../i18n/format.js';

/** A labelled choice of months ('YYYY-MM'), each written for the page's language. */
export function MonthSelect({ id, label, months, value, onChange }: { id: string; label: string; months: string[]; value: string; onChange: (month: string) => void }) {
  const f = useFormat();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {months.map((m) => (
          <option key={m} value={m}>
            {f.month(m)}
          </option>
        ))}
      </select>
    </div>
  );
}
