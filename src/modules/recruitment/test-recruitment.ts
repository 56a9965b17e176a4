import type { Kysely } from 'kysely';
import { type OrganisationKind, tokenScopesAllowed } from '../../core/auth/scopes.js';
import type { DB } from '../../schema.js';
import { makeOrganisation, makeToken, makeWorker } from '../../../test/helpers/factories.js';
import { type Caller, contractWorld, type ContractWorld } from '../contracts/test-contracts.js';
import type { ContractTermsInput } from '../contracts/terms.schema.js';

/** Test-only: the contract world of NPL-ARE plus licensed and unlicensed agencies, and helpers for job orders. */
export interface RecruitmentWorld extends ContractWorld {
  agency: Caller;
  otherAgency: Caller;
  destinationAgency: Caller;
  unlicensedAgency: Caller;
  licenceOf: Record<string, string>;
  jobOrderBody(overrides?: Partial<{ positions: number; origin_agency_id: string; destination_liable_id: string; terms: Partial<ContractTermsInput>; required_skills: string[]; required_languages: string[]; required_certificates: string[] }>): Record<string, unknown>;
  /** Posts a job order as the employer and has the origin authority verify it. */
  verifiedJobOrder(overrides?: Parameters<RecruitmentWorld['jobOrderBody']>[0]): Promise<string>;
  /** A worker registered by the agency, with a candidate profile. */
  agencyCandidate(agency: Caller, profile: { occupation_isco?: string; skills?: string[]; languages?: string[]; certificates?: string[] }): Promise<{ worker_id: string; candidate_id: string }>;
  recruitmentCounts(): Promise<Record<string, number>>;
}

async function organisation(db: Kysely<DB>, kind: OrganisationKind, country: string, name?: string): Promise<Caller> {
  const org = await makeOrganisation(db, { kind, country, name });
  const token = await makeToken(db, { organisation_id: org.id, scopes: [...tokenScopesAllowed(kind)] });
  return { id: org.id, headers: () => ({ authorization: `Bearer ${token}` }) };
}

export async function recruitmentWorld(): Promise<RecruitmentWorld> {
  const w = await contractWorld();
  const agency = await organisation(w.db, 'recruitment_agency', 'NPL', 'Himalayan Manpower Pvt. Ltd.');
  const otherAgency = await organisation(w.db, 'recruitment_agency', 'NPL');
  const destinationAgency = await organisation(w.db, 'recruitment_agency', 'ARE');
  const unlicensedAgency = await organisation(w.db, 'recruitment_agency', 'NPL');
  const licenceOf: Record<string, string> = {};
  for (const [who, by, n] of [[agency, w.origin, 'NPL-DOFE-1001'], [otherAgency, w.origin, 'NPL-DOFE-1002'], [destinationAgency, w.destination, 'ARE-MOHRE-77']] as const) {
    const res = await w.call('POST', '/api/v1/recruitment/licences', by, { agency_id: who.id, number: n, valid_from: '2026-01-01', valid_to: '2030-12-31' });
    if (res.statusCode !== 201) throw new Error(`licence: ${res.statusCode} ${res.body}`);
    licenceOf[who.id] = res.json().id;
  }
  const world: RecruitmentWorld = {
    ...w, agency, otherAgency, destinationAgency, unlicensedAgency, licenceOf,
    jobOrderBody: (o = {}) => {
      const { worker_id: _w, recruitment_agency_id: _a, ...terms } = w.terms(o.terms ?? {});
      return {
        origin_agency_id: o.origin_agency_id ?? agency.id,
        ...(o.destination_liable_id ? { destination_liable_id: o.destination_liable_id } : {}),
        positions: o.positions ?? 3,
        terms,
        required_skills: o.required_skills ?? ['bricklaying', 'plastering', 'scaffolding'],
        required_languages: o.required_languages ?? ['en', 'ar'],
        required_certificates: o.required_certificates ?? ['ctevt-mason-l1'],
      };
    },
    verifiedJobOrder: async (o) => {
      const posted = await w.call('POST', '/api/v1/recruitment/job-orders', w.employer, world.jobOrderBody(o));
      if (posted.statusCode !== 201) throw new Error(`job order: ${posted.statusCode} ${posted.body}`);
      const verified = await w.call('POST', `/api/v1/recruitment/job-orders/${posted.json().id}/verify`, w.origin);
      if (verified.statusCode !== 200) throw new Error(`verify: ${verified.statusCode} ${verified.body}`);
      return posted.json().id as string;
    },
    agencyCandidate: async (by, p) => {
      const worker = await makeWorker(w.db, { nationality: 'NPL', registered_by: by.id });
      const res = await w.call('POST', '/api/v1/recruitment/candidates', by, {
        worker_id: worker.id, occupation_isco: p.occupation_isco ?? '7112', skills: p.skills ?? [], languages: p.languages ?? [], certificates: p.certificates ?? [],
      });
      if (res.statusCode !== 201) throw new Error(`candidate: ${res.statusCode} ${res.body}`);
      return { worker_id: worker.id, candidate_id: res.json().id };
    },
    recruitmentCounts: async () => {
      const result: Record<string, number> = {};
      const tables = ['agency_licences', 'agency_licence_events', 'job_orders', 'recruitment_candidates', 'job_order_selections',
        'recruitment_cost_declarations', 'recruitment_breaches', 'agency_ratings', 'contracts', 'audit_events'] as const;
      for (const table of tables)
        result[table] = Number((await w.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      return result;
    },
  };
  return world;
}
