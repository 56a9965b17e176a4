import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../schema.js';
import { seesDrafts } from './contract-access.js';
import { type ContractHistory, loadHistory } from './contract-history.js';
import type { ContractRow, VersionRow } from './contract-queries.js';
import { initialsOf } from './initials.js';
import { type AmendmentState, type Party, type Stage, stageOf } from './transitions.js';

export const BreachView = z.object({
  code: z.string(),
  term: z.string().describe('JSON pointer into the terms'),
  rule: z.string().describe("The rule's key in the corridor rules"),
  allowed: z.unknown(),
  offered: z.unknown(),
  message: z.string(),
});

export const SignatureView = z.object({
  role: z.enum(['worker', 'origin', 'destination']),
  key: z.string().describe('Raw Ed25519 public key, base64url'),
  sig: z.string().describe('Signature over the terms message, base64url'),
});

const Instant = z.string().nullable();

export const ContractVersionView = z.object({
  version: z.number().int(),
  state: z.string(),
  terms: z.record(z.string(), z.unknown()).describe('The structured terms (ContractTerms)'),
  terms_digest: z.string().describe('Hex SHA-256 of the RFC 8785 canonical terms: what the worker accepts and the authorities sign'),
  rules_version: z.number().int(),
  breaches: z.array(BreachView),
  start_date: z.string(),
  end_date: z.string(),
  monthly_fixed_minor: z.number().int(),
  currency: z.string(),
  created_at: z.string(),
  offered_at: Instant,
  accepted_at: Instant,
  accepted_language: z.string().nullable(),
  approved_at: Instant,
  registered_at: Instant,
  signatures: z.array(SignatureView),
  leaf_index: z.number().int().nullable(),
});

export const TransitionView = z.object({
  version: z.number().int(),
  from_state: z.string().nullable(),
  to_state: z.string(),
  actor_type: z.string(),
  actor_user_id: z.string().nullable(),
  actor_organisation_id: z.string().nullable(),
  reason: z.string().nullable(),
  occurred_at: z.string(),
});

export const ContractView = z.object({
  id: z.string(),
  contract_no: z.string(),
  corridor: z.string(),
  status: z.string(),
  stage: z.string().describe('The status, plus the state of an amendment in progress (e.g. active+accepted)'),
  employer: z.object({ id: z.string(), name: z.string() }),
  worker: z.object({ id: z.string(), initials: z.string() }).describe('Full personal data: GET /api/v1/workers/{id} (audited)'),
  origin_country: z.string(),
  destination_country: z.string(),
  current_version: z.number().int(),
  registered_version: z.number().int().nullable(),
  source: z.string(),
  versions: z.array(ContractVersionView),
  transitions: z.array(TransitionView),
  views: z.array(z.object({ version: z.number().int(), language: z.string(), first_viewed_at: z.string() }))
    .describe('Languages in which the worker was shown each offered version'),
  created_at: z.string(),
  updated_at: z.string(),
});
export type ContractView = z.infer<typeof ContractView>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The amendment in progress, if any: a version after the registered one, on its way. */
export function pendingAmendment(c: ContractRow, current: Pick<VersionRow, 'state'>): AmendmentState | null {
  if (c.registered_version === null || c.current_version === c.registered_version) return null;
  const state = current.state;
  return state === 'offered' || state === 'accepted' || state === 'approved' ? state : null;
}

export const contractStage = (c: ContractRow, current: Pick<VersionRow, 'state'>): Stage => stageOf(c.status, pendingAmendment(c, current));

export function toVersionView(v: VersionRow): z.infer<typeof ContractVersionView> {
  return {
    version: v.version,
    state: v.state,
    terms: v.terms as Record<string, unknown>,
    terms_digest: v.terms_digest,
    rules_version: v.rules_version,
    breaches: v.breaches as z.infer<typeof BreachView>[],
    start_date: v.start_date,
    end_date: v.end_date,
    monthly_fixed_minor: v.monthly_fixed_minor,
    currency: v.currency,
    created_at: v.created_at.toISOString(),
    offered_at: iso(v.offered_at),
    accepted_at: iso(v.accepted_at),
    accepted_language: v.accepted_language,
    approved_at: iso(v.approved_at),
    registered_at: iso(v.registered_at),
    signatures: v.signatures as z.infer<typeof SignatureView>[],
    leaf_index: v.leaf_index,
  };
}

/** The contract as `party` may see it, read in one round trip (see contract-history.ts). */
export async function contractView(db: Kysely<DB>, c: ContractRow, party: Party): Promise<ContractView> {
  return buildContractView(c, party, await loadHistory(db, c));
}

/** The contract as `party` may see it: drafts only for the employer and the platform; the worker by id and initials. */
export function buildContractView(c: ContractRow, party: Party, history: ContractHistory): ContractView {
  const { versions, transitions, views } = history;
  const shown = versions.filter((v) => seesDrafts(party) || v.offered_at !== null);
  const shownNumbers = new Set(shown.map((v) => v.version));
  const current = versions.find((v) => v.version === c.current_version)!;
  return {
    id: c.id,
    contract_no: c.contract_no,
    corridor: c.corridor_code,
    status: c.status,
    stage: contractStage(c, current),
    employer: { id: c.employer_id, name: history.employerName },
    worker: { id: c.worker_id, initials: initialsOf(history.workerName) },
    origin_country: c.origin_country,
    destination_country: c.destination_country,
    current_version: c.current_version,
    registered_version: c.registered_version,
    source: c.source,
    versions: shown.map(toVersionView),
    transitions: transitions
      .filter((t) => shownNumbers.has(t.version))
      .map((t) => ({
        version: t.version,
        from_state: t.from_state,
        to_state: t.to_state,
        actor_type: t.actor_type,
        actor_user_id: t.actor_user_id,
        actor_organisation_id: t.actor_organisation_id,
        reason: t.reason,
        occurred_at: t.occurred_at.toISOString(),
      })),
    views: views.map((v) => ({ version: v.version, language: v.language, first_viewed_at: v.first_viewed_at.toISOString() })),
    created_at: c.created_at.toISOString(),
    updated_at: c.updated_at.toISOString(),
  };
}
