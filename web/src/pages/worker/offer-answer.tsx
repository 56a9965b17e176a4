import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.js';
import { call, fieldProblems, type Problem } from '../../api/problem.js';
import { Field } from '../../components/field.js';
import { ProblemMessage } from '../../components/status.js';
import { useT } from '../../i18n/t.js';

interface Props {
  contractId: string;
  /** The digest of the terms on screen: the API accepts exactly these or refuses. */
  digest: string;
  language: string;
  onDone(): Promise<void>;
}

/** Accept the offer as shown, or decline it with a reason (kept in the contract's history). */
export function OfferAnswer({ contractId, digest, language, onDone }: Props) {
  const t = useT();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const path = { path: { id: contractId } };

  const run = async (request: Promise<{ problem?: Problem }>) => {
    setBusy(true);
    const { problem } = await request;
    setProblem(problem);
    setBusy(false);
    if (!problem) await onDone();
  };
  const accept = () => run(call(api.POST('/api/v1/contracts/{id}/accept', { params: path, body: { terms_digest: digest, language } })));
  const decline = (event: FormEvent) => {
    event.preventDefault();
    void run(call(api.POST('/api/v1/contracts/{id}/decline', { params: path, body: { reason } })));
  };
  const fields = fieldProblems(problem);

  return (
    <section aria-labelledby="answer-title" className="card answer">
      <h2 id="answer-title">{t('offer.title')}</h2>
      <p>{t('offer.explain')}</p>
      {problem && !fields.reason && <ProblemMessage problem={problem} />}
      {!declining ? (
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void accept()}>
            {t('offer.accept')}
          </button>
          <button type="button" disabled={busy} onClick={() => setDeclining(true)}>
            {t('offer.decline')}
          </button>
        </div>
      ) : (
        <form onSubmit={decline} noValidate>
          <Field label={t('offer.reason')} error={fields.reason && t('form.required')}>
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={2000} />
          </Field>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t('offer.confirmDecline')}
            </button>
            <button type="button" onClick={() => setDeclining(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
