import type { Problem } from '../api/problem.js';
import { type MessageId, useT } from '../i18n/t.js';

export function Loading() {
  const t = useT();
  return (
    <p role="status" className="muted">
      {t('common.loading')}
    </p>
  );
}

const PROBLEM_MESSAGES: Record<string, MessageId> = {
  network: 'problem.network',
  not_found: 'problem.notFound',
  unauthenticated: 'problem.signedOut',
  forbidden: 'problem.forbidden',
  validation_failed: 'problem.validation',
  conflict: 'problem.conflict',
  rate_limited: 'problem.rateLimited',
  invalid_transition: 'problem.conflict',
  locked: 'problem.rateLimited',
};

/** The API answers with codes; the words come from the catalog (STYLE.md 12). */
export function ProblemMessage({ problem }: { problem: Problem }) {
  const t = useT();
  const id = PROBLEM_MESSAGES[problem.code] ?? 'problem.other';
  return (
    <div role="alert" className="problem">
      <p>{t(id)}</p>
      {problem.request_id && <p className="muted">{t('problem.requestId', { id: problem.request_id })}</p>}
    </div>
  );
}

const STATUSES = new Set(['draft', 'offered', 'accepted', 'approved', 'registered', 'active', 'completed', 'terminated', 'declined', 'rejected', 'withdrawn']);

/** A status word of the contract lifecycle, translated; unknown ones are shown as sent. */
export function useStatusLabel(): (status: string) => string {
  const t = useT();
  return (status) => (STATUSES.has(status) ? t(`status.${status}` as MessageId) : status);
}

/** The same words for a desk (employer, authority): an offer waits for the worker rather than being "offered to you". */
export function useDeskStatusLabel(): (status: string) => string {
  const t = useT();
  const shared = useStatusLabel();
  return (status) => (status === 'offered' ? t('employer.stage.offered') : shared(status));
}
