import type { Kysely } from 'kysely';
import type { Actor } from '../core/auth/actor.js';
import { type OrganisationKind, scopesFor } from '../core/auth/scopes.js';
import type { Config } from '../core/config.js';
import type { DB } from '../schema.js';
import { acceptContract } from '../modules/contracts/accept-contract.js';
import { approveContract } from '../modules/contracts/approve-contract.js';
import { createContract } from '../modules/contracts/create-contract.js';
import { getContract } from '../modules/contracts/get-contract.js';
import { offerContract } from '../modules/contracts/offer-contract.js';
import { registerContract } from '../modules/contracts/register-contract.js';
import { takeStep } from '../modules/contracts/take-step.js';
import type { ContractTermsInput } from '../modules/contracts/terms.schema.js';

/** How far each demo worker's contract goes, so every role finds something in its queue. */
const STAGES = [
  { person_id: '99900000000001', basic: 150000, job: ['7112', 'Bricklayer'], until: 'active' },
  { person_id: '99900000000002', basic: 140000, job: ['7115', 'Carpenter'], until: 'active' },
  { person_id: '99900000000003', basic: 160000, job: ['7126', 'Plumber'], until: 'active' },
  { person_id: '99900000000004', basic: 120000, job: ['9313', 'Building construction labourer'], until: 'active' },
  { person_id: '99900000000005', basic: 125000, job: ['9313', 'Building construction labourer'], until: 'approved' },
  { person_id: '99900000000006', basic: 130000, job: ['5120', 'Cook'], until: 'offered' },
] as const;

const actor = (kind: OrganisationKind, organisationId: string, country: string): Actor => ({
  type: 'system',
  role: 'org_admin',
  organisationId,
  organisationKind: kind,
  country,
  scopes: scopesFor('org_admin', kind),
});

function demoTerms(employerId: string, workerId: string, stage: (typeof STAGES)[number]): ContractTermsInput {
  return {
    corridor: 'NPL-ARE',
    employer_id: employerId,
    worker_id: workerId,
    occupation_isco: stage.job[0],
    job_title: stage.job[1],
    workplace: { city: 'Dubai', address: 'Al Quoz Industrial Area 3, Plot 12' },
    start_date: '2026-07-01',
    end_date: '2028-06-30',
    probation_months: 3,
    wage: { currency: 'AED', basic_monthly_minor: stage.basic, allowances: [{ kind: 'food', amount_minor: 30000, fixed: true }], overtime_rate_pct: 125 },
    hours_per_week: 48,
    rest_days_per_week: 1,
    annual_leave_days: 30,
    accommodation: 'provided',
    food: 'allowance',
    transport: 'provided',
    costs: { visa: 'employer', work_permit: 'employer', medical_test: 'employer', outbound_travel: 'employer', return_travel: 'employer', insurance: 'employer' },
    worker_recruitment_fee_minor: 0,
    insurance: { health: true, work_injury: true },
    end_of_service_days_per_year: 21,
    notice_days: 30,
    passport_retained_by_worker: true,
    languages: ['en', 'ne', 'ar'],
  };
}

/**
 * Demo contracts with Al Noor Construction, each walked through the real lifecycle (so they
 * are signed and in the registry log) as far as its stage says.
 */
export async function seedDemoContracts(db: Kysely<DB>, config: Config, orgs: Map<string, string>): Promise<void> {
  const employer = actor('employer', orgs.get('employer1')!, 'ARE');
  const origin = actor('origin_authority', orgs.get('origin')!, 'NPL');
  const destination = actor('destination_authority', orgs.get('destination')!, 'ARE');
  for (const stage of STAGES) {
    const worker = await db.selectFrom('workers').select('id').where('person_id', '=', stage.person_id).executeTakeFirstOrThrow();
    const workerActor: Actor = { type: 'system', role: 'worker', workerId: worker.id, scopes: scopesFor('worker', undefined) };
    const draft = await createContract(db, employer, { terms: demoTerms(employer.organisationId!, worker.id, stage) as never });
    const offered = await offerContract(db, employer, draft.id);
    if (stage.until === 'offered') continue;
    const shown = await getContract(db, workerActor, offered.id, { lang: 'ne' });
    const digest = shown.versions.find((v) => v.state === 'offered')!.terms_digest;
    await acceptContract(db, config, workerActor, offered.id, { terms_digest: digest, language: 'ne' });
    await approveContract(db, config, origin, offered.id);
    if (stage.until === 'approved') continue;
    await registerContract(db, config, destination, offered.id);
    await takeStep(db, employer, offered.id, 'activate', 'Arrived and started work');
  }
}
