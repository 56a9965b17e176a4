import { type Kysely, sql } from 'kysely';

/**
 * Contract numbers come from one sequence (readable, unique, never reused); the views
 * record in which language the worker was shown each offered version, which acceptance requires.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE SEQUENCE contract_number_seq AS bigint START 1;
    COMMENT ON SEQUENCE contract_number_seq IS 'Serial part of contract numbers (CORRIDOR-YEAR-NNNNNNN), shared by every corridor';

    CREATE TABLE contract_views (
      employer_id uuid NOT NULL,
      contract_id uuid NOT NULL,
      version integer NOT NULL,
      language text NOT NULL,
      worker_id uuid NOT NULL REFERENCES workers (id),
      first_viewed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (employer_id, contract_id, version, language),
      FOREIGN KEY (employer_id, contract_id, version) REFERENCES contract_versions (employer_id, contract_id, version)
    );
    COMMENT ON TABLE contract_views IS 'The worker was shown an offered version of the terms in a language: acceptance needs one in the accepted language';
    COMMENT ON COLUMN contract_views.employer_id IS 'The employer of the contract (distribution column)';
    COMMENT ON COLUMN contract_views.contract_id IS 'The contract';
    COMMENT ON COLUMN contract_views.version IS 'The version of the terms shown';
    COMMENT ON COLUMN contract_views.language IS 'Language the worker chose to read it in (one of the terms'' languages, BCP 47)';
    COMMENT ON COLUMN contract_views.worker_id IS 'The worker who read it (always the contract''s worker)';
    COMMENT ON COLUMN contract_views.first_viewed_at IS 'First time it was shown in this language';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE contract_views; DROP SEQUENCE contract_number_seq;`.execute(db);
}
