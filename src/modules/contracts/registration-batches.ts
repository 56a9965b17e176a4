import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import type { Config } from '../../core/config.js';
import type { DB } from '../../schema.js';
import { viewAfterStep } from './apply-step.js';
import { writeRegistrations } from './registration-writes.js';
import { updateVersion } from './contract-queries.js';
import type { ContractView } from './contract-view.js';
import type { OpenContract } from './open-contract.js';
import { prepareAppend } from './registry/append-entries.js';
import { appendWrites, lockLogWithFrontier } from './registry/append-queries.js';
import type { LeafInput } from './registry/leaf.js';
import type { Transition } from './transitions.js';
import type { PartySignature } from './verifier/payload-v1.js';

/** A registration decided and signed, waiting for its place in the log. */
export interface Registration {
  actor: Actor;
  open: OpenContract;
  step: Transition;
  signatures: PartySignature[];
  entry: LeafInput;
}

type Outcome = { view: ContractView } | { error: unknown };

/** The most registrations one transaction appends: enough to empty the queue of a busy server. */
const MOST = 64;

/**
 * Group commit. The log has one writer at a time, so registrations queue for its lock; instead
 * each server process sends every registration waiting while the previous transaction ran in
 * one transaction: one lock, one signed tree head and one commit for all of them. A
 * registration is answered only after that commit, as before; a batch that fails for
 * anything but a contract that changed is taken again one registration at a time, so that one
 * bad registration fails alone. Inside a caller's transaction the registration is written there.
 */
export async function registerTogether(db: Kysely<DB>, config: Config, registration: Registration): Promise<ContractView> {
  if (db.isTransaction) return settle((await registerBatch(db, config, [registration]))[0]!);
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = new RegistrationQueue(db, config)));
  return queue.submit(registration);
}

const queues = new WeakMap<Kysely<DB>, RegistrationQueue>();

function settle(outcome: Outcome): ContractView {
  if ('error' in outcome) throw outcome.error;
  return outcome.view;
}

interface Waiting {
  registration: Registration;
  resolve: (view: ContractView) => void;
  reject: (error: unknown) => void;
}

class RegistrationQueue {
  private readonly waiting: Waiting[] = [];
  private running = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly config: Config,
  ) {}

  submit(registration: Registration): Promise<ContractView> {
    const promise = new Promise<ContractView>((resolve, reject) => this.waiting.push({ registration, resolve, reject }));
    if (!this.running) void this.drain();
    return promise;
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MOST);
        try {
          await this.run(batch);
        } catch (error) {
          if (batch.length === 1) batch[0]!.reject(error);
          else for (const one of batch) await this.run([one]).catch(one.reject);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async run(batch: Waiting[]): Promise<void> {
    const outcomes = await this.db.transaction().execute((trx) => registerBatch(trx, this.config, batch.map((w) => w.registration)));
    outcomes.forEach((outcome, i) => ('error' in outcome ? batch[i]!.reject(outcome.error) : batch[i]!.resolve(outcome.view)));
  }
}

/** A contract read without a lock that changed before the batch locked it: its request reads it again (withFreshContract). */
const changedSinceRead = () => Object.assign(new Error('the contract changed since it was read'), { code: 'CR409' });

/**
 * Registers each registration whose contract is still as it was read, in the caller's
 * transaction: the contracts and the log locked in one statement, then every registration's
 * step and the whole append (nodes, entries, signed tree head) written in another.
 */
async function registerBatch(trx: Kysely<DB>, config: Config, registrations: Registration[]): Promise<Outcome[]> {
  const locked = await lockLogWithFrontier(
    trx,
    registrations.filter((r) => r.open.revision !== undefined).map((r) => r.open.contract.id),
  );
  const current = registrations.map((r) => r.open.revision === undefined || locked.contractRevisions.get(r.open.contract.id) === r.open.revision);
  // The same contract twice in a batch (a repeated request): the first registers it, the second reads it again.
  const seen = new Set<string>();
  const taken = registrations.filter((r, i) => {
    if (!current[i] || seen.has(r.open.contract.id)) return (current[i] = false);
    seen.add(r.open.contract.id);
    return true;
  });
  const views: ContractView[] = [];
  if (taken.length > 0) {
    const append = await prepareAppend(trx, config, taken.map((r) => r.entry), locked);
    // Amendments only: the version in force becomes superseded.
    const superseded = await Promise.all(taken.map(async ({ open }) => (open.registered ? [await updateVersion(trx, open.registered, { state: 'superseded' })] : [])));
    const results = await writeRegistrations(trx, taken.map((r, i) => ({ ...r, leafIndex: append.leafIndexes[i]! })), appendWrites(append.rows));
    results.forEach((result, i) => views.push(viewAfterStep(taken[i]!.open, result, superseded[i])));
  }
  let next = 0;
  return current.map((ok) => (ok ? { view: views[next++]! } : { error: changedSinceRead() }));
}
