/**
 * `corridor remittances import` against a plain COPY of the same rows (issue 8: within 3x),
 * on PGlite and on PostgreSQL, each step in its own process:
 *   npm run bench:remittances-import -- --rows 500000 [--engines pglite,postgres]
 * PostgreSQL: DATABASE_URL (an admin URL), or a throwaway server from scripts/pg-test-server.sh.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BenchDatabases, targetArgs } from './bench-databases.js';
import { generateRpw } from './generate-rpw.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '500000' }, engines: { type: 'string', default: 'pglite,postgres' } } });
const rows = Number(values.rows);
const work = mkdtempSync(join(tmpdir(), 'bench-rpw-'));
chmodSync(work, 0o755);
const file = join(tmpdir(), `rpw-${rows}.csv`);

function step(name: string, target: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/remittances-step.ts', '--step', name, '--file', file, ...target], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { seconds: number; max_rss_mb: number; rows: number };
}

const databases = new BenchDatabases(work);
try {
  if (!existsSync(file)) await generateRpw(file, rows);
  for (const engine of values.engines!.split(',')) {
    const targets = [targetArgs(await databases.fresh(engine, 'rpw_copy')), targetArgs(await databases.fresh(engine, 'rpw_import'))];
    for (const target of targets) step('setup', target);
    const copy = step('copy', targets[0]!);
    const imported = step('import', targets[1]!);
    const ratio = imported.seconds / copy.seconds;
    console.log(JSON.stringify({ engine, rows, copy, import: imported, ratio: Number(ratio.toFixed(2)) }));
    console.error(
      `${engine}: plain COPY ${copy.seconds.toFixed(2)} s (${copy.max_rss_mb} MB RSS); import ${imported.seconds.toFixed(2)} s ` +
        `(${Math.round(rows / imported.seconds)} rows/s, peak RSS ${imported.max_rss_mb} MB); ratio ${ratio.toFixed(2)}x (target 3x)`,
    );
  }
} finally {
  databases.stop();
  rmSync(work, { recursive: true, force: true });
}
