import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { CLI_ACTOR } from '../../../core/auth/actor.js';
import type { DB } from '../../../schema.js';
import { type TestDatabase, testDatabase } from '../../../../test/helpers/database.js';
import { importSalaryFiles } from '../intake/import-salary-files.js';
import { makeCorridor, makeEmployer, makeRegisteredContract, sif } from '../test-support.js';
import { reconcileMonth } from './reconcile-month.js';
import { workerStatus } from './worker-status.js';

type Row = { person_id: string; status: string; expected_minor: number; paid_minor: number; full_on: string | null; leave_days: number; as_of: string };

async function importSif(database: TestDatabase, file: { name: string; text: string }) {
  const [ack] = await importSalaryFiles(database, CLI_ACTOR, [{ name: file.name, open: () => [Buffer.from(file.text, 'latin1')] }]);
  assert.equal(ack!.status, 'accepted', JSON.stringify(ack!.errors));
}

const result = async (db: Kysely<DB>, person: string): Promise<Row> =>
  (await db.selectFrom('wage_results').selectAll().where('person_id', '=', person).executeTakeFirstOrThrow()) as Row;

describe('wage reconciliation (PRODUCT.md 5.3): pay day 10, grace 5, tolerance 0', () => {
  let database: TestDatabase;
  let db: Kysely<DB>;
  let employer: { id: string; external_id: string | null };
  const P = (n: number) => `9990000001${String(n).padStart(4, '0')}`;

  before(async () => {
    database = await testDatabase();
    db = database.db;
    await makeCorridor(db);
    employer = await makeEmployer(db);
    const e = employer.id;
    const full = { employerId: e, start: '2025-01-01', end: '2026-12-31' };
    await makeRegisteredContract(db, { ...full, personId: P(1), monthly: 150000 }); // paid
    await makeRegisteredContract(db, { ...full, personId: P(2), monthly: 150000 }); // late
    await makeRegisteredContract(db, { ...full, personId: P(3), monthly: 150000 }); // nothing: pending, then unpaid
    await makeRegisteredContract(db, { ...full, personId: P(4), monthly: 150000 }); // underpaid
    await makeRegisteredContract(db, { employerId: e, start: '2025-05-17', end: '2026-05-16', personId: P(5), monthly: 150000 }); // pro-rated
    await makeRegisteredContract(db, { ...full, personId: P(6), monthly: 200000 }); // 2 days unpaid leave
    await makeRegisteredContract(db, { ...full, personId: P(7), monthly: 150000 }); // supplementary run adds up
    await makeRegisteredContract(db, { ...full, personId: P(8), monthly: 155000 }); // leave from the latest file
    await makeRegisteredContract(db, { employerId: e, start: '2024-01-01', end: '2025-04-30', personId: P(9), monthly: 150000 }); // ended: not in May
    await makeRegisteredContract(db, { ...full, personId: P(10), monthly: 150000, status: 'offered' }); // not registered
    await makeRegisteredContract(db, { ...full, personId: P(11), monthly: 150000 }); // two payments on one day
    const x = employer.external_id!;
    await importSif(database, sif({ employer: x, month: '2025-05', createdOn: '2025-06-01', rows: [
      { person: P(1), fixed: '1500.00' },
      { person: P(4), fixed: '1400.00' },
      { person: P(5), fixed: '725.81' },
      { person: P(6), fixed: '1870.97', leave: 2 },
      { person: P(7), fixed: '1000.00' },
      { person: P(8), fixed: '1400.00', leave: 0 },
      { person: P(9), fixed: '1500.00' }, // contract ended in April: unregistered
      { person: P(10), fixed: '1500.00' }, // contract never registered: unregistered
      { person: '99900000009999', fixed: '800.00' }, // nobody Corridor knows: unregistered
    ] }));
    await importSif(database, sif({ employer: x, month: '2025-05', createdOn: '2025-06-03', rows: [{ person: P(8), fixed: '0.00', leave: 3 }] }));
    await importSif(database, sif({ employer: x, month: '2025-05', createdOn: '2025-06-12', rows: [{ person: P(7), fixed: '500.00' }] }));
    await importSif(database, sif({ employer: x, month: '2025-05', createdOn: '2025-06-20', rows: [{ person: P(2), fixed: '1500.00' }] }));
    await importSif(database, sif({ employer: x, month: '2025-05', createdOn: '2025-06-05', rows: [{ person: P(11), fixed: '1000.00' }] }));
    await importSif(database, sif({ employer: x, month: '2025-05', createdOn: '2025-06-05', rows: [{ person: P(11), fixed: '500.00' }] }));
  });
  after(async () => database.close());

  it('counts every status and the unregistered payments, as of a date after the deadline', async () => {
    const s = await reconcileMonth(db, CLI_ACTOR, { period: '2025-05', as_of: '2025-07-01' });
    assert.deepEqual(s, { period: '2025-05', as_of: '2025-07-01', contracts: 9, paid: 6, late: 1, underpaid: 1, unpaid: 1, pending: 0, unregistered_payments: 3 });
    const r1 = await result(db, P(1));
    assert.deepEqual([r1.status, r1.expected_minor, r1.paid_minor, r1.full_on], ['paid', 150000, 150000, '2025-06-01']);
    const r2 = await result(db, P(2));
    assert.deepEqual([r2.status, r2.full_on], ['late', '2025-06-20']);
    assert.equal((await result(db, P(3))).status, 'unpaid');
    const r4 = await result(db, P(4));
    assert.deepEqual([r4.status, r4.paid_minor, r4.full_on], ['underpaid', 140000, null]);
  });

  it('counts the same unregistered payments in a run for one corridor, which cannot read them from the stored results', async () => {
    const corridor = await reconcileMonth(db, CLI_ACTOR, { period: '2025-05', as_of: '2025-07-01', corridor: 'NPL-ARE' });
    assert.deepEqual(corridor, { period: '2025-05', as_of: '2025-07-01', contracts: 9, paid: 6, late: 1, underpaid: 1, unpaid: 1, pending: 0, unregistered_payments: 3 });
  });

  it('two payments on the same day that together reach the line: paid in full on that day', async () => {
    const r = await result(db, P(11));
    assert.deepEqual([r.paid_minor, r.full_on, r.status], [150000, '2025-06-05', 'paid']);
    const st = await workerStatus(db, { period: '2025-05', personId: P(11), asOf: '2025-07-01' });
    assert.deepEqual([st.status, st.paid_on], ['paid', '2025-06-05']);
  });

  it('pro-rates a contract that starts mid-month: round_half_up(150000 x 15 / 31) = 72581', async () => {
    const r = await result(db, P(5));
    assert.deepEqual([r.expected_minor, r.paid_minor, r.status], [72581, 72581, 'paid']);
  });

  it('takes unpaid leave off: round_half_up(200000 x 29 / 31) = 187097', async () => {
    const r = await result(db, P(6));
    assert.deepEqual([r.leave_days, r.expected_minor, r.status], [2, 187097, 'paid']);
  });

  it('adds up a supplementary run; full_on is the date of the payment that reached the line', async () => {
    const r = await result(db, P(7));
    assert.deepEqual([r.paid_minor, r.full_on, r.status], [150000, '2025-06-12', 'paid']);
  });

  it('takes the leave from the latest file: 3 days, so 155000 x 28 / 31 = 140000 was paid in full on 06-01', async () => {
    const r = await result(db, P(8));
    assert.deepEqual([r.leave_days, r.expected_minor, r.paid_minor, r.full_on, r.status], [3, 140000, 140000, '2025-06-01', 'paid']);
  });

  it('as of a date before the deadline: nothing paid is pending, part paid is pending', async () => {
    const s = await reconcileMonth(db, CLI_ACTOR, { period: '2025-05', as_of: '2025-06-05' });
    assert.equal(s.pending, 4, JSON.stringify(s)); // P3 nothing, P4 part, P2 not yet, P7 first part only
    const r7 = await result(db, P(7));
    assert.deepEqual([r7.status, r7.paid_minor, r7.as_of], ['pending', 100000, '2025-06-05']);
    // Leave reported on 06-03 counts by 06-05, but not by 06-02.
    await reconcileMonth(db, CLI_ACTOR, { period: '2025-05', as_of: '2025-06-02' });
    assert.deepEqual([(await result(db, P(8))).leave_days, (await result(db, P(8))).expected_minor], [0, 155000]);
  });

  it('as of a date before a payment, after the deadline: the payment does not count', async () => {
    const s = await reconcileMonth(db, CLI_ACTOR, { period: '2025-05', as_of: '2025-06-18' });
    assert.equal((await result(db, P(2))).status, 'unpaid');
    assert.equal(s.unpaid, 2);
    assert.equal((await db.selectFrom('wage_results').select('contract_id').execute()).length, 9, 'a re-run replaces, never adds');
  });

  it('wps status reads one worker without storing', async () => {
    const st = await workerStatus(db, { period: '2025-05', personId: P(7), asOf: '2025-07-01' });
    assert.deepEqual([st.worker_id, st.status, st.expected_minor, st.paid_minor, st.paid_on], [P(7), 'paid', 150000, 150000, '2025-06-12']);
    await assert.rejects(workerStatus(db, { period: '2025-05', personId: P(9) }), /not found/);
  });
});

describe('wage reconciliation: tolerance and half-up rounding', () => {
  let database: TestDatabase;
  let db: Kysely<DB>;
  before(async () => {
    database = await testDatabase();
    db = database.db;
    await makeCorridor(db, { pay_day: 31, grace_days: 0, underpayment_tolerance_minor: 100 });
  });
  after(async () => database.close());

  it('counts a shortfall within the tolerance as paid, beyond it as underpaid; rounds x.5 up; clamps the pay day', async () => {
    const employer = await makeEmployer(db);
    const e = employer.id;
    await makeRegisteredContract(db, { employerId: e, start: '2025-01-01', end: '2026-12-31', personId: '99900000000101', monthly: 150000 });
    await makeRegisteredContract(db, { employerId: e, start: '2025-01-01', end: '2026-12-31', personId: '99900000000102', monthly: 150000 });
    // June has 30 days: 100001 x 15 / 30 = 50000.5, which is 50001 half-up (50000 with banker's rounding).
    await makeRegisteredContract(db, { employerId: e, start: '2025-06-16', end: '2026-06-15', personId: '99900000000103', monthly: 100001 });
    await importSif(database, sif({ employer: employer.external_id!, month: '2025-06', createdOn: '2025-07-01', rows: [
      { person: '99900000000101', fixed: '1499.00' },
      { person: '99900000000102', fixed: '1498.99' },
      { person: '99900000000103', fixed: '499.01' },
    ] }));
    const s = await reconcileMonth(db, CLI_ACTOR, { period: '2025-06', as_of: '2025-08-01' });
    assert.deepEqual([s.paid, s.underpaid], [2, 1]);
    const r3 = await result(db, '99900000000103');
    assert.equal(r3.expected_minor, 50001);
    assert.equal(r3.status, 'paid', 'short by exactly the tolerance');
    const due = await db.selectFrom('wage_results').select(['due_on', 'deadline']).where('person_id', '=', '99900000000101').executeTakeFirstOrThrow();
    assert.deepEqual(due, { due_on: '2025-07-31', deadline: '2025-07-31' });
    await reconcileMonth(db, CLI_ACTOR, { period: '2025-01', as_of: '2025-08-01' });
    const feb = await db.selectFrom('wage_results').select(['due_on']).where('month', '=', '2025-01-01').where('person_id', '=', '99900000000101').executeTakeFirstOrThrow();
    assert.equal(feb.due_on, '2025-02-28', 'pay day 31 in February is its last day');
  });
});
