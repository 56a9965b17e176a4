import type { Kysely } from 'kysely';
import { publishedAverageRows, regionRows } from '../published-history.js';

const BATCH = 1000;

export async function up(db: Kysely<any>): Promise<void> {
  const averages = await publishedAverageRows();
  for (let i = 0; i < averages.length; i += BATCH) await db.insertInto('remittance_published_averages').values(averages.slice(i, i + BATCH)).execute();
  await db.insertInto('country_regions').values(await regionRows()).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('country_regions').execute();
  await db.deleteFrom('remittance_published_averages').execute();
}
