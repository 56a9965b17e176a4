import type { ColumnType, Generated } from 'kysely';
import type { KeyTerms } from '../verifier/payload-v1.js';

export type KeyPurpose = 'log' | 'acceptance' | 'authority';

export interface SigningKeysTable {
  key_id: string;
  purpose: KeyPurpose;
  organisation_id: string | null;
  public_key: string;
  private_key_encrypted: string;
  created_at: Generated<Date>;
  retired_at: Date | null;
}

export interface RegistryLogStateTable {
  id: Generated<boolean>;
  tree_size: number;
  updated_at: Generated<Date>;
}

export interface RegistryEntriesTable {
  leaf_index: number;
  contract_no: string;
  version: number;
  leaf_json: string;
  leaf_hash: ColumnType<Buffer, Uint8Array, never>;
  key_terms: ColumnType<KeyTerms, string, never>;
  appended_at: Generated<Date>;
}

export interface RegistryNodesTable {
  level: number;
  index: number;
  hash: ColumnType<Buffer, Uint8Array, never>;
}

export interface RegistryTreeHeadsTable {
  tree_size: number;
  timestamp: string;
  root_hash: string;
  key_id: string;
  signature: string;
  created_at: Generated<Date>;
}

/** The registry's tables (migration 0011). */
export interface RegistryTables {
  signing_keys: SigningKeysTable;
  registry_log_state: RegistryLogStateTable;
  registry_entries: RegistryEntriesTable;
  registry_nodes: RegistryNodesTable;
  registry_tree_heads: RegistryTreeHeadsTable;
}
