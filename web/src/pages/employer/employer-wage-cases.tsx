import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { api, type Json } from '../../api/client.js';
import { call, fieldProblems, type Problem } from '../../api/problem.js';
import { Field } from '../../components/field.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { type MessageId, useT } from '../../i18n/t.js';

type Case = Json<'/api/v1/wages/escalations', 'get'>['escalations'][number];
const CATEGORIES = ['paid_outside_wps', 'unpaid_leave', 'absence', 'contract_ended', 'dispute_pending', 'bank_error', 'other'] as const;
type Category = (typeof CATEGORIES)[number];

/**
 * The employer's open wage cases (its own only: the API narrows): where each stands, and a form
 * to give its reason for a month not paid in full, until the worker answers. A refused reason
 * shows the API's problem at its field, in the page's language; nothing typed is lost.
 */
export function EmployerWageCases() {
  const t = useT();
  const f = useFormat();
  const [cases, setCases] = useState<Case[]>();
  const [problem, setProblem] = useState<Problem>();
  const [sent, setSent] = useState<string>();

  const load = useCallback(async () => {
    const { data, problem } = await call(api.GET('/api/v1/wages/escalations', { params: { query: { state: 'open' } } }));
    setCases(data?.escalations);
    setProblem(problem);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const done = async (c: Case) => {
    setSent(t('employerWages.form.sent', { month: f.month(c.period), contract: c.contract_no }));
    await load();
  };

  return (
    <section aria-labelledby="employer-cases">
      <h2 id="employer-cases">{t('employerWages.cases.title')}</h2>
      <p className="muted">{t('employerWages.cases.intro')}</p>
      <p role="status" className={sent ? 'notice' : undefined}>
        {sent}
      </p>
      {problem && <ProblemMessage problem={problem} />}
      {!cases && !problem && <Loading />}
      {cases && cases.length === 0 && <p className="muted">{t('employerWages.cases.none')}</p>}
      {cases && cases.length > 0 && (
        <ul className="plain">
          {cases.map((c) => (
            <li key={c.id} className="card">
              <h3>{t('employerWages.case.heading', { month: f.month(c.period), contract: c.contract_no })}</h3>
              <p>
                <strong>{t(`wageStatus.${c.wage_status}` as MessageId)}</strong>
                {' · '}
                {c.step
                  ? t(`escalations.ladder.${c.step}` as MessageId, { date: f.day(c.steps.at(-1)?.on ?? c.deadline) })
                  : t('escalations.due', { date: f.day(c.deadline) })}
              </p>
              <CaseState c={c} onDone={() => done(c)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CaseState({ c, onDone }: { c: Case; onDone(): Promise<void> }) {
  const t = useT();
  const j = c.justification;
  const reason = j && (
    <>
      <p>{t('employerWages.case.yourReason', { category: t(`cases.category.${j.category}` as MessageId) })}</p>
      <blockquote>{j.text}</blockquote>
    </>
  );
  if (j && j.worker_response !== 'contest')
    return (
      <>
        {reason}
        <p className="muted">{t('escalations.awaitingWorker')}</p>
      </>
    );
  return (
    <>
      {reason}
      {j && <p>{t('employerWages.case.contested')}</p>}
      {j?.worker_comment && <blockquote>{j.worker_comment}</blockquote>}
      <JustificationForm id={c.id} onDone={onDone} />
    </>
  );
}

/** The API lists the reasons it takes by code ("a, b"): the page names them in its language instead. */
function withReasonWords(problem: Problem | undefined, words: (codes: string[]) => string): Problem | undefined {
  if (!problem?.errors) return problem;
  const errors = problem.errors.map((e) => {
    const codes = e.params?.values;
    return e.pointer === '/category' && typeof codes === 'string' ? { ...e, params: { ...e.params, values: words(codes.split(/,\s*/u)) } } : e;
  });
  return { ...problem, errors };
}

function JustificationForm({ id, onDone }: { id: string; onDone(): Promise<void> }) {
  const t = useT();
  const f = useFormat();
  const [category, setCategory] = useState<Category | ''>('');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  // A refused reason: the keyboard goes to the first field the API named, its problem read with it.
  useEffect(() => {
    if (problem) form.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }, [problem]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return; // the button stays enabled (and focused) while sending; a second press waits for the answer
    setBusy(true);
    // Sent as typed: the API checks it whole and answers with a problem per field.
    const body = { category: category as Category, text };
    const result = await call(api.POST('/api/v1/wages/escalations/{id}/justification', { params: { path: { id } }, body }));
    setBusy(false);
    setProblem(result.problem);
    if (!result.problem) await onDone();
  };
  const fields = fieldProblems(withReasonWords(problem, (codes) => f.list(codes.map((k) => t(`cases.category.${k}` as MessageId)))));
  return (
    <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      {problem && !fields.category && !fields.text && <ProblemMessage problem={problem} />}
      <Field label={t('employerWages.form.category')} error={fields.category}>
        <select value={category} onChange={(e) => setCategory(e.target.value as Category | '')}>
          <option value="">{t('employerWages.form.choose')}</option>
          {CATEGORIES.map((k) => (
            <option key={k} value={k}>
              {t(`cases.category.${k}` as MessageId)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('employerWages.form.text')} error={fields.text}>
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={4000} />
      </Field>
      <div className="actions">
        <button type="submit" className="primary">
          {t('employerWages.form.submit')}
        </button>
      </div>
    </form>
  );
}
