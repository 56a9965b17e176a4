import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE corridors (
      code text PRIMARY KEY CONSTRAINT corridors_code_format CHECK (code ~ '^[A-Z]{3}-[A-Z]{3}$'),
      origin char(3) NOT NULL REFERENCES countries (code),
      destination char(3) NOT NULL REFERENCES countries (code),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT corridors_code_matches CHECK (code = origin || '-' || destination),
      CONSTRAINT corridors_two_countries CHECK (origin <> destination)
    );
    COMMENT ON TABLE corridors IS 'A pair of countries under one bilateral agreement; the authorities of each side act for it';
    COMMENT ON COLUMN corridors.code IS 'ORIGIN-DESTINATION, ISO 3166-1 alpha-3, e.g. NPL-ARE';
    COMMENT ON COLUMN corridors.origin IS 'Country of origin of the workers';
    COMMENT ON COLUMN corridors.destination IS 'Country of destination (of employment)';

    CREATE TABLE corridor_rule_versions (
      corridor_code text NOT NULL REFERENCES corridors (code),
      version integer NOT NULL CONSTRAINT corridor_rule_versions_version_positive CHECK (version > 0),
      valid_from date NOT NULL,
      rules jsonb NOT NULL,
      rules_hash text NOT NULL,
      proposed_by_organisation_id uuid REFERENCES organisations (id),
      proposed_at timestamptz NOT NULL DEFAULT now(),
      origin_approved_at timestamptz,
      origin_approved_by uuid REFERENCES users (id),
      destination_approved_at timestamptz,
      destination_approved_by uuid REFERENCES users (id),
      approved_via text CONSTRAINT corridor_rule_versions_approved_via_known CHECK (approved_via IN ('authorities', 'operator_import')),
      withdrawn_at timestamptz,
      PRIMARY KEY (corridor_code, version)
    );
    CREATE INDEX corridor_rule_versions_in_force ON corridor_rule_versions (corridor_code, valid_from)
      WHERE origin_approved_at IS NOT NULL AND destination_approved_at IS NOT NULL;
    COMMENT ON TABLE corridor_rule_versions IS 'Versions of a corridor''s rules; a version takes effect only once both authorities approved it, from valid_from';
    COMMENT ON COLUMN corridor_rule_versions.version IS '1, 2, ... in the order proposed';
    COMMENT ON COLUMN corridor_rule_versions.valid_from IS 'First day the rules apply (once approved by both sides)';
    COMMENT ON COLUMN corridor_rule_versions.rules IS 'The rules document as validated (see corridor corridors schema)';
    COMMENT ON COLUMN corridor_rule_versions.rules_hash IS 'SHA-256 of the RFC 8785 canonical rules: the same rules applied twice make no new version';
    COMMENT ON COLUMN corridor_rule_versions.proposed_by_organisation_id IS 'Authority that proposed it; none for an operator import';
    COMMENT ON COLUMN corridor_rule_versions.origin_approved_at IS 'When the origin authority approved';
    COMMENT ON COLUMN corridor_rule_versions.origin_approved_by IS 'Who approved for the origin authority (none for an operator import)';
    COMMENT ON COLUMN corridor_rule_versions.destination_approved_at IS 'When the destination authority approved';
    COMMENT ON COLUMN corridor_rule_versions.destination_approved_by IS 'Who approved for the destination authority (none for an operator import)';
    COMMENT ON COLUMN corridor_rule_versions.approved_via IS 'authorities (both approved in the platform) or operator_import (a rules file applied from the CLI counts as approved by both)';
    COMMENT ON COLUMN corridor_rule_versions.withdrawn_at IS 'A proposal withdrawn before both approved it';
    COMMENT ON COLUMN corridors.created_at IS 'When the corridor was first set up';
    COMMENT ON COLUMN corridor_rule_versions.corridor_code IS 'The corridor';
    COMMENT ON COLUMN corridor_rule_versions.proposed_at IS 'When it was proposed (or imported)';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE corridor_rule_versions; DROP TABLE corridors;`.execute(db);
}
