import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { CLI_ACTOR } from '../../../core/auth/actor.js';
import { type TestDatabase, testDatabase } from '../../../../test/helpers/database.js';
import { makeEmployer, sif } from '../test-support.js';
import { importSalaryFiles } from './import-salary-files.js';

describe('importSalaryFiles: many files, batched, each atomic', () => {
  let database: TestDatabase;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  it('stores 40 files in batches; a broken one and an in-batch duplicate change nothing else', async () => {
    const employer = await makeEmployer(database.db);
    const files = Array.from({ length: 40 }, (_, i) =>
      sif({ employer: employer.external_id!, month: '2025-05', createdOn: '2025-06-01', rows: [{ person: `99900000100${String(i).padStart(3, '0')}`, fixed: '1000.00' }] }));
    files[7] = { ...files[7]!, text: files[7]!.text.replace('1000.00,AED', '1000.01,AED') };
    files[20] = files[3]!;
    const acks = await importSalaryFiles(database, CLI_ACTOR, files.map((f) => ({ name: f.name, open: () => [f.text] })), { maxBatchFiles: 16 });
    assert.equal(acks.length, 40);
    assert.equal(acks[7]!.status, 'rejected');
    assert.deepEqual([acks[20]!.status, acks[20]!.duplicate_of], ['duplicate', acks[3]!.id]);
    assert.equal(acks.filter((a) => a.status === 'accepted').length, 38);
    const { rows } = await sql<{ n: number; files: number }>`SELECT count(*)::int AS n, count(DISTINCT file_id)::int AS files FROM salary_records`.execute(database.db);
    assert.deepEqual(rows[0], { n: 38, files: 38 });
    const stored = await database.db.selectFrom('salary_files').select(['status']).execute();
    assert.equal(stored.length, 40, 'every acknowledgement is stored');
    // Every payment points at its accepted file and that file's employer (by construction: decision 0016).
    const { rows: orphans } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM salary_records r
      LEFT JOIN salary_files f ON f.id = r.file_id AND f.employer_id = r.employer_id AND f.status = 'accepted'
      WHERE f.id IS NULL`.execute(database.db);
    assert.equal(orphans[0]!.n, 0);
  });

  it('stores file after file in batches of one: the same statement many times (a generic plan)', async () => {
    // ON CONFLICT on the partial unique index must name its predicate as a literal: with a parameter,
    // the server's generic plan (from the sixth execution) finds no index to arbitrate with.
    const employer = await makeEmployer(database.db);
    const files = Array.from({ length: 8 }, (_, i) =>
      sif({ employer: employer.external_id!, month: '2025-06', createdOn: '2025-07-01', rows: [{ person: `99900000300${String(i).padStart(3, '0')}`, fixed: '900.00' }] }));
    const acks = await importSalaryFiles(database, CLI_ACTOR, files.map((f) => ({ name: f.name, open: () => [f.text] })), { maxBatchFiles: 1 });
    assert.deepEqual(acks.map((a) => a.status), Array(8).fill('accepted'));
  });

  it('stores the same payments whether the files were parsed in a thread (sent as COPY text) or here', async () => {
    const [threaded, here] = [await makeEmployer(database.db), await makeEmployer(database.db)];
    const dir = mkdtempSync(join(tmpdir(), 'sif-import-'));
    try {
      const rows = (i: number) => [
        { person: `99900000400${String(i).padStart(3, '0')}`, fixed: '1234.56', leave: i % 3 },
        { person: `99900000500${String(i).padStart(3, '0')}`, fixed: '0.00', leave: 0 },
      ];
      const files = (e: { external_id: string | null }) => Array.from({ length: 6 }, (_, i) => {
        const f = sif({ employer: e.external_id!, month: '2025-07', createdOn: `2025-08-0${i + 1}`, rows: rows(i) });
        const path = join(dir, `${e.external_id}-${f.name}`);
        writeFileSync(path, f.text);
        return { name: f.name, path, open: () => [f.text] };
      });
      const a = await importSalaryFiles(database, CLI_ACTOR, files(threaded), { parseThread: true });
      const b = await importSalaryFiles(database, CLI_ACTOR, files(here).map(({ name, open }) => ({ name, open })), { parseThread: false });
      assert.deepEqual([...a, ...b].map((x) => x.status), Array(12).fill('accepted'));
      const stored = async (employerId: string) => (await sql<Record<string, unknown>>`
        SELECT f.file_created_on, r.line, r.person_id, r.month, r.paid_on, r.currency, r.fixed_minor, r.variable_minor, r.deductions_minor,
          r.paid_minor, r.unpaid_leave_days, r.days_paid, r.pay_start, r.pay_end, r.agent_routing_code
        FROM salary_records r JOIN salary_files f ON f.id = r.file_id AND f.employer_id = r.employer_id
        WHERE r.employer_id = ${employerId} ORDER BY f.file_created_on, r.line`.execute(database.db)).rows;
      const fromThread = await stored(threaded.id);
      assert.equal(fromThread.length, 12);
      assert.deepEqual(fromThread, await stored(here.id));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never lets the application delete what payments point at: files and organisations', async () => {
    await assert.rejects(database.db.deleteFrom('salary_files').execute(), /permission denied/);
    await assert.rejects(database.db.deleteFrom('organisations').execute(), /permission denied/);
    await assert.rejects(sql`TRUNCATE salary_files CASCADE`.execute(database.db), /permission denied/);
    assert.equal((await database.db.selectFrom('salary_files').select('id').execute()).length, 60);
  });

  it('keeps the employer in the primary key of the large tables (Citus distribution column)', async () => {
    const { rows } = await sql<{ table: string; first: string }>`
      SELECT c.conrelid::regclass::text AS table, a.attname AS first
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'p' AND c.conrelid::regclass::text IN ('salary_records', 'wage_results', 'wage_mandates')
      ORDER BY 1`.execute(database.db);
    assert.deepEqual(rows, [
      { table: 'salary_records', first: 'employer_id' }, { table: 'wage_mandates', first: 'employer_id' }, { table: 'wage_results', first: 'employer_id' },
    ]);
  });
});

describe('importSalaryFiles through the parse threads: bad files and repeats', () => {
  let database: TestDatabase;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  it('refuses a broken file and a file of an unknown employer whole, stores the rest once, and a repeat counts nothing again', async () => {
    const employer = await makeEmployer(database.db);
    const dir = mkdtempSync(join(tmpdir(), 'sif-bad-'));
    try {
      const texts = Array.from({ length: 9 }, (_, i) =>
        sif({ employer: employer.external_id!, month: '2025-09', createdOn: `2025-10-0${i + 1}`, rows: [
          { person: `99900000600${String(i).padStart(3, '0')}`, fixed: '1000.00' },
          { person: `99900000700${String(i).padStart(3, '0')}`, fixed: '500.00' },
        ] }));
      texts[2] = { ...texts[2]!, text: texts[2]!.text.replace('1500.00,AED', '1500.01,AED') }; // the control total no longer matches the records
      texts[5] = sif({ employer: '7700000000001', month: '2025-09', createdOn: '2025-10-06', rows: [{ person: '99900000800001', fixed: '900.00' }] });
      const files = texts.map((f, i) => {
        const path = join(dir, `${i}-${f.name}`);
        writeFileSync(path, f.text);
        return { name: f.name, path, open: () => [f.text] };
      });
      const first = await importSalaryFiles(database, CLI_ACTOR, files, { parseThread: true });
      assert.deepEqual(first.map((a) => a.status), ['accepted', 'accepted', 'rejected', 'accepted', 'accepted', 'rejected', 'accepted', 'accepted', 'accepted']);
      assert.ok(first[2]!.errors.some((e) => e.line > 0 && e.field !== ''), JSON.stringify(first[2]!.errors));
      assert.ok(first[5]!.errors.some((e) => /employer/i.test(e.field) || /employer/i.test(e.message)), JSON.stringify(first[5]!.errors));
      const stored = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM salary_records`.execute(database.db)).rows[0]!.n;
      assert.equal(await stored(), 14, 'two payments for each of the 7 accepted files, none from the refused ones');

      const again = await importSalaryFiles(database, CLI_ACTOR, files, { parseThread: true });
      assert.deepEqual(again.map((a) => a.status), ['duplicate', 'duplicate', 'rejected', 'duplicate', 'duplicate', 'rejected', 'duplicate', 'duplicate', 'duplicate']);
      assert.equal(again[0]!.duplicate_of, first[0]!.id);
      assert.equal(await stored(), 14, 'a repeat stores no payment again');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
