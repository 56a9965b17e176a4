/**
 * One measured step of the wage-month benchmark, in its own process so that its peak RSS is
 * its own: `setup` (migrate, corridor, employers, workers and registered contracts by
 * generate_series; not measured), `floor` (plain COPY of the records + one reconciliation
 * join) or `import` (receiveSalaryFiles over every file, then reconcileMonth). Prints one JSON line.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { CLI_ACTOR } from '../src/core/auth/actor.js';
import { openDatabase } from '../src/core/db/database.js';
import type { Acknowledgement } from '../src/modules/wages/intake/acknowledgement.js';
import { salaryFilesAt } from '../src/modules/wages/intake/files-on-disk.js';
import { receiveSalaryFiles } from '../src/modules/wages/intake/import-salary-files.js';
import { reconcileMonth } from '../src/modules/wages/reconcile/reconcile-month.js';
import { makeCorridor } from '../src/modules/wages/test-support.js';
import { AS_OF, MONTH } from './generate-wps-month.js';

const { values } = parseArgs({ options: { step: { type: 'string' }, data: { type: 'string' }, url: { type: 'string' }, dir: { type: 'string' } } });
const dir = values.dir!;
const database = await openDatabase(values.url ? { url: values.url } : { dataDir: values.data });
const db = database.db;
let extra: Record<string, unknown> = {};
const started = performance.now();
const since = (t: number) => Number(((performance.now() - t) / 1000).toFixed(2));

if (values.step === 'setup') {
  const sizes = JSON.parse(readFileSync(join(dir, 'sizes.json'), 'utf8')) as number[];
  await makeCorridor(db);
  await database.session(async (s) => {
    await sql`RESET ROLE`.execute(s.db);
    await sql`CREATE TABLE bench_emp AS
      SELECT (k - 1)::int AS k, size, (sum(size) OVER (ORDER BY k) - size)::int AS first, md5('e' || k)::uuid AS id
      FROM unnest(${sizes}::int[]) WITH ORDINALITY s(size, k)`.execute(s.db);
    await sql`INSERT INTO organisations (id, kind, name, country, external_id)
      SELECT id, 'employer', 'Employer ' || k, 'ARE', '5' || lpad(k::text, 12, '0') FROM bench_emp`.execute(s.db);
    await sql`INSERT INTO workers (id, full_name, sex, birth_date, nationality, person_id)
      SELECT md5('w' || i)::uuid, 'Worker ' || i, 'M', date '1990-01-01', 'NPL', '1' || lpad(i::text, 13, '0')
      FROM generate_series(0, (SELECT sum(size) - 1 FROM bench_emp)::int) i`.execute(s.db);
    await sql`INSERT INTO contracts (employer_id, id, contract_no, corridor_code, worker_id, status, current_version, registered_version, origin_country, destination_country)
      SELECT e.id, md5('c' || i)::uuid, 'B-' || i, 'NPL-ARE', md5('w' || i)::uuid, 'registered', 1, 1, 'NPL', 'ARE'
      FROM bench_emp e CROSS JOIN LATERAL generate_series(e.first, e.first + e.size - 1) i`.execute(s.db);
    await sql`INSERT INTO contract_versions (employer_id, contract_id, version, state, terms, terms_digest, rules_version, start_date, end_date, monthly_fixed_minor, currency)
      SELECT e.id, md5('c' || i)::uuid, 1, 'registered', '{}', repeat('0', 64), 1, date '2025-01-01', date '2026-12-31', 100000 + (i % 50) * 1000, 'AED'
      FROM bench_emp e CROSS JOIN LATERAL generate_series(e.first, e.first + e.size - 1) i`.execute(s.db);
    await sql`DROP TABLE bench_emp`.execute(s.db);
    await sql`ANALYZE`.execute(s.db);
  });
  extra = { contracts: sizes.reduce((a, b) => a + b, 0), employers: sizes.length };
} else if (values.step === 'floor') {
  const csv = join(dir, 'records.csv');
  const create = `RESET ROLE; CREATE TABLE bench_plain (employer_ext text, person_id text, paid_on date, paid_minor bigint, leave_days int)`;
  let t = performance.now();
  const rows = database.pglite ? await copyPglite(database.pglite, create, csv) : await copyServer(values.url!, create, csv);
  const copySeconds = since(t);
  t = performance.now();
  // One reconciliation join: every contract of the month with what its employer paid the worker.
  const joined = await database.session(async (s) => {
  await sql`RESET ROLE`.execute(s.db);
  return (await sql<{ contracts: number; full: number }>`
    SELECT count(*)::int AS contracts, (count(*) FILTER (WHERE paid >= monthly))::int AS full FROM (
      SELECT c.id, cv.monthly_fixed_minor AS monthly, COALESCE(sum(p.paid_minor), 0) AS paid
      FROM contracts c
      JOIN contract_versions cv ON cv.employer_id = c.employer_id AND cv.contract_id = c.id AND cv.version = c.registered_version
      JOIN workers w ON w.id = c.worker_id
      JOIN organisations o ON o.id = c.employer_id
      LEFT JOIN bench_plain p ON p.employer_ext = o.external_id AND p.person_id = w.person_id AND p.paid_on <= ${AS_OF}::date
      WHERE cv.start_date < ${`${MONTH}-01`}::date + interval '1 month' AND cv.end_date >= ${`${MONTH}-01`}::date
      GROUP BY c.id, cv.monthly_fixed_minor) x`.execute(s.db)).rows;
  });
  extra = { rows, copy_seconds: copySeconds, join_seconds: since(t), ...joined[0] };
  await database.session(async (s) => sql`RESET ROLE; DROP TABLE bench_plain`.execute(s.db));
} else if (values.step === 'import') {
  // The files listed as `corridor wps import FOLDER` lists them.
  const files = await salaryFilesAt([join(dir, 'files')]);
  let t = performance.now();
  const byStatus: Record<string, number> = {};
  let firstRejection: Acknowledgement['errors'] | undefined;
  const received = await receiveSalaryFiles(database, CLI_ACTOR, files, (a) => {
    byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
    if (a.status === 'rejected') firstRejection ??= a.errors.slice(0, 3);
  });
  const importSeconds = since(t);
  t = performance.now();
  const summary = await reconcileMonth(db, CLI_ACTOR, { period: MONTH, as_of: AS_OF });
  extra = { files: received, by_status: byStatus, first_rejection: firstRejection, import_seconds: importSeconds, reconcile_seconds: since(t), summary };
}

const seconds = (performance.now() - started) / 1000;
await database.close();
process.stdout.write(JSON.stringify({ step: values.step, seconds, max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), ...extra }) + '\n');

async function copyPglite(pglite: NonNullable<typeof database.pglite>, create: string, file: string): Promise<number> {
  let rows = 0;
  let carry = Buffer.alloc(0);
  await pglite.exec(create);
  await pglite.exec('BEGIN');
  const flush = async (bytes: Buffer) => {
    if (bytes.length) rows += (await pglite.query(`COPY bench_plain FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([new Uint8Array(bytes)]) })).affectedRows ?? 0;
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 16 << 20 }) as AsyncIterable<Buffer>) {
    const bytes = Buffer.concat([carry, chunk]);
    const cut = bytes.lastIndexOf(10) + 1;
    carry = Buffer.from(bytes.subarray(cut));
    await flush(bytes.subarray(0, cut));
  }
  await flush(carry);
  await pglite.exec('COMMIT; ANALYZE bench_plain');
  return rows;
}

async function copyServer(url: string, create: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(create);
    await client.query('BEGIN');
    const stream = client.query(copyFrom(`COPY bench_plain FROM STDIN WITH (FORMAT csv)`));
    await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), stream);
    await client.query('COMMIT; ANALYZE bench_plain');
    return Number(stream.rowCount);
  } finally {
    await client.end();
  }
}
