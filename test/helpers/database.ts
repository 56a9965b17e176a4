import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/core/db/database.js';

/**
 * A fresh, migrated database for one test file, on the engine the suite runs on:
 * CORRIDOR_TEST_ENGINE=postgres (with CORRIDOR_TEST_PG_URL) or PGlite (default).
 * Both are cloned from a template migrated once per run (scripts/test.sh prepares it).
 */
export const TEST_ENGINE = process.env.CORRIDOR_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
export const TEMPLATE_DB = 'corridor_template';

let pgliteTemplate: Promise<Blob> | undefined;

async function loadPgliteTemplate(): Promise<Blob> {
  const file = process.env.CORRIDOR_TEST_TEMPLATE;
  if (file) return new Blob([await readFile(file)]);
  // Running one file by hand: migrate a template here (slower, same result).
  const template = await openDatabase({ dataDir: 'memory://' });
  const dump = await dumpPglite(template);
  await template.close();
  return dump;
}

/** The raw PGlite of an embedded Database, for dumping it. */
export async function dumpPglite(database: Database): Promise<Blob> {
  if (!database.pglite) throw new Error('not an embedded database');
  return (await database.pglite.dumpDataDir('none')) as Blob;
}

export function adminUrl(): string {
  const url = process.env.CORRIDOR_TEST_PG_URL;
  if (!url) throw new Error('CORRIDOR_TEST_PG_URL is not set (scripts/test.sh starts a server and sets it)');
  return url;
}

export function databaseUrl(admin: string, name: string): string {
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase extends Database {
  /** For PostgreSQL: the URL of this test's own database. */
  url?: string;
}

export async function testDatabase(): Promise<TestDatabase> {
  if (TEST_ENGINE === 'pglite') {
    pgliteTemplate ??= loadPgliteTemplate();
    return openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteTemplate });
  }
  const name = `corridor_t_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`));
  const url = databaseUrl(adminUrl(), name);
  const database = await openDatabase({ url });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
