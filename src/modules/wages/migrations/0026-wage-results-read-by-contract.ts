import { type Kysely, sql } from 'kysely';

/**
 * A month's reconciliation writes one result per registered contract: 5.4 million rows for a
 * UAE-size month (issue 5). Of the three indexes kept on each, the one on (worker_id, month)
 * cost more than the other two together (random keys: 3.6 s of 8 s per million rows,
 * docs/performance.md). A worker's results are found through their contracts instead
 * (contracts_worker, then the primary key's (employer_id, contract_id) prefix), as the
 * worker-scoped reads now ask (docs/decisions/0021).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX wage_results_worker`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX wage_results_worker ON wage_results (worker_id, month)`.execute(db);
}
