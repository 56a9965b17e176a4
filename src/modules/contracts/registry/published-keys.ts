import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.js';
import type { PublishedKey } from './registry.schema.js';

/** Every key's public half, with the authority it belongs to: what a verifier needs to trust. */
export async function publishedKeys(db: Kysely<DB>): Promise<PublishedKey[]> {
  const rows = await db
    .selectFrom('signing_keys as k')
    .leftJoin('organisations as o', 'o.id', 'k.organisation_id')
    .select(['k.key_id', 'k.purpose', 'k.public_key', 'k.created_at', 'k.retired_at', 'o.name', 'o.country'])
    .orderBy('k.created_at')
    .orderBy('k.key_id')
    .execute();
  return rows.map((row) => ({
    key_id: row.key_id,
    purpose: row.purpose,
    algorithm: 'Ed25519' as const,
    public_key: row.public_key,
    organisation: row.name && row.country ? { name: row.name, country: row.country } : null,
    created_at: row.created_at.toISOString(),
    retired_at: row.retired_at?.toISOString() ?? null,
  }));
}
