import { type Kysely, sql } from 'kysely';

/**
 * The registry: the platform's signing keys (encrypted at rest), the Merkle log's
 * entries, its perfect-subtree nodes and its signed tree heads (docs/registry.md).
 * The log tables only ever grow; triggers stop even the owner from rewriting them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE signing_keys (
      key_id text PRIMARY KEY CONSTRAINT signing_keys_key_id_format CHECK (key_id ~ '^[0-9a-f]{16}$'),
      purpose text NOT NULL CONSTRAINT signing_keys_purpose_known CHECK (purpose IN ('log', 'acceptance', 'authority')),
      organisation_id uuid REFERENCES organisations (id),
      public_key text NOT NULL,
      private_key_encrypted text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      retired_at timestamptz,
      CONSTRAINT signing_keys_authority_has_organisation CHECK ((purpose = 'authority') = (organisation_id IS NOT NULL))
    );
    CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (purpose, organisation_id) NULLS NOT DISTINCT
      WHERE retired_at IS NULL;
    COMMENT ON TABLE signing_keys IS 'Ed25519 keys the platform holds: the log key, the acceptance key, one per authority organisation';
    COMMENT ON COLUMN signing_keys.key_id IS 'First 16 hex digits of SHA-256 of the raw public key';
    COMMENT ON COLUMN signing_keys.purpose IS 'log (signs tree heads), acceptance (attests a worker''s acceptance), authority (an authority''s approval)';
    COMMENT ON COLUMN signing_keys.organisation_id IS 'The authority organisation, for purpose authority; null otherwise';
    COMMENT ON COLUMN signing_keys.public_key IS 'Raw 32-byte Ed25519 public key, base64url';
    COMMENT ON COLUMN signing_keys.private_key_encrypted IS 'PKCS#8 private key sealed with AES-256-GCM under the master key, the key id as associated data';
    COMMENT ON COLUMN signing_keys.created_at IS 'When the key was made (on first use)';
    COMMENT ON COLUMN signing_keys.retired_at IS 'When the key stopped signing; its old signatures still verify';

    CREATE FUNCTION signing_keys_retire_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'UPDATE' AND OLD.retired_at IS NULL
        AND (NEW.key_id, NEW.purpose, NEW.organisation_id, NEW.public_key, NEW.private_key_encrypted, NEW.created_at)
          IS NOT DISTINCT FROM (OLD.key_id, OLD.purpose, OLD.organisation_id, OLD.public_key, OLD.private_key_encrypted, OLD.created_at)
      THEN RETURN NEW;
      END IF;
      RAISE EXCEPTION 'signing_keys rows may only be retired, once' USING ERRCODE = 'insufficient_privilege';
    END $fn$;
    CREATE TRIGGER signing_keys_no_change BEFORE UPDATE OR DELETE ON signing_keys
      FOR EACH ROW EXECUTE FUNCTION signing_keys_retire_only();

    CREATE TABLE registry_log_state (
      id boolean PRIMARY KEY DEFAULT true CONSTRAINT registry_log_state_single_row CHECK (id),
      tree_size bigint NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    INSERT INTO registry_log_state DEFAULT VALUES;
    COMMENT ON TABLE registry_log_state IS 'One row: the size of the log; writers lock it FOR UPDATE so appends happen one at a time';
    COMMENT ON COLUMN registry_log_state.id IS 'Always true: there is exactly one row';
    COMMENT ON COLUMN registry_log_state.tree_size IS 'Number of entries in the log (equals the size of the latest tree head)';
    COMMENT ON COLUMN registry_log_state.updated_at IS 'When the log last grew';

    CREATE TABLE registry_entries (
      leaf_index bigint PRIMARY KEY CONSTRAINT registry_entries_leaf_index_non_negative CHECK (leaf_index >= 0),
      contract_no text NOT NULL,
      version integer NOT NULL,
      leaf_json text NOT NULL,
      leaf_hash bytea NOT NULL CONSTRAINT registry_entries_leaf_hash_length CHECK (octet_length(leaf_hash) = 32),
      key_terms jsonb NOT NULL,
      appended_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX registry_entries_contract_version ON registry_entries (contract_no, version);
    COMMENT ON TABLE registry_entries IS 'The log''s entries, one per registered contract version (append-only)';
    COMMENT ON COLUMN registry_entries.leaf_index IS 'Position in the log, from 0';
    COMMENT ON COLUMN registry_entries.contract_no IS 'Public contract number';
    COMMENT ON COLUMN registry_entries.version IS 'Version of the contract''s terms';
    COMMENT ON COLUMN registry_entries.leaf_json IS 'The leaf, RFC 8785 canonical JSON: the exact bytes that are hashed';
    COMMENT ON COLUMN registry_entries.leaf_hash IS 'SHA-256(0x00 || leaf_json), RFC 9162 2.1.1';
    COMMENT ON COLUMN registry_entries.key_terms IS 'The key terms as registered (employer name and worker initials of that day), whose digest is in the leaf: the public page and the QR code show them';
    COMMENT ON COLUMN registry_entries.appended_at IS 'When the entry was appended';

    CREATE TABLE registry_nodes (
      level smallint NOT NULL CONSTRAINT registry_nodes_level_range CHECK (level BETWEEN 0 AND 62),
      index bigint NOT NULL CONSTRAINT registry_nodes_index_non_negative CHECK (index >= 0),
      hash bytea NOT NULL CONSTRAINT registry_nodes_hash_length CHECK (octet_length(hash) = 32),
      PRIMARY KEY (level, index)
    );
    COMMENT ON TABLE registry_nodes IS 'Perfect subtrees of the Merkle log (leaves at level 0); written once, never changed';
    COMMENT ON COLUMN registry_nodes.level IS 'Height: the node covers 2^level leaves';
    COMMENT ON COLUMN registry_nodes.index IS 'Position among the nodes of its level: it covers leaves [index*2^level, (index+1)*2^level)';
    COMMENT ON COLUMN registry_nodes.hash IS 'RFC 9162 Merkle tree hash of those leaves';

    CREATE TABLE registry_tree_heads (
      tree_size bigint PRIMARY KEY CONSTRAINT registry_tree_heads_size_non_negative CHECK (tree_size >= 0),
      timestamp text NOT NULL,
      root_hash text NOT NULL CONSTRAINT registry_tree_heads_root_hash_format CHECK (root_hash ~ '^[0-9a-f]{64}$'),
      key_id text NOT NULL REFERENCES signing_keys (key_id),
      signature text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    COMMENT ON TABLE registry_tree_heads IS 'Signed tree heads, one per size the log has had (append-only)';
    COMMENT ON COLUMN registry_tree_heads.tree_size IS 'Number of entries the head covers';
    COMMENT ON COLUMN registry_tree_heads.timestamp IS 'ISO 8601 UTC to the second, exactly as signed';
    COMMENT ON COLUMN registry_tree_heads.root_hash IS 'Hex Merkle tree hash of the first tree_size entries';
    COMMENT ON COLUMN registry_tree_heads.key_id IS 'The log key that signed';
    COMMENT ON COLUMN registry_tree_heads.signature IS 'Ed25519 over the canonical JSON of {tree_size, timestamp, root_hash, key_id}, base64url';
    COMMENT ON COLUMN registry_tree_heads.created_at IS 'When the head was stored';

    CREATE FUNCTION registry_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
    END $fn$;
    CREATE TRIGGER registry_entries_no_update BEFORE UPDATE OR DELETE ON registry_entries
      FOR EACH ROW EXECUTE FUNCTION registry_append_only();
    CREATE TRIGGER registry_entries_no_truncate BEFORE TRUNCATE ON registry_entries
      FOR EACH STATEMENT EXECUTE FUNCTION registry_append_only();
    CREATE TRIGGER registry_nodes_no_update BEFORE UPDATE OR DELETE ON registry_nodes
      FOR EACH ROW EXECUTE FUNCTION registry_append_only();
    CREATE TRIGGER registry_nodes_no_truncate BEFORE TRUNCATE ON registry_nodes
      FOR EACH STATEMENT EXECUTE FUNCTION registry_append_only();
    CREATE TRIGGER registry_tree_heads_no_update BEFORE UPDATE OR DELETE ON registry_tree_heads
      FOR EACH ROW EXECUTE FUNCTION registry_append_only();
    CREATE TRIGGER registry_tree_heads_no_truncate BEFORE TRUNCATE ON registry_tree_heads
      FOR EACH STATEMENT EXECUTE FUNCTION registry_append_only();
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE registry_tree_heads, registry_nodes, registry_entries, registry_log_state, signing_keys;
    DROP FUNCTION registry_append_only();
    DROP FUNCTION signing_keys_retire_only();
  `.execute(db);
}
