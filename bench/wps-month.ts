/**
 * Benchmark of a wage-protection month on PGlite and on PostgreSQL:
 * `npm run bench:wps -- --contracts 1000000 [--engines pglite,postgres]`.
 * A month of UAE SIF files (bench/generate-wps-month.ts) is imported through the real intake
 * (importSalaryFiles) and reconciled (reconcileMonth), against the floor on the same engine:
 * a plain COPY of the same records plus one reconciliation join. Contracts are set up with
 * generate_series (not measured). PostgreSQL is DATABASE_URL, or a throwaway server started
 * with scripts/pg-test-server.sh. Each step runs in its own process (peak RSS is per step).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BenchDatabases, targetArgs } from './bench-databases.js';
import { generateMonth } from './generate-wps-month.js';

const { values } = parseArgs({ options: { contracts: { type: 'string', default: '100000' }, engines: { type: 'string', default: 'pglite,postgres' } } });
const n = Number(values.contracts);
const dir = join(tmpdir(), `wps-month-${n}`);
const work = mkdtempSync(join(tmpdir(), 'bench-wps-'));
chmodSync(work, 0o755); // the postgres user must reach its folder inside
const env = { ...process.env, CORRIDOR_MASTER_KEY: randomBytes(32).toString('base64url') };

interface StepResult { step: string; seconds: number; max_rss_mb: number; [k: string]: unknown }

function step(name: string, target: string[]): StepResult {
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', 'bench/wps-month-step.ts', '--step', name, '--dir', dir, ...target], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
  const result = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as StepResult;
  console.error(`  ${name}: ${result.seconds.toFixed(1)} s, peak RSS ${result.max_rss_mb} MB`);
  return result;
}

const databases = new BenchDatabases(work);
try {
  if (!existsSync(join(dir, 'sizes.json'))) {
    const t = performance.now();
    const g = generateMonth(dir, n);
    console.error(`generated ${g.files.length} files, ${g.records} records, ${g.employers} employers in ${((performance.now() - t) / 1000).toFixed(1)} s: ${dir}`);
  }
  for (const engine of values.engines!.split(',')) {
    console.error(`${engine}, ${n} contracts:`);
    let setup: StepResult | undefined;
    const target = targetArgs(await databases.fromSetup(engine, 'bench_wps', String(n), (t) => (setup = step('setup', targetArgs(t)))));
    const floor = step('floor', target);
    const imported = step('import', target);
    const ratio = imported.seconds / floor.seconds;
    console.log(JSON.stringify({ engine, contracts: n, setup, floor, import: imported, ratio: Number(ratio.toFixed(2)) }));
    console.error(
      `${engine}: floor ${floor.seconds.toFixed(1)} s (COPY ${floor.copy_seconds} s + join ${floor.join_seconds} s, ${floor.max_rss_mb} MB); ` +
        `import ${imported.import_seconds} s + reconcile ${imported.reconcile_seconds} s = ${imported.seconds.toFixed(1)} s (peak RSS ${imported.max_rss_mb} MB); ratio ${ratio.toFixed(2)}x`,
    );
  }
} finally {
  databases.stop();
  rmSync(work, { recursive: true, force: true });
}
