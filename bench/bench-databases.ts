import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/** Where one benchmark step runs: an embedded data folder, or a fresh database on a server. */
export type BenchTarget = { dataDir: string; url?: undefined } | { url: string; dataDir?: undefined };

/** The command-line options a step process takes for a target. */
export const targetArgs = (t: BenchTarget): string[] => (t.url ? ['--url', t.url] : ['--data', t.dataDir!]);

/**
 * Fresh databases for benchmarks on either engine: a folder under `work` for PGlite; for
 * PostgreSQL a new database on DATABASE_URL (an admin URL), or on a throwaway server from
 * scripts/pg-test-server.sh started on first use and stopped by stop().
 */
export class BenchDatabases {
  private server: string | undefined;
  private admin = process.env.DATABASE_URL || undefined;

  constructor(private readonly work: string) {}

  async fresh(engine: string, name: string): Promise<BenchTarget> {
    if (engine === 'pglite') return { dataDir: join(this.work, name) };
    return this.serverDatabase(`${name}_${randomBytes(3).toString('hex')}`);
  }

  /**
   * A fresh database that starts as `setup` left it. On a server that outlives the run
   * (DATABASE_URL), the set-up database is kept as a template named for `key` and the schema,
   * and later runs copy it: setting up 5.4 million contracts takes minutes and is not measured.
   */
  async fromSetup(engine: string, name: string, key: string, setup: (t: BenchTarget) => void): Promise<BenchTarget> {
    if (engine === 'pglite' || !process.env.DATABASE_URL) {
      const target = await this.fresh(engine, name);
      setup(target);
      return target;
    }
    const template = `${name}_tpl_${key}_${schemaKey()}`;
    const exists = await this.admin1(`SELECT 1 FROM pg_database WHERE datname = $1`, [template]);
    if (exists.rowCount === 0) {
      setup(await this.serverDatabase(template));
      await this.admin1(`ALTER DATABASE ${template} WITH IS_TEMPLATE true`);
    } else console.error(`  setup: copied from ${template}`);
    const database = `${name}_${randomBytes(3).toString('hex')}`;
    await this.admin1(`CREATE DATABASE ${database} TEMPLATE ${template} STRATEGY FILE_COPY`);
    return this.urlOf(database);
  }

  private async serverDatabase(database: string): Promise<BenchTarget> {
    if (!this.admin) {
      this.server = join(this.work, 'pg');
      this.admin = execFileSync('bash', ['scripts/pg-test-server.sh', 'start', this.server], { encoding: 'utf8' }).trim();
    }
    await this.admin1(`CREATE DATABASE ${database}`);
    return this.urlOf(database);
  }

  private async admin1(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
    const client = new pg.Client({ connectionString: this.admin });
    await client.connect();
    try {
      return await client.query(text, values);
    } finally {
      await client.end();
    }
  }

  private urlOf(database: string): BenchTarget {
    const url = new URL(this.admin!);
    url.pathname = `/${database}`;
    return { url: url.toString() };
  }

  stop(): void {
    if (this.server) execFileSync('bash', ['scripts/pg-test-server.sh', 'stop', this.server]);
  }
}

/** A short digest of every migration: a kept template of another schema is never used. */
function schemaKey(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (dir.includes('migrations')) hash.update(e.name).update(readFileSync(join(dir, e.name)));
    }
  };
  walk('src');
  return hash.digest('hex').slice(0, 10);
}
