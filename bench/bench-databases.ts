import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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
    if (!this.admin) {
      this.server = join(this.work, 'pg');
      this.admin = execFileSync('bash', ['scripts/pg-test-server.sh', 'start', this.server], { encoding: 'utf8' }).trim();
    }
    const database = `${name}_${randomBytes(3).toString('hex')}`;
    const client = new pg.Client({ connectionString: this.admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${database}`);
    await client.end();
    const url = new URL(this.admin);
    url.pathname = `/${database}`;
    return { url: url.toString() };
  }

  stop(): void {
    if (this.server) execFileSync('bash', ['scripts/pg-test-server.sh', 'stop', this.server]);
  }
}
