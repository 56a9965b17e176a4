import type { Kysely } from 'kysely';
import { type Actor, isPlatform } from '../../../core/auth/actor.js';
import { tokenScopesAllowed } from '../../../core/auth/scopes.js';
import { invalid, notFound, type FieldProblem } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { isUuid } from '../access.js';
import { newApiToken } from '../api-token-secret.js';
import { findOrganisation } from '../queries/organisations.js';
import { insertToken } from '../queries/tokens.js';
import { toApiToken } from './api-token.js';
import type { CreateTokenRequest, CreateTokenResponse } from './create-token.schema.js';

/** A date alone means through that day (UTC): the token stops at the next midnight. */
export function parseExpiry(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(Date.parse(`${value}T00:00:00Z`) + 86_400_000) : new Date(value);
}

/** An API token for an organisation's machine client, within the scopes its kind allows. The answer is the only time the secret is shown. */
export async function createToken(db: Kysely<DB>, actor: Actor, input: CreateTokenRequest, now = new Date()): Promise<CreateTokenResponse> {
  const organisationId = input.organisation_id ?? actor.organisationId;
  if (!organisationId)
    throw invalid('Name the organisation the token acts for', [{ pointer: '/organisation_id', message: 'is required', code: 'token.organisation_required' }]);
  if (!isPlatform(actor) && organisationId !== actor.organisationId) throw notFound(`Organisation ${organisationId}`);
  const org = isUuid(organisationId) ? await findOrganisation(db, organisationId) : undefined;
  if (!org) throw notFound(`Organisation ${organisationId}`);

  const allowed = tokenScopesAllowed(org.kind);
  const problems: FieldProblem[] = input.scopes.flatMap((scope, i) =>
    allowed.has(scope) ? [] : [{ pointer: `/scopes/${i}`, message: `${scope} is not allowed for a token of a ${org.kind}`, code: 'token.scope_not_allowed', params: { scope, kind: org.kind } }],
  );
  const expiresAt = input.expires_at ? parseExpiry(input.expires_at) : null;
  if (expiresAt && expiresAt <= now) problems.push({ pointer: '/expires_at', message: 'must be in the future', code: 'date.past_not_allowed' });
  if (problems.length) throw invalid('The token cannot be created as asked', problems);

  const { token, prefix, secretHash } = newApiToken();
  return db.transaction().execute(async (trx) => {
    const row = await insertToken(trx, {
      prefix,
      secret_hash: secretHash,
      name: input.name,
      organisation_id: org.id,
      created_by: actor.userId ?? null,
      scopes: [...new Set(input.scopes)],
      expires_at: expiresAt,
    });
    await recordEvent(trx, actor, {
      action: 'token.created',
      subjectType: 'api_token',
      subjectId: row.id,
      organisationIds: [org.id],
      details: { name: row.name, prefix, scopes: row.scopes, expires_at: expiresAt?.toISOString() ?? null },
    });
    return { ...toApiToken(row), token };
  });
}
