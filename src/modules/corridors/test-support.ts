import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import { type OrganisationKind, tokenScopesAllowed } from '../../core/auth/scopes.js';
import { sha256Hex } from '../../core/crypto/secrets.js';
import type { DB } from '../../schema.js';

/**
 * Test-only: organisations and API tokens written straight to the database, until the
 * identity module's factories (test/helpers/factories.ts) are there to replace this.
 */
export interface TestOrganisation {
  id: string;
  kind: OrganisationKind;
  country: string;
  /** Headers that authenticate as a machine token of this organisation. */
  headers: { authorization: string };
  /** The same organisation as a service sees it, for calling use cases directly. */
  actor: Actor;
}

export async function makeOrganisation(db: Kysely<DB>, kind: OrganisationKind, country: string): Promise<TestOrganisation> {
  const { id } = await db
    .insertInto('organisations')
    .values({ kind, country, name: `${kind} of ${country} ${randomBytes(3).toString('hex')}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const prefix = randomBytes(12).toString('hex').slice(0, 12);
  const secret = randomBytes(32).toString('base64url');
  const scopes = tokenScopesAllowed(kind);
  await db
    .insertInto('api_tokens')
    .values({ prefix, secret_hash: sha256Hex(secret), name: 'test', organisation_id: id, scopes: [...scopes] })
    .execute();
  return {
    id,
    kind,
    country,
    headers: { authorization: `Bearer cor_${prefix}_${secret}` },
    actor: { type: 'token', role: 'org_staff', organisationId: id, organisationKind: kind, country, scopes },
  };
}

/** The example of CLI.md, as shipped in docs/examples. */
export const EXAMPLE_RULES: Record<string, unknown> & { wage: Record<string, unknown> } = JSON.parse(
  readFileSync(new URL('../../../docs/examples/corridor-npl-are.json', import.meta.url), 'utf8'),
);
