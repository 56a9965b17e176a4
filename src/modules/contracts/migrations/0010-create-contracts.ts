import { type Kysely, sql } from 'kysely';

/**
 * Contracts carry their employer in every primary key: the distribution column when the
 * schema runs on Citus (docs/scaling.md), so a contract's rows live on one node.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE contracts (
      employer_id uuid NOT NULL REFERENCES organisations (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      contract_no text NOT NULL,
      corridor_code text NOT NULL REFERENCES corridors (code),
      worker_id uuid NOT NULL REFERENCES workers (id),
      status text NOT NULL CONSTRAINT contracts_status_known CHECK (status IN (
        'draft', 'offered', 'accepted', 'approved', 'registered', 'active', 'completed', 'terminated',
        'declined', 'rejected', 'withdrawn')),
      current_version integer NOT NULL DEFAULT 1,
      registered_version integer,
      origin_country char(3) NOT NULL REFERENCES countries (code),
      destination_country char(3) NOT NULL REFERENCES countries (code),
      source text NOT NULL DEFAULT 'platform' CONSTRAINT contracts_source_known CHECK (source IN ('platform', 'legacy_import')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (employer_id, id)
    );
    CREATE UNIQUE INDEX contracts_contract_no_unique ON contracts (contract_no);
    CREATE INDEX contracts_worker ON contracts (worker_id);
    CREATE INDEX contracts_corridor_status ON contracts (corridor_code, status);
    COMMENT ON TABLE contracts IS 'Employment contracts, from draft to completion; the terms are in contract_versions';
    COMMENT ON COLUMN contracts.employer_id IS 'The employing organisation (distribution column)';
    COMMENT ON COLUMN contracts.contract_no IS 'Public contract number, printed and in the QR code';
    COMMENT ON COLUMN contracts.worker_id IS 'The worker';
    COMMENT ON COLUMN contracts.status IS 'draft, offered, accepted (worker), approved (origin), registered (destination), active, completed, terminated; side exits declined, rejected, withdrawn';
    COMMENT ON COLUMN contracts.current_version IS 'Latest version of the terms (an amendment in progress, or the registered one)';
    COMMENT ON COLUMN contracts.registered_version IS 'Version of the terms in force (registered); null before registration';
    COMMENT ON COLUMN contracts.origin_country IS 'Country of origin (corridor origin): whose authority approves';
    COMMENT ON COLUMN contracts.destination_country IS 'Country of employment: whose authority registers';
    COMMENT ON COLUMN contracts.source IS 'platform (went through offer, acceptance and approval here) or legacy_import';

    CREATE TABLE contract_versions (
      employer_id uuid NOT NULL,
      contract_id uuid NOT NULL,
      version integer NOT NULL CONSTRAINT contract_versions_version_positive CHECK (version > 0),
      state text NOT NULL CONSTRAINT contract_versions_state_known CHECK (state IN (
        'draft', 'offered', 'accepted', 'approved', 'registered', 'superseded', 'declined', 'rejected', 'withdrawn')),
      terms jsonb NOT NULL,
      terms_digest text NOT NULL,
      rules_version integer NOT NULL,
      breaches jsonb NOT NULL DEFAULT '[]',
      start_date date NOT NULL,
      end_date date NOT NULL,
      monthly_fixed_minor bigint NOT NULL,
      currency char(3) NOT NULL REFERENCES currencies (code),
      created_at timestamptz NOT NULL DEFAULT now(),
      offered_at timestamptz,
      accepted_at timestamptz,
      accepted_language text,
      approved_at timestamptz,
      registered_at timestamptz,
      signatures jsonb NOT NULL DEFAULT '[]',
      leaf_index bigint,
      PRIMARY KEY (employer_id, contract_id, version),
      FOREIGN KEY (employer_id, contract_id) REFERENCES contracts (employer_id, id)
    );
    CREATE UNIQUE INDEX contract_versions_leaf_index_unique ON contract_versions (leaf_index) WHERE leaf_index IS NOT NULL;
    COMMENT ON TABLE contract_versions IS 'Every version of a contract''s terms; nothing is overwritten, an amendment is a new version';
    COMMENT ON COLUMN contract_versions.state IS 'Where this version stands: draft, offered, accepted, approved, registered, superseded (by a registered amendment), declined, rejected, withdrawn';
    COMMENT ON COLUMN contract_versions.terms IS 'The structured terms (see ContractTerms); immutable once offered';
    COMMENT ON COLUMN contract_versions.terms_digest IS 'Hex SHA-256 of the RFC 8785 canonical terms: what the worker and the authorities sign';
    COMMENT ON COLUMN contract_versions.rules_version IS 'Version of the corridor rules in force on the offer date, that the terms were checked against';
    COMMENT ON COLUMN contract_versions.breaches IS 'Breaches of those rules found at the last check (an offer is only possible with none)';
    COMMENT ON COLUMN contract_versions.start_date IS 'First day of employment (from the terms), for set-based wage checks';
    COMMENT ON COLUMN contract_versions.end_date IS 'Last day of employment (from the terms)';
    COMMENT ON COLUMN contract_versions.monthly_fixed_minor IS 'Basic wage plus fixed allowances per month, minor units (from the terms)';
    COMMENT ON COLUMN contract_versions.currency IS 'Currency of the wage (ISO 4217)';
    COMMENT ON COLUMN contract_versions.accepted_language IS 'Language in which the worker was shown the terms when accepting';
    COMMENT ON COLUMN contract_versions.signatures IS 'Ed25519 signatures over the terms digest: worker acceptance, origin approval, destination registration';
    COMMENT ON COLUMN contract_versions.leaf_index IS 'Position of this version in the registry log, once registered';

    CREATE TABLE contract_transitions (
      employer_id uuid NOT NULL,
      contract_id uuid NOT NULL,
      id bigserial NOT NULL,
      version integer NOT NULL,
      from_state text,
      to_state text NOT NULL,
      actor_type text NOT NULL,
      actor_user_id uuid,
      actor_organisation_id uuid,
      reason text,
      occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      PRIMARY KEY (employer_id, contract_id, id),
      FOREIGN KEY (employer_id, contract_id) REFERENCES contracts (employer_id, id)
    );
    COMMENT ON TABLE contract_transitions IS 'Every change of a contract''s state: who, when, why (append-only)';
    COMMENT ON COLUMN contract_transitions.version IS 'The version of the terms the transition concerns';
    COMMENT ON COLUMN contract_transitions.from_state IS 'State before (null when created)';
    COMMENT ON COLUMN contract_transitions.to_state IS 'State after';
    COMMENT ON COLUMN contract_transitions.actor_type IS 'user, token, cli or system';
    COMMENT ON COLUMN contract_transitions.reason IS 'Why, in the actor''s words (required to decline, reject, withdraw, terminate)';

    CREATE TABLE health_safeguard_exceptions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      corridor_code text NOT NULL REFERENCES corridors (code),
      occupation_isco text REFERENCES occupations (code),
      reference text NOT NULL,
      valid_from date NOT NULL,
      valid_to date,
      recorded_by_organisation_id uuid REFERENCES organisations (id),
      recorded_at timestamptz NOT NULL DEFAULT now()
    );
    COMMENT ON TABLE health_safeguard_exceptions IS 'Government-to-government agreements under which health personnel may be actively recruited from a WHO safeguard-list country (WHO Global Code)';
    COMMENT ON COLUMN health_safeguard_exceptions.occupation_isco IS 'The ISCO-08 unit group covered; null for every health occupation';
    COMMENT ON COLUMN health_safeguard_exceptions.reference IS 'Reference of the agreement';
    COMMENT ON COLUMN health_safeguard_exceptions.valid_from IS 'First day the exception applies';
    COMMENT ON COLUMN health_safeguard_exceptions.valid_to IS 'Last day (none: open-ended)';
    COMMENT ON COLUMN contracts.id IS 'Identifier';
    COMMENT ON COLUMN contracts.corridor_code IS 'The corridor whose rules apply';
    COMMENT ON COLUMN contracts.created_at IS 'When the draft was made';
    COMMENT ON COLUMN contracts.updated_at IS 'Last change of status';
    COMMENT ON COLUMN contract_versions.employer_id IS 'The employer (distribution column)';
    COMMENT ON COLUMN contract_versions.contract_id IS 'The contract';
    COMMENT ON COLUMN contract_versions.version IS '1 for the first terms, then each amendment or draft edit';
    COMMENT ON COLUMN contract_versions.created_at IS 'When this version was written';
    COMMENT ON COLUMN contract_versions.offered_at IS 'When it was offered to the worker';
    COMMENT ON COLUMN contract_versions.accepted_at IS 'When the worker accepted it';
    COMMENT ON COLUMN contract_versions.approved_at IS 'When the origin authority approved it';
    COMMENT ON COLUMN contract_versions.registered_at IS 'When the destination authority registered it';
    COMMENT ON COLUMN contract_transitions.employer_id IS 'The employer (distribution column)';
    COMMENT ON COLUMN contract_transitions.contract_id IS 'The contract';
    COMMENT ON COLUMN contract_transitions.id IS 'Order of the transitions';
    COMMENT ON COLUMN contract_transitions.actor_user_id IS 'The person who acted, if a person';
    COMMENT ON COLUMN contract_transitions.actor_organisation_id IS 'The organisation they acted for';
    COMMENT ON COLUMN contract_transitions.occurred_at IS 'When';
    COMMENT ON COLUMN health_safeguard_exceptions.id IS 'Identifier';
    COMMENT ON COLUMN health_safeguard_exceptions.corridor_code IS 'The corridor it covers';
    COMMENT ON COLUMN health_safeguard_exceptions.recorded_by_organisation_id IS 'The authority that recorded it';
    COMMENT ON COLUMN health_safeguard_exceptions.recorded_at IS 'When it was recorded';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE health_safeguard_exceptions; DROP TABLE contract_transitions; DROP TABLE contract_versions; DROP TABLE contracts;`.execute(db);
}
