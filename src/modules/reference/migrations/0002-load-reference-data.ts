import type { Kysely } from 'kysely';
import { countryRows, currencyRows, occupationRows } from '../load-reference-data.js';

const BATCH = 200;

async function insertAll(db: Kysely<any>, table: string, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await db.insertInto(table).values(rows.slice(i, i + BATCH)).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await insertAll(db, 'countries', await countryRows());
  await insertAll(db, 'currencies', currencyRows());
  // Parents before children: sort by level so the foreign key holds row by row.
  const occupations = (await occupationRows()).sort((a, b) => a.level - b.level);
  await insertAll(db, 'occupations', occupations);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('occupations').execute();
  await db.deleteFrom('currencies').execute();
  await db.deleteFrom('countries').execute();
}
