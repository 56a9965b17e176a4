/**
 * Benchmark of a job order shortlist (issue 7: "a job order shortlist over 100,000 candidates
 * answers in under 300 ms"): `npm run bench:shortlist -- [--candidates 100000] [--calls 200] [--engines pglite,postgres]`.
 * Setup (not measured): the NPL-ARE corridor, one licensed origin agency, one employer, N workers
 * and candidate profiles made by generate_series (skills, languages and certificates drawn from
 * small vocabularies), every one of them in the job's ISCO minor group (the worst case: all N are
 * ranked), and a verified job order for 7112. Measured: direct service calls of `shortlist()` (the
 * job order lookup and access check, then the one ranking statement; top 20), not HTTP. Prints p50/p99.
 * PostgreSQL is DATABASE_URL, or a throwaway server started with scripts/pg-test-server.sh.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { BenchDatabases } from './bench-databases.js';
import { CLI_ACTOR } from '../src/core/auth/actor.js';
import { openDatabase } from '../src/core/db/database.js';
import { makeCorridor } from '../src/modules/wages/test-support.js';
import { shortlist } from '../src/modules/recruitment/shortlist.js';

const { values } = parseArgs({ options: { candidates: { type: 'string', default: '100000' }, calls: { type: 'string', default: '200' }, engines: { type: 'string', default: 'pglite,postgres' } } });
const n = Number(values.candidates);
const calls = Number(values.calls);
const work = mkdtempSync(join(tmpdir(), 'bench-shortlist-'));
chmodSync(work, 0o755);
process.env.CORRIDOR_MASTER_KEY ??= randomBytes(32).toString('base64url');

const SKILLS = Array.from({ length: 40 }, (_, i) => `skill-${i}`);
const LANGUAGES = ['en', 'ne', 'ar', 'hi', 'bn', 'ur', 'tl', 'id'];
const CERTIFICATES = Array.from({ length: 10 }, (_, i) => `cert-${i}`);
const percentile = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function run(engine: string, target: { url?: string; dataDir?: string }) {
  const database = await openDatabase(target);
  const db = database.db;
  await makeCorridor(db);
  const t0 = performance.now();
  const ids = await database.session(async (s) => {
    await sql`RESET ROLE`.execute(s.db);
    const agency = md5('bench-agency');
    const employer = md5('bench-employer');
    await sql`INSERT INTO organisations (id, kind, name, country) VALUES (${agency}, 'recruitment_agency', 'Bench agency', 'NPL'), (${employer}, 'employer', 'Bench employer', 'ARE')`.execute(s.db);
    await sql`INSERT INTO agency_licences (agency_id, number, valid_from, valid_to, status) VALUES (${agency}, 'BENCH-1', DATE '2020-01-01', DATE '2099-12-31', 'active')`.execute(s.db);
    await sql`INSERT INTO workers (id, full_name, sex, birth_date, nationality, registered_by)
      SELECT md5('bw' || i)::uuid, 'Worker ' || i, CASE WHEN i % 3 = 0 THEN 'F' ELSE 'M' END, date '1990-01-01', 'NPL', CASE WHEN i % 4 = 0 THEN NULL ELSE ${agency}::uuid END
      FROM generate_series(1, ${n}) i`.execute(s.db);
    // The worst case: every candidate is in the job's minor group 711 (7111..7114), so all of them are ranked.
    await sql`INSERT INTO recruitment_candidates (worker_id, registered_by_organisation_id, nationality, occupation_isco, occupation_minor, skills, languages, certificates)
      SELECT md5('bw' || i)::uuid, CASE WHEN i % 4 = 0 THEN NULL ELSE ${agency}::uuid END, 'NPL', occ, left(occ, 3),
        ARRAY(SELECT DISTINCT (${SKILLS}::text[])[1 + ('x' || substr(md5('s' || i || ':' || k), 1, 7))::bit(28)::int % 40] FROM generate_series(1, 3 + i % 4) k),
        ARRAY(SELECT DISTINCT (${LANGUAGES}::text[])[1 + ('x' || substr(md5('l' || i || ':' || k), 1, 7))::bit(28)::int % 8] FROM generate_series(1, 1 + i % 3) k),
        ARRAY(SELECT DISTINCT (${CERTIFICATES}::text[])[1 + ('x' || substr(md5('c' || i || ':' || k), 1, 7))::bit(28)::int % 10] FROM generate_series(1, i % 3) k)
      FROM (SELECT i, '711' || (1 + i % 4) AS occ FROM generate_series(1, ${n}) i) x`.execute(s.db);
    const terms = JSON.stringify({ corridor: 'NPL-ARE', occupation_isco: '7112' });
    const job = md5('bench-job');
    await sql`INSERT INTO job_orders (id, reference, employer_id, corridor_code, origin_agency_id, destination_liable_id, occupation_isco, positions, terms,
        monthly_wage_minor, currency, required_skills, required_languages, required_certificates, status)
      VALUES (${job}, 'JO-BENCH-1', ${employer}, 'NPL-ARE', ${agency}, ${employer}, '7112', 50, ${terms}::jsonb, 180000, 'AED',
        ${['skill-1', 'skill-8', 'skill-15', 'skill-22']}::text[], ${['en', 'ar']}::text[], ${['cert-3']}::text[], 'verified')`.execute(s.db);
    await sql`ANALYZE`.execute(s.db);
    return { job };
  });
  const setupSeconds = (performance.now() - t0) / 1000;
  const pool = await sql<{ n: number }>`SELECT count(*)::int AS n FROM recruitment_candidates WHERE occupation_minor = '711'`.execute(db);
  for (let i = 0; i < 5; i++) await shortlist(db, CLI_ACTOR, ids.job, 20);
  const times: number[] = [];
  let first: Awaited<ReturnType<typeof shortlist>> | undefined;
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    const r = await shortlist(db, CLI_ACTOR, ids.job, 20);
    times.push(performance.now() - t);
    first ??= r;
  }
  const result = {
    engine, candidates: n, pool: pool.rows[0]!.n, calls, setup_seconds: Number(setupSeconds.toFixed(1)),
    p50_ms: Number(percentile(times, 50).toFixed(1)), p99_ms: Number(percentile(times, 99).toFixed(1)), max_ms: Number(Math.max(...times).toFixed(1)),
    top: first!.candidates[0],
  };
  console.log(JSON.stringify(result));
  console.error(`${engine}: ${n} candidates, pool ${result.pool}: p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms (${calls} calls; setup ${result.setup_seconds} s)`);
  await database.close();
}

function md5(s: string): string {
  const h = createHash('md5').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const databases = new BenchDatabases(work);
try {
  for (const engine of values.engines!.split(',')) {
    await run(engine, await databases.fresh(engine, 'bench_shortlist'));
  }
} finally {
  databases.stop();
  rmSync(work, { recursive: true, force: true });
}
