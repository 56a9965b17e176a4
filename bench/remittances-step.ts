/**
 * One step of bench/remittances-import.ts in a process of its own (so that its peak memory is
 * its own): `setup` (migrate), `copy` (the plain COPY baseline) or `import` (corridor remittances import).
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { CLI_ACTOR } from '../src/core/auth/actor.js';
import { openDatabase } from '../src/core/db/database.js';
import { importRpwFile } from '../src/modules/remittances/rpw/import-rpw.js';

const { values } = parseArgs({ options: { step: { type: 'string' }, file: { type: 'string' }, data: { type: 'string' }, url: { type: 'string' } } });
const database = await openDatabase(values.url ? { url: values.url } : { dataDir: values.data! });

// The same columns as the file, of the types a plain load would give them.
const PLAIN = `RESET ROLE; CREATE TABLE rpw_plain (
  period text, source_code text, source_name text, destination_code text, destination_name text, firm text, firm_type text,
  payment_instrument text, access_point text, speed_actual text, pickup_method text,
  cc1_lcu_amount numeric, cc1_denomination_amount numeric, cc1_lcu_code text, cc1_lcu_fee numeric, cc1_lcu_fx_rate numeric, cc1_fx_margin numeric, cc1_total_cost numeric,
  cc2_lcu_amount numeric, cc2_denomination_amount numeric, cc2_lcu_code text, cc2_lcu_fee numeric, cc2_lcu_fx_rate numeric, cc2_fx_margin numeric, cc2_total_cost numeric,
  inter_lcu_bank_fx numeric, transparent text, date date, corridor text)`;

const started = performance.now();
let extra: Record<string, unknown> = {};
if (values.step === 'copy') {
  if (database.pglite) {
    await database.pglite.exec(PLAIN);
    const r = await database.pglite.query(`COPY rpw_plain FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
      blob: new Blob([await import('node:fs/promises').then((fs) => fs.readFile(values.file!))]),
    });
    extra = { rows: r.affectedRows };
  } else {
    const client = new pg.Client({ connectionString: values.url });
    await client.connect();
    await client.query(PLAIN);
    await client.query('BEGIN');
    const stream = client.query(copyFrom(`COPY rpw_plain FROM STDIN WITH (FORMAT csv, HEADER true)`));
    await pipeline(createReadStream(values.file!, { highWaterMark: 1 << 20 }), stream);
    await client.query('COMMIT');
    extra = { rows: Number(stream.rowCount) };
    await client.end();
  }
} else if (values.step === 'import') {
  const r = await importRpwFile(database, CLI_ACTOR, values.file!);
  if (r.status !== 'imported') throw new Error(`import ${r.status}: ${JSON.stringify(r.errors.slice(0, 5))}`);
  extra = { rows: r.rows, not_comparable: r.not_comparable };
}
const seconds = (performance.now() - started) / 1000;
await database.close();
process.stdout.write(JSON.stringify({ step: values.step, seconds, max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), ...extra }) + '\n');
