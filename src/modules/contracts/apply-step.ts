import type { Kysely, Updateable } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import type { DB } from '../../schema.js';
import { recordEvent } from '../audit/record-event.js';
import { type ContractRow, insertTransition, type TransitionRow, updateContract, updateVersion, type VersionRow } from './contract-queries.js';
import { buildContractView, type ContractView } from './contract-view.js';
import type { OpenContract } from './open-contract.js';
import type { ContractsTable, ContractVersionsTable } from './tables.js';
import { type Action, amendmentOf, type Stage, statusOf, type Transition } from './transitions.js';

const EVENTS: Record<Action | 'draft', string> = {
  draft: 'contract.drafted',
  edit: 'contract.terms_edited',
  offer: 'contract.offered',
  accept: 'contract.accepted',
  decline: 'contract.declined',
  approve: 'contract.approved',
  reject: 'contract.rejected',
  register: 'contract.registered',
  activate: 'contract.activated',
  complete: 'contract.completed',
  terminate: 'contract.terminated',
  withdraw: 'contract.withdrawn',
  amend: 'contract.amended',
};

export interface StepRecord {
  action: Action | 'draft';
  version: number;
  from: Stage | null;
  to: Stage;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Who, when and why, in the contract's own history and in the audit trail, in the caller's transaction. */
export async function recordStep(trx: Kysely<DB>, actor: Actor, c: ContractRow, step: StepRecord): Promise<TransitionRow> {
  const transition = await insertTransition(trx, {
    employer_id: c.employer_id,
    contract_id: c.id,
    version: step.version,
    from_state: step.from,
    to_state: step.to,
    actor_type: actor.type,
    actor_user_id: actor.userId ?? null,
    actor_organisation_id: actor.organisationId ?? null,
    reason: step.reason ?? null,
  });
  await recordEvent(trx, actor, {
    action: EVENTS[step.action],
    subjectType: 'contract',
    subjectId: c.id,
    organisationIds: [c.employer_id],
    countries: [c.origin_country, c.destination_country],
    details: {
      contract_no: c.contract_no,
      worker_id: c.worker_id,
      version: step.version,
      from: step.from,
      to: step.to,
      ...(step.reason ? { reason: step.reason } : {}),
      ...step.details,
    },
  });
  return transition;
}

export interface StepChanges {
  reason?: string | null;
  version?: Updateable<ContractVersionsTable>;
  contract?: Updateable<ContractsTable>;
  details?: Record<string, unknown>;
}

/**
 * Takes a decided step on the current version: its new state, the contract's new status,
 * the record. An amendment that ends without registration leaves the registered version current.
 */
export async function applyStep(
  trx: Kysely<DB>,
  actor: Actor,
  open: OpenContract,
  step: Transition,
  changes: StepChanges = {},
): Promise<StepResult> {
  const { contract, current } = open;
  const versionChanges = { ...(step.version ? { state: step.version } : {}), ...changes.version };
  const version = Object.keys(versionChanges).length ? await updateVersion(trx, current, versionChanges) : current;
  const amendmentDropped = amendmentOf(step.from) !== null && amendmentOf(step.to) === null && step.action !== 'register';
  const updated = await updateContract(trx, contract, {
    status: statusOf(step.to),
    ...(amendmentDropped ? { current_version: contract.registered_version! } : {}),
    ...changes.contract,
  });
  const transition = await recordStep(trx, actor, updated, {
    action: step.action,
    version: version.version,
    from: step.from,
    to: step.to,
    reason: changes.reason,
    details: changes.details,
  });
  return { contract: updated, version, transition };
}

export interface StepResult {
  contract: ContractRow;
  version: VersionRow;
  transition: TransitionRow;
}

/**
 * The contract as `open.party` sees it after the step, built from what the step read (after
 * its lock) and what it wrote (RETURNING): no second read of the contract.
 */
export function viewAfterStep(open: OpenContract, result: StepResult, alsoChanged: VersionRow[] = []): ContractView {
  const changed = new Map([...alsoChanged, result.version].map((v) => [v.version, v]));
  const { history } = open;
  return buildContractView(result.contract, open.party, {
    ...history,
    versions: history.versions.map((v) => changed.get(v.version) ?? v),
    transitions: [...history.transitions, result.transition],
  });
}
