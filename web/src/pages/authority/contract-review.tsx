import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.js';
import { call, fieldProblems, type Problem } from '../../api/problem.js';
import { useSession } from '../../auth/session.js';
import { Field } from '../../components/field.js';
import { Loading, ProblemMessage, useDeskStatusLabel } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/t.js';
import { languageName, useBreachText } from '../employer/breach-text.js';
import { TermsSummary } from '../worker/terms-summary.js';
import { type Contract, termsOf } from '../worker/terms.js';

/**
 * One contract as an authority decides on it: the terms in plain words, every breach of the
 * corridor's rules, what the worker accepted (when, in which language, which exact terms),
 * the history; then approve (origin) or register (destination), or reject with a reason.
 */
export default function ContractReview() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const t = useT();
  const f = useFormat();
  const statusLabel = useDeskStatusLabel();
  const breachText = useBreachText();
  const origin = me?.organisation?.kind === 'origin_authority';
  const [contract, setContract] = useState<Contract>();
  const [problem, setProblem] = useState<Problem>();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();

  const load = useCallback(async () => {
    const { data, problem } = await call(api.GET('/api/v1/contracts/{id}', { params: { path: { id } } }));
    setContract(data);
    if (problem) setProblem(problem);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!contract) return problem ? <ProblemMessage problem={problem} /> : <Loading />;
  const version = contract.versions.find((v) => v.version === contract.current_version) ?? contract.versions.at(-1)!;
  const terms = termsOf(version);
  const waitingFor = origin ? 'accepted' : 'approved';
  const decidable = version.state === waitingFor;
  const params = { params: { path: { id } } };

  const decide = async (request: Promise<{ problem?: Problem }>, message: string) => {
    setBusy(true);
    const { problem } = await request;
    setBusy(false);
    setProblem(problem);
    if (!problem) {
      setDone(message);
      setRejecting(false);
      await load();
    }
  };
  const approve = () =>
    decide(
      call(origin ? api.POST('/api/v1/contracts/{id}/approve', params) : api.POST('/api/v1/contracts/{id}/register', params)),
      t(origin ? 'authority.approved' : 'authority.registered', { no: contract.contract_no }),
    );
  const reject = (event: FormEvent) => {
    event.preventDefault();
    void decide(call(api.POST('/api/v1/contracts/{id}/reject', { ...params, body: { reason } })), t('review.rejected', { no: contract.contract_no }));
  };
  const fields = fieldProblems(problem);

  return (
    <section>
      <p>
        <Link to="/authority">{t('common.back')}</Link>
      </p>
      <h1>{t('review.title', { no: contract.contract_no })}</h1>
      <p>
        {t('review.parties', { employer: contract.employer.name, worker: contract.worker.initials, corridor: contract.corridor })} ·{' '}
        <strong>{statusLabel(contract.stage)}</strong>
      </p>
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      {problem && !fields.reason && <ProblemMessage problem={problem} />}

      <TermsSummary terms={terms} monthlyMinor={version.monthly_fixed_minor} />

      <section aria-labelledby="breaches-title" className="card">
        <h2 id="breaches-title">{t('review.breaches', { count: version.breaches.length })}</h2>
        {version.breaches.length === 0 ? (
          <p>{t('review.noBreaches', { rules: version.rules_version })}</p>
        ) : (
          <ul>
            {version.breaches.map((b) => (
              <li key={`${b.code}-${b.term}`} className="warn">
                {breachText(b, version.currency)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="acceptance-title" className="card">
        <h2 id="acceptance-title">{t('review.acceptance')}</h2>
        {version.accepted_at ? (
          <p>
            {t('review.acceptedOn', {
              when: f.instant(version.accepted_at),
              language: version.accepted_language ? languageName(f.locale, version.accepted_language) : '',
            })}
          </p>
        ) : (
          <p className="muted">{t('review.notAccepted')}</p>
        )}
        <p className="muted">
          {t('review.shownIn', {
            languages: f.list(contract.views.filter((v) => v.version === version.version).map((v) => languageName(f.locale, v.language))),
          })}
        </p>
        <p className="digest">
          {t('review.digest')} <code>{version.terms_digest}</code>
        </p>
      </section>

      <section aria-labelledby="history-title" className="card">
        <h2 id="history-title">{t('review.history')}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('review.when')}</th>
                <th scope="col">{t('review.step')}</th>
                <th scope="col">{t('review.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {contract.transitions.map((s, i) => (
                <tr key={i}>
                  <td>{f.instant(s.occurred_at)}</td>
                  <td>{statusLabel(s.to_state)}</td>
                  <td>{s.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {decidable && !rejecting && (
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void approve()}>
            {t(origin ? 'authority.approve' : 'authority.register', { no: contract.contract_no })}
          </button>
          <button type="button" disabled={busy} onClick={() => setRejecting(true)}>
            {t('review.reject')}
          </button>
        </div>
      )}
      {decidable && rejecting && (
        <form onSubmit={reject} noValidate className="card">
          <Field label={t('review.rejectReason')} error={fields.reason}>
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={2000} />
          </Field>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t('review.confirmReject')}
            </button>
            <button type="button" onClick={() => setRejecting(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
