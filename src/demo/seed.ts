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
import { seedDemoLoans } from './seed-loans.js';
import { seedDemoRecruitment } from './seed-recruitment.js';

export interface DemoLogin {
  role: string;
  email: string;
}

export interface SeededDemo {
  corridor: string;
  password: string;
  logins: DemoLogin[];
}

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
  ];
  const seeded = await db.selectFrom('users').select('id').where('email', '=', DEMO_ORGANISATIONS[0]!.email).executeTakeFirst();
  if (seeded) return { corridor: 'NPL-ARE', password: DEMO_PASSWORD, logins };

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
  logins.push(...(await seedDemoLoans(database, config, orgIds)));
  await seedDemoRecruitment(database, config, orgIds);
  return { corridor, password: DEMO_PASSWORD, logins };
}
