import type { Actor } from '../core/auth/actor.js';
import { type OrganisationKind, scopesFor } from '../core/auth/scopes.js';
import type { Config } from '../core/config.js';
import type { Database } from '../core/db/database.js';
import { acceptContract } from '../modules/contracts/accept-contract.js';
import { approveContract } from '../modules/contracts/approve-contract.js';
import { getContract } from '../modules/contracts/get-contract.js';
import { registerContract } from '../modules/contracts/register-contract.js';
import { hashPassword } from '../modules/identity/passwords.js';
import { insertUser } from '../modules/identity/queries/users.js';
import { insertWorker } from '../modules/identity/queries/workers.js';
import { rateAgency } from '../modules/recruitment/agencies.js';
import { saveCandidate } from '../modules/recruitment/candidates.js';
import { declareCosts } from '../modules/recruitment/costs.js';
import { createJobOrder, verifyJobOrder } from '../modules/recruitment/job-orders.js';
import { issueLicence } from '../modules/recruitment/licences.js';
import { selectCandidate } from '../modules/recruitment/selections.js';
import { shortlist } from '../modules/recruitment/shortlist.js';
import { DEMO_PASSWORD } from './demo-data.js';

/**
 * The demo recruit: the one worker the demo follows through the whole journey (docs/guide.md "Follow one worker"):
 * job order, shortlist, contract, declared costs and SDG 10.7.1 here; the loan and three wage months in seed-loans.ts.
 */
export const DEMO_RECRUIT = { full_name: 'Pemba Sherpa', email: 'pemba@demo.corridor', passport_no: 'PA1000007', person_id: '99900000000007' };

const CANDIDATES = [
  { full_name: 'Dawa Lama', passport_no: 'PA1000008', occupation: '7112', skills: ['bricklaying'], languages: ['ne', 'en'], certificates: [] },
  { full_name: 'Kamal Thapa', passport_no: 'PA1000009', occupation: '7113', skills: ['bricklaying', 'plastering', 'scaffolding'], languages: ['ne'], certificates: ['ctevt-mason-l1'] },
  { full_name: 'Nirmala Karki', passport_no: 'PA1000010', occupation: '7112', skills: ['plastering'], languages: ['ne', 'hi'], certificates: [] },
  { full_name: 'Suresh Yadav', passport_no: 'PA1000011', occupation: '7114', skills: ['concrete'], languages: ['ne', 'hi'], certificates: [] },
];

const actor = (kind: OrganisationKind, organisationId: string, country: string): Actor => ({
  type: 'system', role: 'org_admin', organisationId, organisationKind: kind, country, scopes: scopesFor('org_admin', kind),
});

/**
 * Fair recruitment in the demo corridor, through the real services: both agencies licensed, a job
 * order by Al Noor Construction served by Himalayan Manpower Services (jointly liable with Dubai
 * Recruitment Partners) and verified by the origin authority, five candidates, the shortlist, the
 * demo recruit selected and their contract offered, accepted, approved and registered; then the
 * costs the agency and the worker each declared (they differ, and exceed the cap of 0: a breach
 * against both liable parties, open for the origin authority), SDG 10.7.1, and the worker's rating.
 */
export async function seedDemoRecruitment(database: Database, config: Config, orgs: Map<string, string>): Promise<{ workerId: string; contractId: string }> {
  const db = database.db;
  const origin = actor('origin_authority', orgs.get('origin')!, 'NPL');
  const destination = actor('destination_authority', orgs.get('destination')!, 'ARE');
  const employer = actor('employer', orgs.get('employer1')!, 'ARE');
  const agency = actor('recruitment_agency', orgs.get('agency_npl')!, 'NPL');
  await issueLicence(db, origin, { agency_id: agency.organisationId, number: 'DOFE-1234/2026', valid_from: '2026-01-01', valid_to: '2028-12-31' });
  await issueLicence(db, destination, { agency_id: orgs.get('agency_are'), number: 'MOHRE-RA-5678', valid_from: '2026-01-01', valid_to: '2027-12-31' });

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const recruit = await insertWorker(db, {
    full_name: DEMO_RECRUIT.full_name, sex: 'M', birth_date: '1998-03-17', nationality: 'NPL', passport_no: DEMO_RECRUIT.passport_no,
    person_id: DEMO_RECRUIT.person_id, registered_by: agency.organisationId!,
  });
  await insertUser(db, {
    email: DEMO_RECRUIT.email, display_name: DEMO_RECRUIT.full_name, role: 'worker', organisation_id: null, worker_id: recruit.id,
    password_hash: passwordHash, must_change_password: false, language: 'ne',
  });
  const worker: Actor = { type: 'system', role: 'worker', workerId: recruit.id, scopes: scopesFor('worker', undefined) };
  const mine = await saveCandidate(db, agency, {
    worker_id: recruit.id, occupation_isco: '7112', skills: ['bricklaying', 'plastering', 'scaffolding'], languages: ['ne', 'en', 'ar'], certificates: ['ctevt-mason-l1'],
  });
  for (const c of CANDIDATES) {
    const w = await insertWorker(db, { full_name: c.full_name, sex: 'M', birth_date: '1995-01-01', nationality: 'NPL', passport_no: c.passport_no, person_id: null, registered_by: agency.organisationId! });
    await saveCandidate(db, agency, { worker_id: w.id, occupation_isco: c.occupation, skills: c.skills, languages: c.languages, certificates: c.certificates });
  }

  const job = await createJobOrder(db, employer, {
    origin_agency_id: agency.organisationId, destination_liable_id: orgs.get('agency_are'), positions: 3,
    required_skills: ['bricklaying', 'plastering', 'scaffolding'], required_languages: ['en', 'ar'], required_certificates: ['ctevt-mason-l1'],
    terms: {
      corridor: 'NPL-ARE', employer_id: employer.organisationId, occupation_isco: '7112', job_title: 'Bricklayer',
      workplace: { city: 'Dubai', address: 'Al Quoz Industrial Area 3, Plot 12' }, start_date: '2026-07-01', end_date: '2028-06-30', probation_months: 3,
      wage: { currency: 'AED', basic_monthly_minor: 150000, allowances: [{ kind: 'food', amount_minor: 30000, fixed: true }], overtime_rate_pct: 125 },
      hours_per_week: 48, rest_days_per_week: 1, annual_leave_days: 30, accommodation: 'provided', food: 'allowance', transport: 'provided',
      costs: { visa: 'employer', work_permit: 'employer', medical_test: 'employer', outbound_travel: 'employer', return_travel: 'employer', insurance: 'employer' },
      worker_recruitment_fee_minor: 0, insurance: { health: true, work_injury: true }, end_of_service_days_per_year: 21, notice_days: 30,
      passport_retained_by_worker: true, languages: ['en', 'ne', 'ar'],
    },
  });
  await verifyJobOrder(db, origin, job.id);
  await shortlist(db, employer, job.id, 10);
  const selection = await selectCandidate(db, employer, job.id, { candidate_id: mine.candidate.id });
  const contractId = selection.contract_id!;
  const shown = await getContract(db, worker, contractId, { lang: 'ne' });
  const digest = shown.versions.find((v) => v.state === 'offered')!.terms_digest;
  await acceptContract(db, config, worker, contractId, { terms_digest: digest, language: 'ne' });
  await approveContract(db, config, origin, contractId);
  await registerContract(db, config, destination, contractId);

  await declareCosts(db, agency, { contract_id: contractId, items: [{ category: 'medical', amount_minor: 15000, currency: 'AED', paid_on: '2026-05-05' }] });
  await declareCosts(db, worker, {
    contract_id: contractId,
    items: [
      { category: 'recruitment_fee', amount_minor: 5_000_000, currency: 'NPR', rate_to_wage_currency: '0.0275', paid_on: '2026-04-20' },
      { category: 'medical', amount_minor: 15000, currency: 'AED', paid_on: '2026-05-05' },
      { category: 'training_orientation', amount_minor: 300_000, currency: 'NPR', rate_to_wage_currency: '0.0275', paid_on: '2026-05-12' },
    ],
  });
  await rateAgency(db, worker, agency.organisationId!, { stars: 2 });
  return { workerId: recruit.id, contractId };
}
