import { type Kysely, sql } from 'kysely';
import type { DB } from '../../schema.js';

/** Tables the application may read and append to, never change: the audit trail and the registry's log. */
export const APPEND_ONLY_TABLES = new Set<string>(['audit_events', 'registry_entries', 'registry_nodes', 'registry_tree_heads']);

/**
 * Rows other tables point at without a foreign key (decisions 0010, 0014, 0016): never deleted,
 * so those references cannot come to point at nothing.
 */
export const NEVER_DELETED_TABLES = new Set<string>(['organisations', 'salary_files', 'remittance_imports']);

/** Tables the application may insert into and only change these columns of. */
export const UPDATE_ONLY_COLUMNS: Record<string, readonly string[]> = { signing_keys: ['retired_at'] };

/**
 * The application works as the role corridor_app, not as the owner. It may change
 * every table except the append-only ones; a trigger (in their migrations) also stops
 * the owner.
 */
export async function APP_ROLE_GRANTS(db: Kysely<DB>): Promise<void> {
  await sql`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'corridor_app') THEN CREATE ROLE corridor_app NOLOGIN; END IF;
  END $$`.execute(db);
  await sql`GRANT corridor_app TO CURRENT_USER`.execute(db).catch(() => undefined);
  await sql`GRANT USAGE ON SCHEMA public TO corridor_app`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO corridor_app`.execute(db);
  await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO corridor_app`.execute(db);
  for (const table of APPEND_ONLY_TABLES) {
    await sql`REVOKE UPDATE, DELETE, TRUNCATE ON ${sql.table(table)} FROM corridor_app`.execute(db);
  }
  for (const table of NEVER_DELETED_TABLES) {
    await sql`REVOKE DELETE, TRUNCATE ON ${sql.table(table)} FROM corridor_app`.execute(db);
  }
  // Signing keys may be added and retired, never rewritten or deleted (a trigger also checks which columns changed).
  for (const [table, columns] of Object.entries(UPDATE_ONLY_COLUMNS)) {
    await sql`REVOKE UPDATE, DELETE, TRUNCATE ON ${sql.table(table)} FROM corridor_app`.execute(db);
    await sql`GRANT UPDATE (${sql.join(columns.map((c) => sql.ref(c)))}) ON ${sql.table(table)} TO corridor_app`.execute(db);
  }
  // Kysely's own bookkeeping is the owner's alone.
  await sql`REVOKE ALL ON kysely_migration, kysely_migration_lock FROM corridor_app`.execute(db);
}
