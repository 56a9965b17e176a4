import type { ColumnType, Generated } from 'kysely';

export interface CorridorsTable {
  code: string;
  origin: string;
  destination: string;
  created_at: Generated<Date>;
}

export interface CorridorRuleVersionsTable {
  corridor_code: string;
  version: number;
  valid_from: string;
  /** Read as the parsed document; written as its JSON text. */
  rules: ColumnType<unknown, string, string>;
  rules_hash: string;
  proposed_by_organisation_id: string | null;
  proposed_at: Generated<Date>;
  origin_approved_at: Date | null;
  origin_approved_by: string | null;
  destination_approved_at: Date | null;
  destination_approved_by: string | null;
  approved_via: 'authorities' | 'operator_import' | null;
  withdrawn_at: Date | null;
}
