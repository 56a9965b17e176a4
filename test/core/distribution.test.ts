import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { type TestDatabase, testDatabase } from '../helpers/database.js';

/** The large tables of docs/scaling.md and the column they would be distributed by. */
const DISTRIBUTED: Record<string, string> = {
  contracts: 'employer_id',
  contract_versions: 'employer_id',
  contract_transitions: 'employer_id',
  contract_views: 'employer_id',
  substitution_reports: 'employer_id',
  salary_records: 'employer_id',
  wage_results: 'employer_id',
  wage_mandates: 'employer_id',
};

describe('schema ready for distribution (docs/scaling.md)', () => {
  let database: TestDatabase;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  it('puts the distribution column in the primary key of every large table', async () => {
    const { rows } = await sql<{ table_name: string; columns: string[] }>`
      SELECT tc.table_name, array_agg(kcu.column_name::text ORDER BY kcu.ordinal_position) AS columns
      FROM information_schema.table_constraints tc
      JOIN information_schema.key_column_usage kcu
        ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
      WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = 'public'
      GROUP BY tc.table_name`.execute(database.db);
    const keys = new Map(rows.map((r) => [r.table_name, r.columns]));
    for (const [table, column] of Object.entries(DISTRIBUTED)) {
      assert.ok(keys.has(table), `${table} exists with a primary key`);
      assert.ok(keys.get(table)!.includes(column), `${table} primary key (${keys.get(table)}) includes ${column}`);
    }
  });

  it('comments every table and column', async () => {
    const { rows } = await sql<{ what: string }>`
      SELECT c.relname || coalesce('.' || a.attname, '') AS what
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE c.relkind IN ('r', 'v') AND c.relname NOT LIKE 'kysely_%'
        AND (CASE WHEN a.attname IS NULL THEN obj_description(c.oid, 'pg_class') ELSE col_description(c.oid, a.attnum) END) IS NULL
        AND (a.attname IS NOT NULL OR obj_description(c.oid, 'pg_class') IS NULL)`.execute(database.db);
    assert.deepEqual(rows.map((r) => r.what), []);
  });
});
