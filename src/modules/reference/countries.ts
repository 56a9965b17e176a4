import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../schema.js';

export const Country = z.object({
  code: z.string().describe('ISO 3166-1 alpha-3'),
  alpha2: z.string().describe('ISO 3166-1 alpha-2'),
  numeric_code: z.string().describe('ISO 3166-1 numeric (UN M49)'),
  name: z.string().describe('English short name'),
  who_ssl_2023: z
    .boolean()
    .describe('On the WHO Health Workforce Support and Safeguards List 2023: recruiting its health personnel needs a government-to-government exception'),
});
export type Country = z.infer<typeof Country>;

export function listCountries(db: Kysely<DB>): Promise<Country[]> {
  return db.selectFrom('countries').selectAll().orderBy('name').execute();
}

export function findCountry(db: Kysely<DB>, code: string): Promise<Country | undefined> {
  return db.selectFrom('countries').selectAll().where('code', '=', code).executeTakeFirst();
}

/** False for an unknown country too: only a listed country is safeguarded. */
export async function isWhoSafeguardCountry(db: Kysely<DB>, code: string): Promise<boolean> {
  return (await findCountry(db, code))?.who_ssl_2023 ?? false;
}
