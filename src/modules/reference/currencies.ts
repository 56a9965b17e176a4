import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../schema.js';

export const Currency = z.object({
  code: z.string().describe('ISO 4217 alphabetic code'),
  minor_digits: z.number().int().describe('Digits of the minor unit: amounts are integers of this unit'),
  name: z.string().describe('English name'),
});
export type Currency = z.infer<typeof Currency>;

export function listCurrencies(db: Kysely<DB>): Promise<Currency[]> {
  return db.selectFrom('currencies').selectAll().orderBy('code').execute();
}

export function findCurrency(db: Kysely<DB>, code: string): Promise<Currency | undefined> {
  return db.selectFrom('currencies').selectAll().where('code', '=', code).executeTakeFirst();
}
