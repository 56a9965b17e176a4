import { type Kysely, sql } from 'kysely';

/**
 * A month's payments are COPYed in batches of thousands of files (issue 5: import and
 * reconciliation within 2x a plain COPY and one join). The two per-row foreign-key triggers of
 * salary_records took about half of that COPY on PGlite; both references hold by construction
 * (docs/decisions/0016), and the rows they point at can no longer be deleted (core/db/grants.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE salary_records DROP CONSTRAINT salary_records_employer_id_fkey, DROP CONSTRAINT salary_records_file_id_fkey;
    COMMENT ON COLUMN salary_records.employer_id IS 'The employer the file was accepted for (organisations.id; set only by the intake, from the file''s acknowledgement)';
    COMMENT ON COLUMN salary_records.file_id IS 'The accepted salary file (salary_files.id; written by the intake in the same transaction as the file''s row)';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE salary_records ADD FOREIGN KEY (employer_id) REFERENCES organisations (id), ADD FOREIGN KEY (file_id) REFERENCES salary_files (id);
  `.execute(db);
}
