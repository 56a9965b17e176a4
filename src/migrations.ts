import type { Migration } from 'kysely';
import * as createReferenceTables from './modules/reference/migrations/0001-create-reference-tables.js';
import * as loadReferenceData from './modules/reference/migrations/0002-load-reference-data.js';
import * as createIdentityTables from './modules/identity/migrations/0003-create-identity-tables.js';
import * as createAuditEvents from './modules/audit/migrations/0004-create-audit-events.js';
import * as createIdempotencyKeys from './core/idempotency/0005-create-idempotency-keys.js';
import * as createCorridors from './modules/corridors/migrations/0006-create-corridors.js';

/** Every migration, in order. Append only: a released migration is never edited. */
export const migrations: Record<string, Migration> = {
  '0001-create-reference-tables': createReferenceTables,
  '0002-load-reference-data': loadReferenceData,
  '0003-create-identity-tables': createIdentityTables,
  '0004-create-audit-events': createAuditEvents,
  '0005-create-idempotency-keys': createIdempotencyKeys,
  '0006-create-corridors': createCorridors,
};
