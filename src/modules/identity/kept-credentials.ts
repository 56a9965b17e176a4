import type { Database } from '../../core/db/database.js';
import { KeptAnswers } from '../../core/db/kept-answers.js';
import type { KeptCredentials } from './authenticate.js';

export const CREDENTIALS_CHANGED = 'corridor_credentials_changed';

/**
 * Sign-in answers kept by one server process (decision 0020): a request then costs no read of
 * its session or token. A revocation, a disabled user or a suspended organisation is heard from
 * the database on commit (migration 0007) and forgets what it concerns; while not hearing,
 * nothing is kept. Renewed after a minute whatever is heard.
 */
export async function keptCredentials(database: Database): Promise<{ kept: KeptCredentials; stop: () => Promise<void> }> {
  const kept: KeptCredentials = new KeptAnswers(50_000, 60_000);
  const stop = await kept.hear(database, CREDENTIALS_CHANGED, (what) => (what === '*' ? kept.forgetAll() : kept.forget(what)));
  return { kept, stop };
}

/** The routes that change sessions, tokens, users or organisations (sign-out, revocation, disabling, suspension...). */
const IDENTITY_CHANGES = /^\/api\/v1\/(auth|tokens|users|organisations)(\/|\?|$)/;

/**
 * A change made through this process is forgotten here before its answer is sent, not a
 * notification's trip later: the client that revoked something is refused with it at once.
 */
export function forgetsOwnChanges(kept: KeptCredentials) {
  return async <P>(request: { method: string; url: string }, _reply: unknown, payload: P): Promise<P> => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && IDENTITY_CHANGES.test(request.url)) kept.forgetAll();
    return payload;
  };
}
