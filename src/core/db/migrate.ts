import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { DB } from '../../schema.js';
import { AppError } from '../errors.js';
import { migrations } from '../../migrations.js';
import { APP_ROLE_GRANTS } from './grants.js';

class ListedMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** Migrations are listed explicitly (src/migrations.ts), never found by scanning a folder. */
export async function migrateToLatest(db: Kysely<DB>): Promise<void> {
  // Numbers are blocks per module (remittances 0020s, loans 0040s): a module's new migration may sort
  // before another module's older one, and a database that has the older one must still take it.
  const migrator = new Migrator({ db, provider: new ListedMigrations(), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new AppError('internal', `Migration ${failed ?? ''} failed: ${(error as Error).message}`);
  }
  await APP_ROLE_GRANTS(db);
}

export { sql };
