import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import type { Config } from '../../core/config.js';
import { notFound } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import { isUuid } from '../identity/access.js';
import { viewAfterStep } from './apply-step.js';
import { activeSigningKeys } from './contract-history.js';
import { updateVersion } from './contract-queries.js';
import { buildContractView, type ContractView } from './contract-view.js';
import { initialsOf } from './initials.js';
import { type OpenContract, opened, readContracts } from './open-contract.js';
import { writeRegistrations } from './registration-writes.js';
import { prepareAppend } from './registry/append-entries.js';
import { appendWrites, lockLogWithFrontier } from './registry/append-queries.js';
import type { LeafInput } from './registry/leaf.js';
import { signTermsAs } from './registry/sign-terms.js';
import type { ContractTerms } from './terms.schema.js';
import { decide, type Transition } from './transitions.js';
import type { PartySignature } from './verifier/payload-v1.js';

/** A registration asked for: who asks, for which contract. */
export interface RegistrationRequest {
  actor: Actor;
  id: string;
}

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
 * Group commit (decision 0019). The log has one writer at a time, so registrations would queue
 * for its lock; instead each server process takes every registration asked for while its
 * previous batch was being written as the next batch, in one transaction: the contracts and
 * the log locked, the contracts read, each registration decided and signed, everything written
 * in one statement, one signed tree head, one commit. Each request is answered after that
 * commit, or with its own refusal. A batch that fails for any other reason is taken again one
 * registration at a time, so that one bad registration fails alone. Inside a caller's
 * transaction the registration is made there.
 */
export async function registerTogether(db: Kysely<DB>, config: Config, request: RegistrationRequest): Promise<ContractView> {
  if (db.isTransaction) return settle((await registerBatch(db, config, [request]))[0]!);
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = new RegistrationQueue(db, config)));
  return queue.submit(request);
}

const queues = new WeakMap<Kysely<DB>, RegistrationQueue>();

function settle(outcome: Outcome): ContractView {
  if ('error' in outcome) throw outcome.error;
  return outcome.view;
}

interface Waiting {
  request: RegistrationRequest;
  resolve: (view: ContractView) => void;
  reject: (error: unknown) => void;
}

class RegistrationQueue {
  private waiting: Waiting[] = [];
  private running = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly config: Config,
  ) {}

  submit(request: RegistrationRequest): Promise<ContractView> {
    const promise = new Promise<ContractView>((resolve, reject) => this.waiting.push({ request, resolve, reject }));
    if (!this.running) void this.drain();
    return promise;
  }

  /** The next batch: in order of arrival, a contract at most once (a repeated request waits for the next batch, and is answered from what this one wrote). */
  private nextBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    const ids = new Set<string>();
    for (const w of this.waiting) {
      if (batch.length < MOST && !ids.has(w.request.id)) {
        batch.push(w);
        ids.add(w.request.id);
      } else rest.push(w);
    }
    this.waiting = rest;
    return batch;
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.nextBatch();
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
    const outcomes = await this.db.transaction().execute((trx) => registerBatch(trx, this.config, batch.map((w) => w.request)));
    outcomes.forEach((outcome, i) => ('error' in outcome ? batch[i]!.reject(outcome.error) : batch[i]!.resolve(outcome.view)));
  }
}

/**
 * Registers, in the caller's transaction, each contract asked for (each at most once): locked
 * with the log in one statement, then read (current, being locked), decided and signed here,
 * then written with the whole append in one statement.
 */
async function registerBatch(trx: Kysely<DB>, config: Config, requests: readonly RegistrationRequest[]): Promise<Outcome[]> {
  // An id that is not a UUID is not found (below), and must not reach the statements' uuid[] casts.
  const ids = requests.map((r) => r.id).filter(isUuid);
  const locked = await lockLogWithFrontier(trx, ids);
  const [contracts, keys] = await Promise.all([
    readContracts(trx, ids),
    activeSigningKeys(trx, 'authority', [...new Set(requests.map((r) => r.actor.organisationId).filter((o): o is string => !!o))]),
  ]);
  const outcomes: Outcome[] = [];
  const decided: (Registration & { i: number })[] = [];
  for (const [i, { actor, id }] of requests.entries()) {
    try {
      const read = contracts.get(id);
      if (!read) throw notFound(`Contract ${id}`);
      const open = opened(actor, id, read.contract, read.history, keys.get(actor.organisationId ?? '') ?? null);
      const { contract, current } = open;
      if (open.party === 'destination' && current.registered_at !== null) {
        outcomes[i] = { view: buildContractView(contract, open.party, open.history) };
        continue;
      }
      const step = decide(open.stage, 'register', open.party);
      const signature = await signTermsAs(trx, config, 'destination', actor.organisationId ?? null, current.terms_digest, open.signingKey);
      const signatures = [...(current.signatures as PartySignature[]), signature];
      decided.push({ i, actor, open, step, signatures, entry: leafOf(open, signatures) });
    } catch (error) {
      outcomes[i] = { error };
    }
  }
  if (decided.length > 0) {
    const append = await prepareAppend(trx, config, decided.map((r) => r.entry), locked);
    // Amendments only: the version in force becomes superseded.
    const superseded = await Promise.all(decided.map(async ({ open }) => (open.registered ? [await updateVersion(trx, open.registered, { state: 'superseded' })] : [])));
    const results = await writeRegistrations(trx, decided.map((r, k) => ({ ...r, leafIndex: append.leafIndexes[k]! })), appendWrites(append.rows));
    results.forEach((result, k) => (outcomes[decided[k]!.i] = { view: viewAfterStep(decided[k]!.open, result, superseded[k]) }));
  }
  return outcomes;
}

/** What the log records of a registered version: its digest, signatures and the key terms verification shows. */
function leafOf(open: OpenContract, signatures: PartySignature[]): LeafInput {
  const { contract, current, history } = open;
  const terms = current.terms as ContractTerms;
  return {
    contractNo: contract.contract_no,
    version: current.version,
    termsDigest: current.terms_digest,
    keyTerms: {
      isco: terms.occupation_isco,
      employer: history.employerName,
      wage_minor: terms.wage.basic_monthly_minor,
      currency: terms.wage.currency,
      start: terms.start_date,
      end: terms.end_date,
      worker: initialsOf(history.workerName),
    },
    signatures,
    registeredAt: new Date().toISOString(),
  };
}
