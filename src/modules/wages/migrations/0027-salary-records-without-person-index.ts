import { type Kysely, sql } from 'kysely';

/**
 * Every payment of a month is COPYed into salary_records: 5.4 million for a UAE-size month
 * (issue 5). The index on (employer_id, month, person_id) cost 1.85 s of the server's time per
 * million payments (docs/performance.md, session 7), more than the primary key, and no query
 * uses it any more: the reconciliation reads a month whole (the month index), and the count of
 * unregistered payments is one hash anti-join (decision 0021).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX salary_records_employer_month_person`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX salary_records_employer_month_person ON salary_records (employer_id, month, person_id)`.execute(db);
}
