import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../schema.js';
import type { ImportContext } from './import-context.js';

/** New workers (by worker_id = person_id), from the first line that names each; returns how many. */
export async function insertWorkers(db: Kysely<DB>): Promise<number> {
  const result = await sql`
    INSERT INTO workers (full_name, sex, birth_date, nationality, passport_no, person_id)
    SELECT DISTINCT ON (t.worker_id) t.worker_name, t.sex, t.birth_on, t.nationality, t.passport_no, t.worker_id
    FROM import_rows t
    WHERE NOT EXISTS (SELECT 1 FROM workers w WHERE w.person_id = t.worker_id)
    ORDER BY t.worker_id, t.line
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * The contracts, registered, each with version 1 of its terms at leaf index
 * `firstLeaf + seq` and the transition that records how it came in.
 */
export async function insertContracts(db: Kysely<DB>, ctx: ImportContext, firstLeaf: number, actorType: string): Promise<number> {
  const result = await sql`
    INSERT INTO contracts (employer_id, id, contract_no, corridor_code, worker_id, status, current_version,
      registered_version, origin_country, destination_country, source)
    SELECT employer_uuid, contract_uuid, contract_no, corridor, worker_uuid, 'registered', 1, 1, ${ctx.origin}, ${ctx.destination}, 'legacy_import'
    FROM import_ready
  `.execute(db);
  await sql`
    INSERT INTO contract_versions (employer_id, contract_id, version, state, terms, terms_digest, rules_version, breaches,
      start_date, end_date, monthly_fixed_minor, currency, registered_at, signatures, leaf_index)
    SELECT employer_uuid, contract_uuid, 1, 'registered', terms_json::jsonb, terms_digest, ${ctx.rulesVersion}, '[]',
      start_on, end_on, basic_minor + allowance_minor, currency, ${ctx.registeredAt}::timestamptz, '[]', ${firstLeaf}::bigint + seq
    FROM import_ready
  `.execute(db);
  await sql`
    INSERT INTO contract_transitions (employer_id, contract_id, version, from_state, to_state, actor_type, reason)
    SELECT employer_uuid, contract_uuid, 1, NULL, 'registered', ${actorType}, 'legacy import'
    FROM import_ready
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
