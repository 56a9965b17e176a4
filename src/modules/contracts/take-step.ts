import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import { conflict } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import { today } from '../corridors/read-corridors.js';
import { applyStep } from './apply-step.js';
import { contractView, type ContractView } from './contract-view.js';
import { openContract } from './open-contract.js';
import { alreadyDone, decide } from './transitions.js';

/** The steps that need no more than the table, a reason and (to activate) the calendar. */
export type SimpleAction = 'decline' | 'reject' | 'withdraw' | 'activate' | 'complete' | 'terminate';

/**
 * Decline (worker), reject (an authority), withdraw (employer), activate, complete or
 * terminate (employer or destination authority). A step already taken changes nothing.
 */
export async function takeStep(db: Kysely<DB>, actor: Actor, id: string, action: SimpleAction, reason?: string): Promise<ContractView> {
  return db.transaction().execute(async (trx) => {
    const open = await openContract(trx, actor, id, true);
    if (alreadyDone(open.stage, action, open.party)) return contractView(trx, open.contract, open.party);
    const step = decide(open.stage, action, open.party);
    if (action === 'activate') {
      const start = open.registered!.start_date;
      if (today() < start) throw conflict(`The contract starts on ${start}: it can be activated from that day`, { start_date: start });
    }
    const { contract } = await applyStep(trx, actor, open, step, { reason: reason ?? null });
    return contractView(trx, contract, open.party);
  });
}
