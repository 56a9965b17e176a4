import { type Kysely, sql } from 'kysely';
import type { DB } from '../../schema.js';
import { auditValues } from '../audit/record-event.js';
import { type AlsoWrite, type StepResult, stepEvent } from './apply-step.js';
import type { TransitionRow } from './contract-queries.js';
import { contractFromJson, versionFromJson } from './json-rows.js';
import type { Registration } from './registration-batches.js';
import { statusOf } from './transitions.js';

/**
 * Every registration of a batch written in one statement whose text does not depend on how many
 * there are (so it is planned once per connection): the registrations travel as one JSON
 * array, typed by json_to_recordset, and each write is one set-based query over it. What each
 * writes is what applyStep writes for a registration: the version registered with its
 * signatures and leaf, the contract's status and versions, the transition and the audit event.
 * `also` adds the log append, as with applyStep. The contracts are locked by the caller.
 */
export async function writeRegistrations(trx: Kysely<DB>, registrations: readonly (Registration & { leafIndex: number })[], also: AlsoWrite[]): Promise<StepResult[]> {
  const input = registrations.map(({ actor, open, step, signatures, entry, leafIndex }, n) => {
    const { contract, current, registered } = open;
    const details = { terms_digest: current.terms_digest, leaf_index: leafIndex, ...(registered ? { supersedes_version: registered.version } : {}) };
    const event = stepEvent(contract, { action: step.action, version: current.version, from: step.from, to: step.to, details });
    return {
      n,
      employer_id: contract.employer_id,
      contract_id: contract.id,
      version: current.version,
      state: step.version,
      status: statusOf(step.to),
      registered_at: entry.registeredAt,
      signatures,
      leaf_index: leafIndex,
      from_state: step.from,
      to_state: step.to,
      ...auditValues(actor, event),
      details: event.details,
    };
  });
  const { rows } = await sql<TransitionRow & { x_n: number; x_version: Record<string, unknown>; x_contract: Record<string, unknown> }>`
    WITH i AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(input)}::json) AS i(n int, employer_id uuid, contract_id uuid, version int, state text, status text,
        registered_at timestamptz, signatures jsonb, leaf_index bigint, from_state text, to_state text, actor_type text, actor_user_id uuid,
        actor_token_id uuid, actor_organisation_id uuid, ip text, request_id text, action text, subject_type text, subject_id text,
        scope_organisation_ids uuid[], scope_countries text[], details jsonb)
    ),
    v AS (
      UPDATE contract_versions cv SET state = i.state, registered_at = i.registered_at, signatures = i.signatures, leaf_index = i.leaf_index
      FROM i WHERE cv.employer_id = i.employer_id AND cv.contract_id = i.contract_id AND cv.version = i.version
      RETURNING cv.*
    ),
    c AS (
      UPDATE contracts c SET status = i.status, registered_version = i.version, current_version = i.version, updated_at = now()
      FROM i WHERE c.employer_id = i.employer_id AND c.id = i.contract_id
      RETURNING c.*
    ),
    t AS (
      INSERT INTO contract_transitions (employer_id, contract_id, version, from_state, to_state, actor_type, actor_user_id, actor_organisation_id, reason)
      SELECT employer_id, contract_id, version, from_state, to_state, actor_type, actor_user_id, actor_organisation_id, NULL FROM i ORDER BY n
      RETURNING *
    ),
    a AS (
      INSERT INTO audit_events (actor_type, actor_user_id, actor_token_id, actor_organisation_id, ip, request_id, action, subject_type, subject_id,
        scope_organisation_ids, scope_countries, details)
      SELECT actor_type, actor_user_id, actor_token_id, actor_organisation_id, ip, request_id, action, subject_type, subject_id,
        scope_organisation_ids, scope_countries, details FROM i ORDER BY n
    )
    ${sql.join(also.map((w, k) => sql`, ${sql.ref(`also_${k}`)} AS (${w})`), sql``)}
    SELECT i.n AS x_n, t.*,
      (SELECT row_to_json(v) FROM v WHERE v.contract_id = i.contract_id) AS x_version,
      (SELECT row_to_json(c) FROM c WHERE c.id = i.contract_id) AS x_contract
    FROM i JOIN t ON t.contract_id = i.contract_id`.execute(trx);
  const byN = new Map(rows.map((row) => [row.x_n, row]));
  return registrations.map(({ open }, n) => {
    const row = byN.get(n);
    if (!row?.x_version || !row.x_contract) throw new Error(`The registration of contract ${open.contract.id} changed nothing`);
    const { x_n, x_version, x_contract, ...transition } = row;
    return { contract: contractFromJson(x_contract), version: versionFromJson(x_version), transition: transition as TransitionRow };
  });
}
