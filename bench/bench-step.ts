/**
 * One measured step of the import benchmark, in its own process so that its peak RSS is
 * its own: `setup` (migrate, corridor, employers), `copy` (the plain COPY baseline) or
 * `import` (corridor contracts import). Prints one JSON line.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { CLI_ACTOR } from '../src/core/auth/actor.js';
import { loadConfig } from '../src/core/config.js';
import { openDatabase } from '../src/core/db/database.js';
import { importContracts } from '../src/modules/contracts/import/import-contracts.js';
import { IMPORT_COLUMNS } from '../src/modules/contracts/import/import-columns.js';
import { applyExampleCorridor } from '../src/modules/contracts/import/import-test-support.js';

const { values } = parseArgs({
  options: { step: { type: 'string' }, data: { type: 'string' }, url: { type: 'string' }, file: { type: 'string' }, employers: { type: 'string', default: '500' } },
});
const config = loadConfig({ dataDir: values.data, databaseUrl: values.url });
const database = await openDatabase(values.url ? { url: values.url } : { dataDir: values.data });
const started = performance.now();
let extra: Record<string, unknown> = {};

if (values.step === 'setup') {
  await applyExampleCorridor(database);
  const employers = Number(values.employers);
  // The establishment ids generate-legacy-contracts.ts gives (employerExternalId).
  await sql`
    INSERT INTO organisations (kind, name, country, external_id)
    SELECT 'employer', 'Employer ' || i || ' LLC', 'ARE', 'EST-' || (1000000 + i) FROM generate_series(0, ${employers - 1}) i`.execute(database.db);
} else if (values.step === 'copy') {
  extra = { rows: database.pglite ? await copyPglite(database.pglite, values.file!) : await copyServer(values.url!, values.file!) };
} else if (values.step === 'import') {
  // Seconds from the start to the first report of each phase: where the time goes.
  const phases: Record<string, number> = {};
  const onProgress = (phase: string) => {
    if (phases[phase] === undefined && process.env.BENCH_MEMORY) {
      const m = process.memoryUsage();
      process.stderr.write(`${phase}: rss ${m.rss >> 20} heap ${m.heapUsed >> 20} external ${m.external >> 20} buffers ${m.arrayBuffers >> 20} MB\n`);
    }
    phases[phase] ??= Number(((performance.now() - started) / 1000).toFixed(2));
  };
  const result = await importContracts(database, config, CLI_ACTOR, { file: values.file!, corridor: 'NPL-ARE', onProgress });
  if (process.env.BENCH_MEMORY) process.stderr.write(`done: rss ${process.memoryUsage().rss >> 20} max ${process.resourceUsage().maxRSS >> 10} MB\n`);
  extra = { imported: result.imported, error_count: result.error_count, errors: result.errors.slice(0, 5), phases_started_at: phases };
}
// The baseline is an ordinary (logged) table with the file's columns, made by the owner.
function createPlainTable(): string {
  return `RESET ROLE; CREATE TABLE bench_plain (${IMPORT_COLUMNS.map((c) => `${c} text`).join(', ')})`;
}

const seconds = (performance.now() - started) / 1000;
await database.close();
process.stdout.write(JSON.stringify({ step: values.step, seconds, max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), ...extra }) + '\n');

/** The baseline on PGlite: the file's bytes, cut at line ends into 16 MB blobs, COPY ... CSV from /dev/blob in one transaction. */
async function copyPglite(pglite: NonNullable<typeof database.pglite>, file: string): Promise<number> {
  let rows = 0;
  let carry = Buffer.alloc(0);
  let header = true;
  const flush = async (bytes: Buffer) => {
    if (bytes.length === 0) return;
    const r = await pglite.query(`COPY bench_plain FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([new Uint8Array(bytes)]) });
    rows += r.affectedRows ?? 0;
  };
  await pglite.exec(createPlainTable());
  await pglite.exec('BEGIN');
  for await (const chunk of createReadStream(file, { highWaterMark: 16 << 20 }) as AsyncIterable<Buffer>) {
    let bytes = Buffer.concat([carry, chunk]);
    if (header) {
      bytes = bytes.subarray(bytes.indexOf(10) + 1);
      header = false;
    }
    const cut = bytes.lastIndexOf(10) + 1;
    carry = Buffer.from(bytes.subarray(cut));
    await flush(bytes.subarray(0, cut));
  }
  await flush(carry);
  await pglite.exec('COMMIT');
  return rows;
}

/** The baseline on a server: the file streamed to COPY ... FROM STDIN (CSV, HEADER) in one transaction. */
async function copyServer(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(createPlainTable());
    await client.query('BEGIN');
    const stream = client.query(copyFrom(`COPY bench_plain FROM STDIN WITH (FORMAT csv, HEADER true)`));
    await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), stream);
    await client.query('COMMIT');
    return Number(stream.rowCount);
  } finally {
    await client.end();
  }
}
