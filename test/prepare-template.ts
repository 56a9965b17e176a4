/**
 * Migrates the template every test file clones: a PGlite dump written to the file named
 * in argv[2], and, when CORRIDOR_TEST_PG_URL is set, a template database on the server.
 */
import { writeFile } from 'node:fs/promises';
import { openDatabase } from '../src/core/db/database.js';
import { databaseUrl, dumpPglite, TEMPLATE_DB, withAdmin } from './helpers/database.js';

const out = process.argv[2];
if (!out) throw new Error('usage: prepare-template.ts OUT_FILE');

const embedded = await openDatabase({ dataDir: 'memory://' });
await writeFile(out, Buffer.from(await (await dumpPglite(embedded)).arrayBuffer()));
await embedded.close();

if (process.env.CORRIDOR_TEST_PG_URL) {
  await withAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
    await c.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  });
  const server = await openDatabase({ url: databaseUrl(process.env.CORRIDOR_TEST_PG_URL, TEMPLATE_DB) });
  await server.close();
}
