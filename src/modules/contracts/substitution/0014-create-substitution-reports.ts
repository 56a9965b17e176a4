import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE substitution_reports (
      employer_id uuid NOT NULL,
      contract_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      contract_no text NOT NULL,
      registered_version integer NOT NULL,
      presented_terms jsonb NOT NULL,
      presented_digest text NOT NULL,
      findings jsonb NOT NULL,
      less_favourable integer NOT NULL,
      worker_id uuid NOT NULL REFERENCES workers (id),
      origin_country char(3) NOT NULL,
      destination_country char(3) NOT NULL,
      reported_by_type text NOT NULL,
      reported_by_user_id uuid,
      reported_by_organisation_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (employer_id, id),
      FOREIGN KEY (employer_id, contract_id) REFERENCES contracts (employer_id, id),
      CONSTRAINT substitution_reports_once UNIQUE (employer_id, contract_id, presented_digest)
    );
    CREATE INDEX substitution_reports_worker ON substitution_reports (worker_id);
    CREATE INDEX substitution_reports_countries ON substitution_reports (origin_country, destination_country);
    COMMENT ON TABLE substitution_reports IS 'Terms presented after registration compared with the registered ones: what both authorities and the worker are shown';
    COMMENT ON COLUMN substitution_reports.employer_id IS 'The employer of the contract (distribution column)';
    COMMENT ON COLUMN substitution_reports.contract_id IS 'The registered contract';
    COMMENT ON COLUMN substitution_reports.id IS 'Identifier';
    COMMENT ON COLUMN substitution_reports.contract_no IS 'Its public number';
    COMMENT ON COLUMN substitution_reports.registered_version IS 'The registered version compared against';
    COMMENT ON COLUMN substitution_reports.presented_terms IS 'The terms presented (e.g. the contract filed at destination)';
    COMMENT ON COLUMN substitution_reports.presented_digest IS 'Hex SHA-256 of the canonical presented terms: the same terms presented again make no second report';
    COMMENT ON COLUMN substitution_reports.findings IS 'Every term less favourable to the worker, or changed, with both values';
    COMMENT ON COLUMN substitution_reports.less_favourable IS 'How many findings are less favourable to the worker';
    COMMENT ON COLUMN substitution_reports.worker_id IS 'The worker, who sees the report';
    COMMENT ON COLUMN substitution_reports.origin_country IS 'Whose origin authority sees it';
    COMMENT ON COLUMN substitution_reports.destination_country IS 'Whose destination authority sees it';
    COMMENT ON COLUMN substitution_reports.reported_by_type IS 'user, token or cli';
    COMMENT ON COLUMN substitution_reports.reported_by_user_id IS 'The person who presented the terms, if a person';
    COMMENT ON COLUMN substitution_reports.reported_by_organisation_id IS 'The organisation they acted for';
    COMMENT ON COLUMN substitution_reports.created_at IS 'When the terms were first presented';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE substitution_reports`.execute(db);
}
