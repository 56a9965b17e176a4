import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, type Json } from '../../api/client.js';
import { call, fieldProblems, type Problem } from '../../api/problem.js';
import { Field } from '../../components/field.js';
import { ProblemMessage } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { type MessageId, useT } from '../../i18n/t.js';

type Case = Json<'/api/v1/wages/escalations', 'get'>['escalations'][number];

/**
 * The worker's own pay cases where the employer gave a reason for not paying in full: the
 * worker reads it and agrees (the case closes) or disagrees (it stays with the authorities),
 * with a comment in their own words. The API lists only the signed-in worker's cases.
 */
export function WageCases() {
  const t = useT();
  const f = useFormat();
  const [cases, setCases] = useState<Case[]>();
  const [problem, setProblem] = useState<Problem>();

  const load = useCallback(async () => {
    const { data, problem } = await call(api.GET('/api/v1/wages/escalations', { params: { query: {} } }));
    setCases(data?.escalations.filter((e) => e.justification));
    setProblem(problem);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (problem) return <ProblemMessage problem={problem} />;
  if (!cases?.length) return null;
  return (
    <section aria-labelledby="cases-title">
      <h2 id="cases-title">{t('cases.title')}</h2>
      <ul className="plain">
        {cases.map((c) => (
          <li key={c.id} className="card">
            <h3>{t('cases.month', { month: f.month(`${c.period}-01`), status: t(`wageStatus.${c.wage_status}` as MessageId) })}</h3>
            <p>{t('cases.employerSays', { employer: c.employer_name, category: t(`cases.category.${c.justification!.category}` as MessageId) })}</p>
            <blockquote>{c.justification!.text}</blockquote>
            {c.justification!.worker_response ? (
              <p>
                <strong>{t(`cases.answered.${c.justification!.worker_response}` as MessageId, { date: f.day(c.justification!.responded_at!) })}</strong>
              </p>
            ) : (
              <CaseAnswer id={c.id} onDone={load} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CaseAnswer({ id, onDone }: { id: string; onDone(): Promise<void> }) {
  const t = useT();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const answer = async (response: 'accept' | 'contest') => {
    setBusy(true);
    const result = await call(api.POST('/api/v1/wages/escalations/{id}/response', { params: { path: { id } }, body: { response, comment } }));
    setBusy(false);
    setProblem(result.problem);
    if (!result.problem) await onDone();
  };
  const contest = (event: FormEvent) => {
    event.preventDefault();
    void answer('contest');
  };
  const fields = fieldProblems(problem);
  return (
    <form onSubmit={contest} noValidate>
      {problem && !fields.comment && <ProblemMessage problem={problem} />}
      <Field label={t('cases.comment')} error={fields.comment}>
        <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={3} maxLength={4000} />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('cases.contest')}
        </button>
        <button type="button" disabled={busy} onClick={() => void answer('accept')}>
          {t('cases.accept')}
        </button>
      </div>
    </form>
  );
}
