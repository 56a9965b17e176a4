/**
 * Benchmark of the monthly loan repayment match against the wage reconciliation of the same
 * month (issue 7: "one set-based pass, within 2x the time of the reconciliation itself"):
 * `npm run bench:loan-repayments -- --workers 1000000 [--engines pglite,postgres]`.
 *
 * Set up by generate_series, not measured: employers of 1,000 workers, registered contracts,
 * one month of payments (5% unpaid, 5% underpaid, the rest paid in full), and for every worker
 * a disbursed loan with a 6-month schedule and the wage agent's deduction of the month (some
 * above the cap, some missing, some taken from a wage that was not paid). Then measured, on the
 * same database: reconcileMonth (the wage reconciliation), then matchRepayments (the match).
 * PostgreSQL is DATABASE_URL, or a throwaway server started with scripts/pg-test-server.sh.
 * Each engine runs in its own process (peak RSS is per engine).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CompiledQuery, sql } from 'kysely';
import { BenchDatabases, targetArgs } from './bench-databases.js';
import { CLI_ACTOR } from '../src/core/auth/actor.js';
import { openDatabase } from '../src/core/db/database.js';
import { matchMonthSql, matchRepayments } from '../src/modules/loans/match-repayments.js';
import { reconcileMonth } from '../src/modules/wages/reconcile/reconcile-month.js';
import { makeCorridor } from '../src/modules/wages/test-support.js';

const MONTH = '2026-01';
const AS_OF = '2026-03-01';
const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: '100000' },
    engines: { type: 'string', default: 'pglite,postgres' },
    // Internal: run one engine in this process.
    data: { type: 'string' },
    url: { type: 'string' },
  },
});
const n = Number(values.workers);
const since = (t: number) => Number(((performance.now() - t) / 1000).toFixed(2));

if (values.data || values.url) {
  const database = await openDatabase(values.url ? { url: values.url } : { dataDir: values.data! });
  let t = performance.now();
  await makeCorridor(database.db);
  await database.session(async (s) => {
    const q = (text: TemplateStringsArray, ...v: unknown[]) => sql(text, ...v).execute(s.db);
    await q`RESET ROLE`;
    await q`CREATE TABLE bench_emp AS SELECT k, md5('e' || k)::uuid AS id FROM generate_series(0, ${Math.ceil(n / 1000) - 1}::int) k`;
    await q`INSERT INTO organisations (id, kind, name, country, external_id) SELECT id, 'employer', 'Employer ' || k, 'ARE', '5' || lpad(k::text, 12, '0') FROM bench_emp`;
    await q`INSERT INTO organisations (id, kind, name, country) VALUES (md5('lender')::uuid, 'lender', 'Bench lender', 'NPL')`;
    await q`INSERT INTO workers (id, full_name, sex, birth_date, nationality, person_id)
      SELECT md5('w' || i)::uuid, 'Worker ' || i, 'M', date '1990-01-01', 'NPL', '1' || lpad(i::text, 13, '0') FROM generate_series(0, ${n - 1}::int) i`;
    await q`INSERT INTO contracts (employer_id, id, contract_no, corridor_code, worker_id, status, current_version, registered_version, origin_country, destination_country)
      SELECT md5('e' || (i / 1000))::uuid, md5('c' || i)::uuid, 'B-' || i, 'NPL-ARE', md5('w' || i)::uuid, 'registered', 1, 1, 'NPL', 'ARE' FROM generate_series(0, ${n - 1}::int) i`;
    await q`INSERT INTO contract_versions (employer_id, contract_id, version, state, terms, terms_digest, rules_version, start_date, end_date, monthly_fixed_minor, currency)
      SELECT md5('e' || (i / 1000))::uuid, md5('c' || i)::uuid, 1, 'registered', '{}', repeat('0', 64), 1, date '2025-01-01', date '2026-12-31', 100000, 'AED'
      FROM generate_series(0, ${n - 1}::int) i`;
    // One accepted salary file per employer; payments: i % 20 = 0 unpaid, = 1 underpaid, else paid in full.
    await q`INSERT INTO salary_files (id, sha256, status, file_name, format, employer_id, submitted_via, salary_month, file_created_on, currency, byte_count, record_count, total_minor, error_count, warning_count)
      SELECT md5('f' || k)::uuid, md5('f' || k) || md5('g' || k), 'accepted', 'bench-' || k, 'csv', id, 'cli', ${`${MONTH}-01`}::date, date '2026-02-05', 'AED', 0, 0, 0, 0, 0 FROM bench_emp`;
    await q`INSERT INTO salary_records (employer_id, file_id, line, person_id, month, paid_on, currency, fixed_minor, variable_minor, deductions_minor, paid_minor, unpaid_leave_days, days_paid, pay_start, pay_end)
      SELECT md5('e' || (i / 1000))::uuid, md5('f' || (i / 1000))::uuid, i % 1000 + 1, '1' || lpad(i::text, 13, '0'), ${`${MONTH}-01`}::date, date '2026-02-05', 'AED',
             CASE WHEN i % 20 = 1 THEN 90000 ELSE 100000 END, 0, 0, CASE WHEN i % 20 = 1 THEN 90000 ELSE 100000 END, 0, 31, ${`${MONTH}-01`}::date, ${`${MONTH}-31`}::date
      FROM generate_series(0, ${n - 1}::int) i WHERE i % 20 <> 0`;
    await q`INSERT INTO loan_products (id, lender_id, corridor_code, name, currency, min_amount_minor, max_amount_minor, min_term_months, max_term_months, annual_rate_bp, fee_minor)
      VALUES (md5('p')::uuid, md5('lender')::uuid, 'NPL-ARE', 'Bench loan', 'AED', 10000, 100000, 6, 6, 0, 0)`;
    await q`INSERT INTO loans (id, employer_id, product_id, lender_id, worker_id, contract_id, corridor_code, currency, amount_minor, fee_minor, principal_minor, term_months,
                              annual_rate_bp, instalment_minor, monthly_wage_minor, max_instalment_share_bp, first_month, status, consent_at, decided_at, disbursed_on)
      SELECT md5('l' || i)::uuid, md5('e' || (i / 1000))::uuid, md5('p')::uuid, md5('lender')::uuid, md5('w' || i)::uuid, md5('c' || i)::uuid, 'NPL-ARE', 'AED',
             60000, 0, 60000, 6, 0, 10000, 100000, 1500, ${`${MONTH}-01`}::date, 'disbursed', now(), now(), date '2025-12-20'
      FROM generate_series(0, ${n - 1}::int) i`;
    await q`INSERT INTO loan_instalments (loan_id, seq, due_month, principal_minor, interest_minor, amount_minor)
      SELECT md5('l' || i)::uuid, s, (${`${MONTH}-01`}::date + (s - 1) * interval '1 month')::date, 10000, 0, 10000
      FROM generate_series(0, ${n - 1}::int) i CROSS JOIN generate_series(1, 6) s`;
    // Deductions: i % 20 = 2 above the cap, = 3 none reported, = 0 only every other one (taken from an unpaid wage); else the instalment.
    await q`INSERT INTO loan_deduction_reports (id, sha256, agent_id, via, status, lines, total_minor) VALUES (md5('r')::uuid, repeat('0', 64), NULL, 'cli', 'accepted', 0, 0)`;
    await q`INSERT INTO loan_deductions (loan_id, month, report_id, line, employer_id, currency, amount_minor)
      SELECT md5('l' || i)::uuid, ${`${MONTH}-01`}::date, md5('r')::uuid, i + 1, md5('e' || (i / 1000))::uuid, 'AED', CASE WHEN i % 20 = 2 THEN 25000 ELSE 10000 END
      FROM generate_series(0, ${n - 1}::int) i WHERE i % 20 <> 3 AND NOT (i % 20 = 0 AND i % 40 = 20)`;
    await q`DROP TABLE bench_emp`;
    await q`ANALYZE`;
  });
  const setupSeconds = since(t);
  const loadBefore = loadavg()[0]!;
  t = performance.now();
  const rec = await reconcileMonth(database.db, CLI_ACTOR, { period: MONTH, as_of: AS_OF });
  const reconcileSeconds = since(t);
  if (process.env.BENCH_EXPLAIN) {
    const c = matchMonthSql(`${MONTH}-01`).compile(database.db);
    const plan = await database.db.transaction().execute((trx) => trx.executeQuery(CompiledQuery.raw(`EXPLAIN (ANALYZE, COSTS OFF) ${c.sql}`, [...c.parameters])));
    console.error((plan.rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n'));
    process.exit(0);
  }
  t = performance.now();
  const match = await matchRepayments(database.db, CLI_ACTOR, { period: MONTH });
  const matchSeconds = since(t);
  const loadAfter = loadavg()[0]!;
  await database.close();
  console.log(JSON.stringify({
    engine: values.url ? 'postgres' : 'pglite', workers: n, setup_seconds: setupSeconds, reconcile_seconds: reconcileSeconds, match_seconds: matchSeconds,
    ratio: Number((matchSeconds / reconcileSeconds).toFixed(2)), load_1m: [loadBefore, loadAfter].map((l) => Number(l.toFixed(2))),
    max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), reconcile: rec, match,
  }));
} else {
  const work = mkdtempSync(join(tmpdir(), 'bench-loans-'));
  chmodSync(work, 0o755);
  const databases = new BenchDatabases(work);
  const env = { ...process.env, CORRIDOR_MASTER_KEY: randomBytes(32).toString('base64url') };
  try {
    for (const engine of values.engines!.split(',')) {
      const target = targetArgs(await databases.fresh(engine, 'bench_loans'));
      console.error(`${engine}, ${n} workers with loans: setting up, then reconcile and match...`);
      const r = spawnSync(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', 'bench/loan-repayments.ts', '--workers', String(n), ...target], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
      if (r.status !== 0) throw new Error(`${engine} failed: ${r.stderr}`);
      const line = r.stdout.trim().split('\n').at(-1)!;
      const res = JSON.parse(line) as { setup_seconds: number; reconcile_seconds: number; match_seconds: number; ratio: number; load_1m: number[]; max_rss_mb: number };
      console.log(line);
      console.error(`${engine}: setup ${res.setup_seconds} s; reconcile ${res.reconcile_seconds} s; match ${res.match_seconds} s; ratio ${res.ratio}x (target <= 2); load ${res.load_1m.join(' -> ')}; peak RSS ${res.max_rss_mb} MB`);
    }
  } finally {
    databases.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
