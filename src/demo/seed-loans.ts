/**
 * Demo loans (issue 7 item 6): the lender's product, and one worker — Laxmi Thapa, a cook with
 * Gulf Hospitality Group whose contract is registered — with a loan disbursed before departure
 * and three wage months repaid through the wage system: July paid, August not paid by the
 * employer (the instalment is deferred, no interest added), September paid. Gulf Hospitality
 * has no other demo contract, and Al Noor's active contracts are paid in full in those months,
 * so the reconciliation of July-September leaves every other demo worker paid.
 */
import type { Kysely } from 'kysely';
import { type Actor, CLI_ACTOR } from '../core/auth/actor.js';
import { type OrganisationKind, scopesFor } from '../core/auth/scopes.js';
import type { Config } from '../core/config.js';
import type { Database } from '../core/db/database.js';
import type { DB } from '../schema.js';
import { acceptContract } from '../modules/contracts/accept-contract.js';
import { approveContract } from '../modules/contracts/approve-contract.js';
import { createContract } from '../modules/contracts/create-contract.js';
import { getContract } from '../modules/contracts/get-contract.js';
import { offerContract } from '../modules/contracts/offer-contract.js';
import { registerContract } from '../modules/contracts/register-contract.js';
import { insertUser } from '../modules/identity/queries/users.js';
import { insertWorker } from '../modules/identity/queries/workers.js';
import { hashPassword } from '../modules/identity/passwords.js';
import { applyForLoan, decideLoan, disburseLoan } from '../modules/loans/applications.js';
import { reportDeductions } from '../modules/loans/deductions.js';
import { getLoan } from '../modules/loans/loan-views.js';
import { matchRepayments } from '../modules/loans/match-repayments.js';
import { publishProduct } from '../modules/loans/products.js';
import { importSalaryFiles } from '../modules/wages/intake/import-salary-files.js';
import { reconcileMonth } from '../modules/wages/reconcile/reconcile-month.js';
import { uaeSifFileName, writeUaeSif } from '../modules/wages/salary-files/uae-sif-writer.js';
import { DEMO_PASSWORD } from './demo-data.js';

export const DEMO_BORROWER = { email: 'laxmi@demo.corridor', person_id: '99900000000020', full_name: 'Laxmi Thapa' } as const;
const BANK = '999100001';
const MONTHS = [
  { month: '2026-07', paidOn: '2026-08-05', borrowerPaid: true },
  { month: '2026-08', paidOn: '2026-09-05', borrowerPaid: false },
  { month: '2026-09', paidOn: '2026-10-05', borrowerPaid: true },
];

const orgActor = (kind: OrganisationKind, organisationId: string, country: string): Actor => ({
  type: 'system', role: 'org_admin', organisationId, organisationKind: kind, country, scopes: scopesFor('org_admin', kind),
});

/** Seeds the demo loan; returns the borrower's login for the list `corridor start --demo` prints. */
export async function seedDemoLoans(database: Database, config: Config, orgs: Map<string, string>): Promise<{ role: string; email: string }[]> {
  const db: Kysely<DB> = database.db;
  const employer = orgActor('employer', orgs.get('employer2')!, 'ARE');
  const origin = orgActor('origin_authority', orgs.get('origin')!, 'NPL');
  const destination = orgActor('destination_authority', orgs.get('destination')!, 'ARE');
  const lender = orgActor('lender', orgs.get('lender')!, 'NPL');

  const worker = await insertWorker(db, {
    full_name: DEMO_BORROWER.full_name, sex: 'F', birth_date: '1995-03-17', nationality: 'NPL', passport_no: 'PA1000020',
    person_id: DEMO_BORROWER.person_id, registered_by: orgs.get('agency_npl') ?? null,
  });
  await insertUser(db, {
    email: DEMO_BORROWER.email, display_name: DEMO_BORROWER.full_name, role: 'worker', organisation_id: null, worker_id: worker.id,
    password_hash: await hashPassword(DEMO_PASSWORD), must_change_password: false, language: 'ne',
  });
  const workerActor: Actor = { type: 'system', role: 'worker', workerId: worker.id, scopes: scopesFor('worker', undefined) };

  // A registered contract, walked through the real lifecycle (signed, in the registry log), not yet started.
  const draft = await createContract(db, employer, {
    terms: {
      corridor: 'NPL-ARE', employer_id: employer.organisationId!, worker_id: worker.id, occupation_isco: '5120', job_title: 'Cook',
      workplace: { city: 'Dubai', address: 'Jumeirah Beach Road, Hotel 4' }, start_date: '2026-07-01', end_date: '2028-06-30', probation_months: 3,
      wage: { currency: 'AED', basic_monthly_minor: 140000, allowances: [], overtime_rate_pct: 125 },
      hours_per_week: 48, rest_days_per_week: 1, annual_leave_days: 30, accommodation: 'provided', food: 'provided', transport: 'provided',
      costs: { visa: 'employer', work_permit: 'employer', medical_test: 'employer', outbound_travel: 'employer', return_travel: 'employer', insurance: 'employer' },
      worker_recruitment_fee_minor: 0, insurance: { health: true, work_injury: true }, end_of_service_days_per_year: 21, notice_days: 30,
      passport_retained_by_worker: true, languages: ['en', 'ne', 'ar'],
    } as never,
  });
  const offered = await offerContract(db, employer, draft.id);
  const shown = await getContract(db, workerActor, offered.id, { lang: 'ne' });
  await acceptContract(db, config, workerActor, offered.id, { terms_digest: shown.versions.find((v) => v.state === 'offered')!.terms_digest, language: 'ne' });
  await approveContract(db, config, origin, offered.id);
  await registerContract(db, config, destination, offered.id);

  // The lender's product, the application with consent, the decision and the disbursement before 1 July.
  const product = await publishProduct(db, lender, {
    corridor: 'NPL-ARE', name: 'Sajilo pre-departure loan', currency: 'AED', min_amount_minor: 50000, max_amount_minor: 500000,
    min_term_months: 6, max_term_months: 24, annual_rate_bp: 900, fee_minor: 1500,
  });
  const { id: loanId } = await applyForLoan(db, workerActor, { product_id: product.id, contract_id: offered.id, amount_minor: 250000, term_months: 18, consent_to_share_key_terms: true });
  await decideLoan(db, lender, loanId, { decision: 'approve' });
  await disburseLoan(db, lender, loanId, { disbursed_on: '2026-06-20' });
  const loan = await getLoan(db, CLI_ACTOR, loanId);

  // Three wage months: Al Noor pays its active contracts in full; Gulf Hospitality pays Laxmi in July and September only.
  const alNoor = await db
    .selectFrom('contracts as c')
    .innerJoin('contract_versions as v', (j) => j.onRef('v.contract_id', '=', 'c.id').onRef('v.version', '=', 'c.registered_version'))
    .innerJoin('workers as w', 'w.id', 'c.worker_id')
    .select(['w.person_id', 'v.monthly_fixed_minor'])
    .where('c.employer_id', '=', orgs.get('employer1')!)
    .where('c.status', 'in', ['registered', 'active'])
    .execute();
  const files: { name: string; open: () => Buffer[] }[] = [];
  for (const [k, m] of MONTHS.entries()) {
    const last = new Date(Date.UTC(Number(m.month.slice(0, 4)), Number(m.month.slice(5, 7)), 0)).getUTCDate();
    const record = (personId: string, fixedMinor: number) => ({
      personId, account: 'AE070331234567890123456', payStart: `${m.month}-01`, payEnd: `${m.month}-${last}`, daysPaid: last,
      fixedMinor, variableMinor: 0, unpaidLeaveDays: 0, agentRoutingCode: BANK,
    });
    const file = (employerExt: string, records: ReturnType<typeof record>[]) => {
      const text = writeUaeSif({ employerId: employerExt, employerBankCode: BANK, fileCreatedOn: m.paidOn, fileCreatedAt: '0930', salaryMonth: m.month, records });
      files.push({ name: uaeSifFileName(employerExt, m.paidOn, `09${30 + k}00`), open: () => [Buffer.from(text, 'latin1')] });
    };
    file('0000009990001', alNoor.map((c) => record(c.person_id!, c.monthly_fixed_minor)));
    if (m.borrowerPaid) file('0000009990002', [record(DEMO_BORROWER.person_id, 140000)]);
  }
  const acks = await importSalaryFiles(database, CLI_ACTOR, files);
  const refused = acks.find((a) => a.status !== 'accepted');
  if (refused) throw new Error(`demo salary file refused: ${JSON.stringify(refused.errors)}`);
  for (const m of MONTHS) await reconcileMonth(db, CLI_ACTOR, { period: m.month, as_of: '2026-11-20' });

  // The bank deducts the instalment in the months Laxmi was paid; the months are matched.
  const instalment = (seq: number) => loan.schedule.find((s) => s.seq === seq)!.amount_minor;
  await reportDeductions(database, CLI_ACTOR, { kind: 'json', via: 'cli', body: { deductions: [
    { loan_id: loanId, month: '2026-07', amount_minor: instalment(1), currency: 'AED' },
    { loan_id: loanId, month: '2026-09', amount_minor: instalment(2), currency: 'AED' },
  ] } });
  for (const m of MONTHS) await matchRepayments(db, CLI_ACTOR, { period: m.month });
  return [{ role: 'worker (loan)', email: DEMO_BORROWER.email }];
}
