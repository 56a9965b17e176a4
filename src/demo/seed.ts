import { readFile } from 'node:fs/promises';
import { CLI_ACTOR } from '../core/auth/actor.js';
import type { Config } from '../core/config.js';
import type { Database } from '../core/db/database.js';
import { recordEvent } from '../modules/audit/record-event.js';
import { applyRules } from '../modules/corridors/apply-rules.js';
import { hashPassword } from '../modules/identity/passwords.js';
import { insertOrganisation } from '../modules/identity/queries/organisations.js';
import { insertUser } from '../modules/identity/queries/users.js';
import { insertWorker } from '../modules/identity/queries/workers.js';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_WORKERS } from './demo-data.js';
import { seedDemoContracts } from './seed-contracts.js';
import { seedDemoRemittances } from './seed-remittances.js';
import { DEMO_BORROWER, seedDemoLoans } from './seed-loans.js';
import { DEMO_RECRUIT, seedDemoRecruitment } from './seed-recruitment.js';
import { seedDemoRulesProposal } from './seed-rules.js';

export interface DemoLogin {
  role: string;
  email: string;
}

export interface SeededDemo {
  corridor: string;
  password: string;
  logins: DemoLogin[];
  /** "Follow one worker": who signs in where to see each step of the demo recruit's journey (docs/guide.md). */
  journey: { step: string; email: string; page: string }[];
}

/** The one worker the demo follows, step by step, with the login and the page that shows each step. */
export const DEMO_JOURNEY: SeededDemo['journey'] = [
  { step: 'job order by the employer, shortlist, selection', email: 'alnoor@demo.corridor', page: '/recruitment' },
  { step: 'job order verified by the origin authority; costs and breaches', email: 'dofe@demo.corridor', page: '/recruitment' },
  { step: 'the agency: the order it serves, its candidates', email: 'himalayan@demo.corridor', page: '/recruitment' },
  { step: `${DEMO_RECRUIT.full_name}: contract, costs and SDG 10.7.1, loan, wages (Nepali)`, email: DEMO_RECRUIT.email, page: '/worker' },
  { step: 'the lender: the loan disbursed before departure, repayments', email: 'lender@demo.corridor', page: '/lender' },
  { step: 'the origin authority: loan totals', email: 'dofe@demo.corridor', page: '/authority/loans' },
];

const EXAMPLE_RULES = new URL('../../docs/examples/corridor-npl-are.json', import.meta.url);

/**
 * The demo corridor NPL-ARE: both authorities, employers, agencies, a bank, a lender, a
 * remittance provider and workers with accounts. Seeded once; later runs only list the logins.
 */
export async function seedDemo(database: Database, config: Config): Promise<SeededDemo> {
  const db = database.db;
  const logins: DemoLogin[] = [
    ...DEMO_ORGANISATIONS.map((o) => ({ role: `${o.kind.replaceAll('_', ' ')}`, email: o.email })),
    ...DEMO_WORKERS.filter((w) => w.email).map((w) => ({ role: 'worker', email: w.email! })),
    { role: 'worker (followed, below)', email: DEMO_RECRUIT.email },
    { role: 'worker (loan)', email: DEMO_BORROWER.email },
  ];
  const seeded = await db.selectFrom('users').select('id').where('email', '=', DEMO_ORGANISATIONS[0]!.email).executeTakeFirst();
  if (seeded) return { corridor: 'NPL-ARE', password: DEMO_PASSWORD, logins, journey: DEMO_JOURNEY };

  const { corridor } = await applyRules(db, CLI_ACTOR, JSON.parse(await readFile(EXAMPLE_RULES, 'utf8')));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const orgIds = new Map<string, string>();
  await db.transaction().execute(async (trx) => {
    for (const o of DEMO_ORGANISATIONS) {
      const org = await insertOrganisation(trx, { kind: o.kind, name: o.name, country: o.country, external_id: o.external_id ?? null });
      orgIds.set(o.key, org.id);
      await insertUser(trx, {
        email: o.email,
        display_name: o.person,
        role: 'org_admin',
        organisation_id: org.id,
        worker_id: null,
        password_hash: passwordHash,
        must_change_password: false,
      });
    }
    for (const w of DEMO_WORKERS) {
      const worker = await insertWorker(trx, {
        full_name: w.full_name,
        sex: w.sex,
        birth_date: w.birth_date,
        nationality: 'NPL',
        passport_no: w.passport_no,
        person_id: w.person_id,
        registered_by: orgIds.get('agency_npl') ?? null,
      });
      if (w.email)
        await insertUser(trx, {
          email: w.email,
          display_name: w.full_name,
          role: 'worker',
          organisation_id: null,
          worker_id: worker.id,
          password_hash: passwordHash,
          must_change_password: false,
          language: w.language,
        });
    }
    // Al Noor mandates the demo bank to submit its salary files: the wage agent's desk (/agent) uploads for it.
    await trx.insertInto('wage_mandates').values({ employer_id: orgIds.get('employer1')!, agent_id: orgIds.get('bank')!, created_by_organisation_id: null }).execute();
    await recordEvent(trx, { ...CLI_ACTOR, type: 'system' }, {
      action: 'demo.seeded',
      subjectType: 'corridor',
      subjectId: corridor,
      countries: ['NPL', 'ARE'],
      details: { organisations: DEMO_ORGANISATIONS.length, workers: DEMO_WORKERS.length },
    });
  });
  await seedDemoContracts(db, config, orgIds);
  await seedDemoRemittances(database, orgIds);
  // The recruit's contract is registered before the loans: he borrows against it, and his wage months are Al Noor's.
  const recruit = await seedDemoRecruitment(database, config, orgIds);
  await seedDemoLoans(database, config, orgIds, recruit);
  // A rules change the origin proposed, awaiting the destination (/authority/rules); in force only from 2027 once approved.
  await seedDemoRulesProposal(db, orgIds);
  return { corridor, password: DEMO_PASSWORD, logins, journey: DEMO_JOURNEY };
}
