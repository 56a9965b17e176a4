import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Actor } from '../core/auth/actor.js';
import type { DB } from '../schema.js';
import { proposeVersion } from '../modules/corridors/propose-version.js';

const EXAMPLE_RULES = new URL('../../docs/examples/corridor-npl-are.json', import.meta.url);

/**
 * A change of the demo corridor's rules that the origin authority proposed and the destination
 * authority has not approved yet, so that /authority/rules has something to approve (issue 6).
 * It takes effect only from 2027-07-01 even once approved: the demo's contracts, wage months and
 * loans are all checked against version 1 and stay as they are.
 */
export const DEMO_PROPOSED_RULES = {
  valid_from: '2027-07-01',
  min_monthly_wage_minor: 115000,
  min_wage_by_occupation: { '7112': 130000 },
  max_probation_months: 3,
  wage: { pay_day: 10, grace_days: 3, underpayment_tolerance_minor: 0 },
  loans: { max_annual_rate_bp: 1000, max_instalment_share_bp: 1500 },
} as const;

export async function seedDemoRulesProposal(db: Kysely<DB>, orgIds: Map<string, string>): Promise<void> {
  const organisationId = orgIds.get('origin')!;
  const user = await db.selectFrom('users').select('id').where('organisation_id', '=', organisationId).executeTakeFirstOrThrow();
  const dofe: Actor = {
    type: 'user',
    userId: user.id,
    role: 'org_admin',
    organisationId,
    organisationKind: 'origin_authority',
    country: 'NPL',
    scopes: new Set(['corridors:read', 'corridors:propose', 'corridors:approve']),
  };
  const current = JSON.parse(await readFile(EXAMPLE_RULES, 'utf8')) as Record<string, unknown>;
  await proposeVersion(db, dofe, 'NPL-ARE', { ...current, ...DEMO_PROPOSED_RULES });
}
