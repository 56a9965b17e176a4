/**
 * `corridor remittances import` against a plain COPY of the same rows (issue 8: within 3x),
 * on PGlite and on PostgreSQL, each step in its own process:
 *   npm run bench:remittances-import -- --rows 500000 [--engines pglite,postgres]
 * PostgreSQL: DATABASE_URL (an admin URL), or a throwaway server from scripts/pg-test-server.sh.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
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

let server: string | undefined;
try {
  if (!existsSync(file)) await generateRpw(file, rows);
  for (const engine of values.engines!.split(',')) {
    let targets: string[][];
    if (engine === 'pglite') targets = [['--data', join(work, 'copy')], ['--data', join(work, 'import')]];
    else {
      let admin = process.env.DATABASE_URL;
      if (!admin) {
        server = join(work, 'pg');
        admin = execFileSync('bash', ['scripts/pg-test-server.sh', 'start', server], { encoding: 'utf8' }).trim();
      }
      const names = [`rpw_copy_${randomBytes(3).toString('hex')}`, `rpw_import_${randomBytes(3).toString('hex')}`];
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      for (const name of names) await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      targets = names.map((name) => {
        const url = new URL(admin!);
        url.pathname = `/${name}`;
        return ['--url', url.toString()];
      });
    }
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
  if (server) execFileSync('bash', ['scripts/pg-test-server.sh', 'stop', server]);
  rmSync(work, { recursive: true, force: true });
}
