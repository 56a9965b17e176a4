import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { call, fieldProblems, type Problem, problemText } from '../../api/problem.js';
import { Field } from '../../components/field.js';
import { ProblemMessage } from '../../components/status.js';
import { type MessageId, useT } from '../../i18n/t.js';
import type { Rules } from './rules-terms.js';
import { minorDigits, minorToText, toMinor } from '../../i18n/money-input.js';

type Body = paths['/api/v1/corridors/{code}/versions']['post']['requestBody']['content']['application/json'];

/** The terms the form changes; everything else is carried over from the rules in force. */
const NUMBERS = ['max_hours_per_week', 'min_rest_days_per_week', 'min_annual_leave_days', 'max_probation_months', 'max_contract_months'] as const;
const AMOUNTS = ['min_monthly_wage_minor', 'worker_fee_cap_minor'] as const;
type Key = 'valid_from' | (typeof NUMBERS)[number] | (typeof AMOUNTS)[number];

const LABELS: Record<Key, MessageId> = {
  valid_from: 'rules.term.valid_from',
  min_monthly_wage_minor: 'rules.term.min_monthly_wage',
  worker_fee_cap_minor: 'rules.term.worker_fee_cap',
  max_hours_per_week: 'rules.term.max_hours_per_week',
  min_rest_days_per_week: 'rules.term.min_rest_days_per_week',
  min_annual_leave_days: 'rules.term.min_annual_leave_days',
  max_probation_months: 'rules.term.max_probation_months',
  max_contract_months: 'rules.term.max_contract_months',
};


/**
 * A new version proposed from the rules in force: the date it would apply from and the main
 * limits; the other terms are carried over as they are. The API checks the whole and names every
 * problem at its field; the proposer's side approves at once and the other side is awaited.
 */
export function ProposeRules({ code, base, onProposed }: { code: string; base: Rules; onProposed: (version: number, created: boolean) => void }) {
  const t = useT();
  const currency = String(base.currency ?? 'USD');
  const digits = minorDigits(currency);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<Key, string>>(() => ({
    valid_from: '',
    ...Object.fromEntries(NUMBERS.map((k) => [k, String(base[k] ?? '')])),
    ...Object.fromEntries(AMOUNTS.map((k) => [k, minorToText(Number(base[k] ?? 0), digits)])),
  }) as Record<Key, string>);
  const [local, setLocal] = useState<Partial<Record<Key, string>>>({});
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  // Opened by keyboard: the focus goes to the first field.
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: Partial<Record<Key, string>> = {};
    const body: Record<string, unknown> = { ...base, valid_from: values.valid_from };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.valid_from)) errors.valid_from = t('rules.propose.badDate');
    for (const k of NUMBERS) {
      if (/^\d{1,4}$/.test(values[k].trim())) body[k] = Number(values[k].trim());
      else errors[k] = t('rules.propose.badNumber');
    }
    for (const k of AMOUNTS) {
      const minor = toMinor(values[k], digits);
      if (minor === undefined) errors[k] = t('rules.propose.badAmount', { currency });
      else body[k] = minor;
    }
    setLocal(errors);
    setProblem(undefined);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    const { data, problem } = await call(api.POST('/api/v1/corridors/{code}/versions', { params: { path: { code } }, body: body as Body }));
    setBusy(false);
    setProblem(problem);
    if (data) {
      setOpen(false);
      onProposed(data.version, data.created);
    }
  };

  const server = fieldProblems(problem);
  const shown = new Set<string>(Object.keys(LABELS));
  const others = (problem?.errors ?? []).filter((e) => !shown.has((e.pointer ?? '').replace(/^\//, '')));

  if (!open)
    return (
      <div className="actions">
        <button type="button" onClick={() => setOpen(true)}>
          {t('rules.propose.open')}
        </button>
      </div>
    );
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="card" aria-labelledby="rules-propose-title">
      <h2 id="rules-propose-title">{t('rules.propose.title')}</h2>
      <p className="muted">{t('rules.propose.intro')}</p>
      {(Object.keys(LABELS) as Key[]).map((k) => (
        <Field
          key={k}
          label={(AMOUNTS as readonly string[]).includes(k) ? t('rules.propose.inCurrency', { label: t(LABELS[k]), currency }) : t(LABELS[k])}
          error={local[k] ?? server[k]}
        >
          <input
            ref={k === 'valid_from' ? first : undefined}
            type={k === 'valid_from' ? 'date' : 'text'}
            inputMode={k === 'valid_from' ? undefined : (AMOUNTS as readonly string[]).includes(k) ? 'decimal' : 'numeric'}
            value={values[k]}
            onChange={(e) => setValues((v) => ({ ...v, [k]: e.target.value }))}
          />
        </Field>
      ))}
      {problem && <ProblemMessage problem={problem} />}
      {others.length > 0 && (
        <ul className="problem">
          {others.map((e, i) => (
            <li key={i}>
              <code>{e.pointer}</code> {problemText(e)}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('rules.propose.submit')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
