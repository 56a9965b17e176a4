import type { Kysely } from 'kysely';
import { type Actor, isPlatform } from '../../../core/auth/actor.js';
import { notFound } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { isUuid } from '../access.js';
import { findToken, revokeToken as revokeTokenRow } from '../queries/tokens.js';
import { type ApiToken, toApiToken } from './api-token.js';

/** Revokes a token of the actor's organisation (the platform: any). Revoking twice keeps the first time. */
export async function revokeToken(db: Kysely<DB>, actor: Actor, id: string, now = new Date()): Promise<ApiToken> {
  const token = isUuid(id) ? await findToken(db, id) : undefined;
  if (!token || (!isPlatform(actor) && token.organisation_id !== actor.organisationId)) throw notFound(`API token ${id}`);
  if (token.revoked_at) return toApiToken(token);
  return db.transaction().execute(async (trx) => {
    const row = await revokeTokenRow(trx, token.id, now);
    await recordEvent(trx, actor, {
      action: 'token.revoked',
      subjectType: 'api_token',
      subjectId: token.id,
      organisationIds: [token.organisation_id],
      details: { name: token.name, prefix: token.prefix },
    });
    return toApiToken(row);
  });
}
