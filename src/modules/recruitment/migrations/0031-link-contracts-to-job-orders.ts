import { type Kysely, sql } from 'kysely';

/** Contracts offered against a job order name it (fair recruitment: joint liability, ratings, SDG 10.7.1). */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE contracts ADD COLUMN job_order_id uuid REFERENCES job_orders (id);
    CREATE INDEX contracts_job_order ON contracts (job_order_id) WHERE job_order_id IS NOT NULL;
    COMMENT ON COLUMN contracts.job_order_id IS 'The job order the contract was offered against (null: made without one)';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE contracts DROP COLUMN job_order_id;`.execute(db);
}
