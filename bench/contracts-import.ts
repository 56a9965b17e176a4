/**
 * Benchmark of `corridor contracts import` against a plain COPY of the same rows, on PGlite
 * and on PostgreSQL: `npm run bench:contracts-import -- --rows 1000000 [--engines pglite,postgres]`.
 * PostgreSQL is DATABASE_URL, or a throwaway server started with scripts/pg-test-server.sh.
 * Each step runs in its own process (peak RSS is per step); results go to docs/performance.md by hand.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BenchDatabases, targetArgs } from './bench-databases.js';
import { generate } from './generate-legacy-contracts.js';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, engines: { type: 'string', default: 'pglite,postgres' }, employers: { type: 'string', default: '500' } },
});
const rows = Number(values.rows);
const work = mkdtempSync(join(tmpdir(), 'bench-import-'));
chmodSync(work, 0o755); // the postgres user must reach its folder inside
const file = join(tmpdir(), `legacy-contracts-${rows}.csv`);
const env = { ...process.env, CORRIDOR_MASTER_KEY: randomBytes(32).toString('base64url') };

interface StepResult { step: string; seconds: number; max_rss_mb: number; [k: string]: unknown }

function step(name: string, target: string[]): StepResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/bench-step.ts', '--step', name, '--file', file, '--employers', values.employers!, ...target], {
    env, encoding: 'utf8', maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as StepResult;
}

const databases = new BenchDatabases(work);
try {
  if (!existsSync(file)) {
    const t = performance.now();
    await generate(file, rows, Number(values.employers));
    console.error(`generated ${rows} rows in ${((performance.now() - t) / 1000).toFixed(1)} s: ${file}`);
  }
  for (const engine of values.engines!.split(',')) {
    const targets = [targetArgs(await databases.fresh(engine, 'bench_copy')), targetArgs(await databases.fresh(engine, 'bench_import'))] as const;
    for (const target of targets) step('setup', target);
    const copy = step('copy', targets[0]);
    const imported = step('import', targets[1]);
    const ratio = imported.seconds / copy.seconds;
    console.log(JSON.stringify({ engine, rows, copy, import: imported, ratio: Number(ratio.toFixed(2)) }));
    console.error(
      `${engine}: plain COPY ${copy.seconds.toFixed(2)} s (${Math.round(rows / copy.seconds)} rows/s, ${copy.max_rss_mb} MB RSS); ` +
        `import ${imported.seconds.toFixed(2)} s (${Math.round(rows / imported.seconds)} rows/s, peak RSS ${imported.max_rss_mb} MB); ratio ${ratio.toFixed(2)}x`,
    );
  }
} finally {
  databases.stop();
  rmSync(work, { recursive: true, force: true });
}
