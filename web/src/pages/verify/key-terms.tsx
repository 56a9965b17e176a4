import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/t.js';

export interface ShownTerms {
  isco: string;
  employer: string;
  wage_minor: number;
  currency: string;
  start: string;
  end: string;
  initials: string;
}

/** The key terms as registered: the only personal data is the worker's initials. */
export function KeyTermsCard({ terms }: { terms: ShownTerms }) {
  const t = useT();
  const f = useFormat();
  const rows: [string, string][] = [
    [t('verify.employer'), terms.employer],
    [t('verify.occupation'), terms.isco],
    [t('verify.wage'), f.money(terms.wage_minor, terms.currency)],
    [t('verify.period'), t('verify.periodValue', { start: f.day(terms.start), end: f.day(terms.end) })],
    [t('verify.initials'), terms.initials],
  ];
  return (
    <section aria-labelledby="key-terms-title" className="card">
      <h2 id="key-terms-title">{t('verify.keyTerms')}</h2>
      <dl className="terms">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
