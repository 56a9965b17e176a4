import { readFileSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { CLI_ACTOR } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { applyRules } from '../../corridors/apply-rules.js';
import { IMPORT_COLUMNS } from './import-columns.js';

/** Test-only: the NPL-ARE example corridor, as `corridors apply docs/examples/corridor-npl-are.json` makes it. */
export async function applyExampleCorridor(database: Database, extra: Record<string, unknown> = {}): Promise<void> {
  const rules = JSON.parse(readFileSync(new URL('../../../../docs/examples/corridor-npl-are.json', import.meta.url), 'utf8'));
  await applyRules(database.db, CLI_ACTOR, { ...rules, ...extra });
}

export type LegacyCsvRow = Record<(typeof IMPORT_COLUMNS)[number], string>;

export const validRow = (i: number, overrides: Partial<LegacyCsvRow> = {}): LegacyCsvRow => ({
  contract_no: `T-${String(i).padStart(6, '0')}`,
  worker_id: `78419900${String(i).padStart(7, '0')}`,
  worker_name: `Worker Number ${i}`,
  sex: i % 2 ? 'F' : 'M',
  birth_date: '1995-04-12',
  nationality: 'NPL',
  passport_no: `PA${String(i).padStart(7, '0')}`,
  employer_id: 'EST-1',
  employer_name: 'Legacy name of the employer',
  occupation_isco: '7112',
  start_date: '2026-03-01',
  end_date: '2028-02-29',
  basic_wage_minor: '150000',
  allowances_minor: i % 3 ? '25000' : '0',
  currency: 'AED',
  ...overrides,
});

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export function writeCsv(file: string, rows: readonly Record<string, string>[], columns: readonly string[] = IMPORT_COLUMNS): void {
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => quote(r[c] ?? '')).join(','))];
  writeFileSync(file, lines.join('\n') + '\n');
}

export const STORED_TABLES = ['contracts', 'contract_versions', 'contract_transitions', 'workers', 'registry_entries', 'registry_nodes', 'registry_tree_heads', 'audit_events'] as const;

export async function countRows(database: Database): Promise<Record<(typeof STORED_TABLES)[number], number>> {
  const counts = {} as Record<(typeof STORED_TABLES)[number], number>;
  for (const table of STORED_TABLES) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(database.db);
    counts[table] = rows[0]!.n;
  }
  return counts;
}
