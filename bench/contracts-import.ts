/**
 * Benchmark of `corridor contracts import` against a plain COPY of the same rows, on PGlite
 * and on PostgreSQL: `npm run bench:contracts-import -- --rows 1000000 [--engines pglite,postgres]`.
 * PostgreSQL is DATABASE_URL, or a throwaway server started with scripts/pg-test-server.sh.
 * Each step runs in its own process (peak RSS is per step); results go to docs/performance.md by hand.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
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

let server: string | undefined;
try {
  if (!existsSync(file)) {
    const t = performance.now();
    await generate(file, rows, Number(values.employers));
    console.error(`generated ${rows} rows in ${((performance.now() - t) / 1000).toFixed(1)} s: ${file}`);
  }
  for (const engine of values.engines!.split(',')) {
    let targets: [string[], string[]];
    if (engine === 'pglite') {
      targets = [['--data', join(work, 'copy')], ['--data', join(work, 'import')]];
    } else {
      let admin = process.env.DATABASE_URL;
      if (!admin) {
        server = join(work, 'pg');
        admin = execFileSync('bash', ['scripts/pg-test-server.sh', 'start', server], { encoding: 'utf8' }).trim();
      }
      const names = [`bench_copy_${randomBytes(3).toString('hex')}`, `bench_import_${randomBytes(3).toString('hex')}`];
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      for (const name of names) await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      targets = names.map((name) => {
        const url = new URL(admin!);
        url.pathname = `/${name}`;
        return ['--url', url.toString()];
      }) as [string[], string[]];
    }
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
  if (server) execFileSync('bash', ['scripts/pg-test-server.sh', 'stop', server]);
  rmSync(work, { recursive: true, force: true });
}
