import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { CLI_ACTOR } from '../../../core/auth/actor.js';
import type { DB } from '../../../schema.js';
import { type TestDatabase, testDatabase } from '../../../../test/helpers/database.js';
import { importSalaryFiles } from '../intake/import-salary-files.js';
import { reconcileMonth } from '../reconcile/reconcile-month.js';
import { makeCorridor, makeEmployer, makeRegisteredContract, sif } from '../test-support.js';
import { isEmployerSuspended } from './employer-suspension.js';
import { runFollowUp } from './run-follow-up.js';

// Pay day 10, grace 5: March's deadline is 2025-04-15, April's 2025-05-15, May's 2025-06-15.
// Ladder (defaults): reminders at +0 and +10, warning at +15, inspection at +20.
describe('wage follow-up ladder (PRODUCT.md 5.3)', () => {
  let database: TestDatabase;
  let db: Kysely<DB>;
  let e1: { id: string; external_id: string | null };
  let e2: { id: string; external_id: string | null };
  const ids: Record<string, string> = {};

  const run = (asOf: string) => runFollowUp(db, CLI_ACTOR, { as_of: asOf });
  const escalation = (worker: string, month: string) =>
    db.selectFrom('wage_escalations').selectAll().where('worker_id', '=', ids[worker]!).where('month', '=', `${month}-01`).executeTakeFirst();

  before(async () => {
    database = await testDatabase();
    db = database.db;
    await makeCorridor(db);
    e1 = await makeEmployer(db);
    e2 = await makeEmployer(db);
    const c = (employerId: string, personId: string, start: string) => makeRegisteredContract(db, { employerId, personId, start, end: '2026-12-31', monthly: 150000 });
    ids.a = (await c(e1.id, '99900000003001', '2025-03-01')).workerId; // never paid
    ids.b = (await c(e1.id, '99900000003002', '2025-05-01')).workerId; // May paid late, on 2025-06-28 (deadline + 13)
    ids.c = (await c(e1.id, '99900000003003', '2025-05-01')).workerId; // May paid on time
    ids.d = (await c(e2.id, '99900000003004', '2025-05-01')).workerId; // May unpaid
    for (const [person, createdOn] of [['99900000003002', '2025-06-28'], ['99900000003003', '2025-06-05']] as const) {
      const f = sif({ employer: e1.external_id!, month: '2025-05', createdOn, rows: [{ person, fixed: '1500.00' }] });
      const [ack] = await importSalaryFiles(database, CLI_ACTOR, [{ name: f.name, open: () => [f.text] }]);
      assert.equal(ack!.status, 'accepted', JSON.stringify(ack!.errors));
    }
    for (const period of ['2025-03', '2025-04', '2025-05']) await reconcileMonth(db, CLI_ACTOR, { period, as_of: '2025-08-01' });
  });
  after(async () => database.close());

  it('opens a case only after the deadline, then climbs reminder, reminder, warning, inspection on their days', async () => {
    await run('2025-06-15');
    assert.equal(await escalation('a', '2025-05'), undefined, 'not before the deadline has passed');
    const steps: [string, string, number][] = [
      ['2025-06-16', 'reminder', 1], ['2025-06-24', 'reminder', 1], ['2025-06-25', 'reminder', 2],
      ['2025-06-29', 'reminder', 2], ['2025-06-30', 'warning', 3], ['2025-07-04', 'warning', 3], ['2025-07-05', 'inspection', 4],
    ];
    for (const [asOf, step, count] of steps) {
      await run(asOf);
      const e = await escalation('a', '2025-05');
      assert.deepEqual([asOf, e?.step, e?.step_count, e?.state], [asOf, step, count, 'open']);
    }
    const e = (await escalation('a', '2025-05'))!;
    assert.deepEqual(e.steps, [
      { step: 'reminder', day: 0, on: '2025-06-15' }, { step: 'reminder', day: 10, on: '2025-06-25' },
      { step: 'warning', day: 15, on: '2025-06-30' }, { step: 'inspection', day: 20, on: '2025-07-05' },
    ]);
  });

  it('stops a late payment on the day the money came, and closes it as paid late; an on-time payment has no case', async () => {
    const b = (await escalation('b', '2025-05'))!;
    assert.deepEqual([b.state, b.resolution, b.closed_on, b.step, b.step_count], ['closed', 'paid_late', '2025-06-28', 'reminder', 2]);
    assert.equal(await escalation('c', '2025-05'), undefined);
  });

  it('is idempotent: a second run on the same day, or an earlier day, changes nothing', async () => {
    const before = await db.selectFrom('wage_escalations').selectAll().orderBy('id').execute();
    const again = await run('2025-07-05');
    assert.deepEqual([again.opened, again.advanced, again.closed, again.suspensions_started, again.change_of_employer_rights], [0, 0, 0, 0, 0]);
    await run('2025-06-20');
    assert.deepEqual(await db.selectFrom('wage_escalations').selectAll().orderBy('id').execute(), before);
  });

  it('suspends the employer after two months owed, and gives the worker the right to change employer after three', async () => {
    // The follow-up kept all three months of worker a open; employer 2 owes one month.
    assert.equal(await isEmployerSuspended(db, e1.id, '2025-06-20'), true);
    const suspension = await db.selectFrom('wage_suspensions').selectAll().where('employer_id', '=', e1.id).executeTakeFirstOrThrow();
    assert.equal(suspension.started_on, '2025-06-15', 'the first run found March and April owed');
    assert.equal(await isEmployerSuspended(db, e1.id, '2025-01-01'), false, 'not before it started');
    assert.equal(await isEmployerSuspended(db, e2.id, '2025-07-05'), false, 'one month owed is not enough');
    const rights = await db.selectFrom('wage_employer_change_rights').selectAll().execute();
    assert.deepEqual(rights.map((r) => [r.worker_id, r.granted_on]), [[ids.a, '2025-06-16']], 'when May became the third month');
  });
});

describe('wage follow-up: months counted as the deadlines pass', () => {
  let database: TestDatabase;
  let db: Kysely<DB>;
  let employer: { id: string; external_id: string | null };
  let worker: string;

  before(async () => {
    database = await testDatabase();
    db = database.db;
    await makeCorridor(db);
    employer = await makeEmployer(db);
    worker = (await makeRegisteredContract(db, { employerId: employer.id, personId: '99900000003101', start: '2025-03-01', end: '2026-12-31', monthly: 150000 })).workerId;
    for (const period of ['2025-03', '2025-04', '2025-05']) await reconcileMonth(db, CLI_ACTOR, { period, as_of: '2025-08-01' });
  });
  after(async () => database.close());

  it('one month owed: no suspension; two: suspended from that day; three: the right to change employer', async () => {
    const r1 = await runFollowUp(db, CLI_ACTOR, { as_of: '2025-04-16' });
    assert.deepEqual([r1.opened, r1.suspensions_started, r1.change_of_employer_rights], [1, 0, 0]);
    assert.equal(await isEmployerSuspended(db, employer.id, '2025-04-16'), false);
    const r2 = await runFollowUp(db, CLI_ACTOR, { as_of: '2025-05-16' });
    assert.deepEqual([r2.opened, r2.suspensions_started, r2.change_of_employer_rights], [1, 1, 0]);
    assert.equal(await isEmployerSuspended(db, employer.id, '2025-05-16'), true);
    assert.equal(await isEmployerSuspended(db, employer.id, '2025-05-15'), false);
    const r3 = await runFollowUp(db, CLI_ACTOR, { as_of: '2025-06-16' });
    assert.deepEqual([r3.opened, r3.suspensions_started, r3.change_of_employer_rights], [1, 0, 1]);
    const right = await db.selectFrom('wage_employer_change_rights').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual([right.worker_id, right.granted_on], [worker, '2025-06-16']);
  });

  it('lifts the suspension once fewer months are owed (here: the months were paid)', async () => {
    const files = ['2025-03', '2025-04', '2025-05'].map((month) => sif({ employer: employer.external_id!, month, createdOn: '2025-07-01', rows: [{ person: '99900000003101', fixed: '1500.00' }] }));
    await importSalaryFiles(database, CLI_ACTOR, files.map((f) => ({ name: f.name, open: () => [f.text] })));
    for (const period of ['2025-03', '2025-04', '2025-05']) await reconcileMonth(db, CLI_ACTOR, { period, as_of: '2025-08-01' });
    const r = await runFollowUp(db, CLI_ACTOR, { as_of: '2025-08-01' });
    assert.deepEqual([r.closed, r.suspensions_lifted, r.open_cases], [3, 1, 0]);
    assert.equal(await isEmployerSuspended(db, employer.id, '2025-08-01'), false);
    assert.equal(await isEmployerSuspended(db, employer.id, '2025-07-01'), true, 'the past stays as it was');
    assert.equal((await db.selectFrom('wage_employer_change_rights').selectAll().execute()).length, 1, 'a right once granted stays');
  });
});
