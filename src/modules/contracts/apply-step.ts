import { type Expression, type Insertable, type Kysely, type RawBuilder, sql, type Updateable } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import { AppError } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import { type AuditEvent, auditValues, recordEvent } from '../audit/record-event.js';
import { type ContractRow, insertTransition, type TransitionRow, type VersionRow } from './contract-queries.js';
import { buildContractView, type ContractView } from './contract-view.js';
import { contractFromJson, versionFromJson } from './json-rows.js';
import type { OpenContract } from './open-contract.js';
import type { ContractsTable, ContractTransitionsTable, ContractVersionsTable } from './tables.js';
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
  const transition = await insertTransition(trx, transitionValues(actor, c, step));
  await recordEvent(trx, actor, stepEvent(c, step));
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
 * One statement: the version and the contract updated, the transition and the audit event
 * inserted (data-modifying CTEs), plus whatever `also` adds (the log append of a registration),
 * so that a step's writes cost one round trip.
 */
export async function applyStep(
  trx: Kysely<DB>,
  actor: Actor,
  open: OpenContract,
  step: Transition,
  changes: StepChanges = {},
  also: AlsoWrite[] = [],
): Promise<StepResult> {
  const { contract, current } = open;
  const versionChanges = { ...(step.version ? { state: step.version } : {}), ...changes.version };
  const amendmentDropped = amendmentOf(step.from) !== null && amendmentOf(step.to) === null && step.action !== 'register';
  const contractChanges: Updateable<ContractsTable> = {
    status: statusOf(step.to),
    ...(amendmentDropped ? { current_version: contract.registered_version! } : {}),
    ...changes.contract,
    updated_at: new Date(),
  };
  // What the audit event says is known before the statement: the contract's identity does not change in a step.
  const record: StepRecord = {
    action: step.action,
    version: current.version,
    from: step.from,
    to: step.to,
    reason: changes.reason,
    details: changes.details,
  };
  const versionUpdate = Object.keys(versionChanges).length
    ? trx
        .updateTable('contract_versions')
        .set(versionChanges)
        .where('employer_id', '=', current.employer_id)
        .where('contract_id', '=', current.contract_id)
        .where('version', '=', current.version)
        .returningAll()
    : undefined;
  const contractRow = trx.updateTable('contracts').set(contractChanges).where('employer_id', '=', contract.employer_id).where('id', '=', contract.id);
  // Read without a lock: the row must still be the one read, or the whole statement fails (CR409).
  const contractUpdate = (open.revision === undefined ? contractRow : contractRow.where(sql<boolean>`xmin = ${open.revision}::xid`)).returningAll();
  const transitionInsert = trx.insertInto('contract_transitions').values(transitionValues(actor, contract, record)).returningAll();
  const auditInsert = trx.insertInto('audit_events').values(auditValues(actor, stepEvent(contract, record)));
  const ctes = [
    ...(versionUpdate ? [sql`v AS (${versionUpdate})`] : []),
    sql`c AS (${contractUpdate})`,
    sql`t AS (${transitionInsert})`,
    sql`a AS (${auditInsert})`,
    ...also.map((w, i) => sql`${sql.ref(`also_${i}`)} AS (${w})`),
  ];
  const { rows } = await sql<TransitionRow & { x_version: Record<string, unknown> | null; x_contract: Record<string, unknown> }>`
    WITH ${sql.join(ctes)}
    SELECT t.*, ${versionUpdate ? sql`(SELECT row_to_json(v) FROM v)` : sql`NULL::json`} AS x_version, (SELECT row_to_json(c) FROM c) AS x_contract
    FROM t ${open.revision === undefined ? sql`` : sql`WHERE corridor_step_applied((SELECT count(*) FROM c))`}`.execute(trx);
  const row = rows[0];
  if (!row || !row.x_contract) throw new AppError('internal', `The step on contract ${contract.id} changed nothing`);
  const { x_version, x_contract, ...transition } = row;
  if (versionUpdate && !x_version) throw new AppError('internal', `Version ${current.version} of contract ${contract.id} is missing`);
  return {
    contract: contractFromJson(x_contract),
    version: x_version ? versionFromJson(x_version) : current,
    transition: transition as TransitionRow,
  };
}

/** A further write of a step, run in the same statement (a data-modifying query with no WITH of its own). */
export type AlsoWrite = Expression<unknown> | RawBuilder<unknown>;

function transitionValues(actor: Actor, c: ContractRow, step: StepRecord): Insertable<ContractTransitionsTable> {
  return {
    employer_id: c.employer_id,
    contract_id: c.id,
    version: step.version,
    from_state: step.from,
    to_state: step.to,
    actor_type: actor.type,
    actor_user_id: actor.userId ?? null,
    actor_organisation_id: actor.organisationId ?? null,
    reason: step.reason ?? null,
  };
}

export function stepEvent(c: ContractRow, step: StepRecord): AuditEvent {
  return {
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
  };
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
