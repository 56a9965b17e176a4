/**
 * Demo loans (issue 7 item 6): the lender's product, and two borrowers whose loans were disbursed
 * before departure and repaid through the wage system over July-September 2026 — July paid, August
 * not paid by the employer (the instalment is deferred, no interest added, and the wage follow-up
 * opens a case), September paid:
 * - Pemba Sherpa, the demo recruit (seed-recruitment.ts), bricklayer with Al Noor Construction: the
 *   one worker the demo follows from the job order to the third wage month (docs/guide.md);
 * - Laxmi Thapa, a cook with Gulf Hospitality Group (the loans page's own example); in September
 *   her bank deducted AED 50 above the instalment, owed back to her; the lender has paid AED 30 back so far.
 * Al Noor's other active contracts are paid in full in those months, so the reconciliation of
 * July-September leaves every other demo worker paid.
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
import { recordRefundPayment } from '../modules/loans/refunds.js';
import { importSalaryFiles } from '../modules/wages/intake/import-salary-files.js';
import { reconcileMonth } from '../modules/wages/reconcile/reconcile-month.js';
import { runFollowUp } from '../modules/wages/follow-up/run-follow-up.js';
import { uaeSifFileName, writeUaeSif } from '../modules/wages/salary-files/uae-sif-writer.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { DEMO_RECRUIT } from './seed-recruitment.js';

export const DEMO_BORROWER = { email: 'laxmi@demo.corridor', person_id: '99900000000020', full_name: 'Laxmi Thapa' } as const;
const BANK = '999100001';
/** Pemba's loan: AED 2,000 over 12 months, paid out on 22 June 2026, nine days before his contract starts on 1 July. */
export const DEMO_RECRUIT_LOAN = { amount_minor: 200000, term_months: 12, disbursed_on: '2026-06-22' } as const;
/** Laxmi's September deduction above the instalment (over the cap, owed back), and the lender's reference for paying it back. */
export const DEMO_OVER_DEDUCTED_MINOR = 5000;
/** What the lender has paid back of it so far (AED 30; AED 20 still owed). */
export const DEMO_REFUND_PAID_MINOR = 3000;
export const DEMO_REFUND_REFERENCE = 'SAJILO-RF-0001';
/** The day the demo's wage months were reconciled and followed up. */
export const DEMO_AS_OF = '2026-11-20';
const MONTHS = [
  { month: '2026-07', paidOn: '2026-08-05', borrowerPaid: true },
  { month: '2026-08', paidOn: '2026-09-05', borrowerPaid: false },
  { month: '2026-09', paidOn: '2026-10-05', borrowerPaid: true },
];

const orgActor = (kind: OrganisationKind, organisationId: string, country: string): Actor => ({
  type: 'system', role: 'org_admin', organisationId, organisationKind: kind, country, scopes: scopesFor('org_admin', kind),
});

/** Seeds the demo loans, the three wage months, their repayment match and the follow-up. */
export async function seedDemoLoans(
  database: Database, config: Config, orgs: Map<string, string>, recruit: { workerId: string; contractId: string },
): Promise<void> {
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

  // The demo recruit borrows too, against the contract he was recruited for, before he leaves.
  const recruitActor: Actor = { type: 'system', role: 'worker', workerId: recruit.workerId, scopes: scopesFor('worker', undefined) };
  const { id: recruitLoanId } = await applyForLoan(db, recruitActor, {
    product_id: product.id, contract_id: recruit.contractId, amount_minor: DEMO_RECRUIT_LOAN.amount_minor, term_months: DEMO_RECRUIT_LOAN.term_months,
    consent_to_share_key_terms: true,
  });
  await decideLoan(db, lender, recruitLoanId, { decision: 'approve' });
  await disburseLoan(db, lender, recruitLoanId, { disbursed_on: DEMO_RECRUIT_LOAN.disbursed_on });
  const recruitLoan = await getLoan(db, CLI_ACTOR, recruitLoanId);

  // Three wage months: Al Noor pays its contracts in full, but not Pemba in August; Gulf Hospitality pays Laxmi in July and September only.
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
    file('0000009990001', alNoor.filter((c) => m.borrowerPaid || c.person_id !== DEMO_RECRUIT.person_id).map((c) => record(c.person_id!, c.monthly_fixed_minor)));
    if (m.borrowerPaid) file('0000009990002', [record(DEMO_BORROWER.person_id, 140000)]);
  }
  const acks = await importSalaryFiles(database, CLI_ACTOR, files);
  const refused = acks.find((a) => a.status !== 'accepted');
  if (refused) throw new Error(`demo salary file refused: ${JSON.stringify(refused.errors)}`);
  for (const m of MONTHS) await reconcileMonth(db, CLI_ACTOR, { period: m.month, as_of: DEMO_AS_OF });

  // The bank deducts the instalment in the months each borrower was paid; the months are matched.
  const instalment = (l: typeof loan, seq: number) => l.schedule.find((s) => s.seq === seq)!.amount_minor;
  await reportDeductions(database, CLI_ACTOR, { kind: 'json', via: 'cli', body: { deductions: [
    { loan_id: loanId, month: '2026-07', amount_minor: instalment(loan, 1), currency: 'AED' },
    // In September the bank took AED 50 more than the instalment from Laxmi: over the cap, owed back to her.
    { loan_id: loanId, month: '2026-09', amount_minor: instalment(loan, 2) + DEMO_OVER_DEDUCTED_MINOR, currency: 'AED' },
    { loan_id: recruitLoanId, month: '2026-07', amount_minor: instalment(recruitLoan, 1), currency: 'AED' },
    { loan_id: recruitLoanId, month: '2026-09', amount_minor: instalment(recruitLoan, 2), currency: 'AED' },
  ] } });
  for (const m of MONTHS) await matchRepayments(db, CLI_ACTOR, { period: m.month });
  // The lender has paid back part of Laxmi's refund so far.
  await recordRefundPayment(db, lender, loanId, { amount_minor: DEMO_REFUND_PAID_MINOR, currency: 'AED', paid_on: '2026-10-20', reference: DEMO_REFUND_REFERENCE });
  // The wage follow-up ladder on the same day: each unpaid August is a case (escalated to inspection by then).
  await runFollowUp(db, CLI_ACTOR, { as_of: DEMO_AS_OF });
}
