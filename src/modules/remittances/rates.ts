import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import { invalid, type FieldProblem } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import { recordEvent } from '../audit/record-event.js';
import type { RateInput } from './remittance.schema.js';

/**
 * Loads reference (interbank) rates, all or none (those already stored are skipped): every unknown currency is named by its
 * pointer (`/rates/3/base_currency`) before anything is stored.
 */
export async function loadRates(db: Kysely<DB>, actor: Actor, rates: RateInput[]): Promise<{ loaded: number }> {
  const known = new Set((await db.selectFrom('currencies').select('code').execute()).map((r) => r.code));
  const problems: FieldProblem[] = [];
  rates.forEach((r, i) => {
    for (const field of ['base_currency', 'quote_currency'] as const)
      if (!known.has(r[field])) problems.push({ pointer: `/rates/${i}/${field}`, message: `${r[field]} is not a known currency`, expected: 'ISO 4217', code: 'reference.currency_unknown', params: { value: r[field] } });
    if (r.base_currency === r.quote_currency) problems.push({ pointer: `/rates/${i}/quote_currency`, message: 'is the base currency', expected: 'another currency', code: 'remittance.same_currency' });
  });
  if (problems.length) throw invalid('The rates are not valid', problems);
  if (!rates.length) return { loaded: 0 };
  // A rate already stored (same pair, day and value) is not stored again: a repeated file loads nothing.
  return db.transaction().execute(async (trx) => {
    const stored = await trx
      .insertInto('remittance_reference_rates')
      .values(rates)
      .onConflict((oc) => oc.columns(['base_currency', 'quote_currency', 'effective_on', 'rate']).doNothing())
      .returning('id')
      .execute();
    if (stored.length) await recordEvent(trx, actor, { action: 'remittances.rates.loaded', subjectType: 'remittance_reference_rates', details: { count: stored.length } });
    return { loaded: stored.length };
  });
}

/** The rate in force on a day for a pair: the latest effective on or before it (the later loaded of two on one day). */
export async function rateOn(db: Kysely<DB>, base: string, quote: string, day: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('remittance_reference_rates')
    .select('rate')
    .where('base_currency', '=', base)
    .where('quote_currency', '=', quote)
    .where('effective_on', '<=', day)
    .orderBy('effective_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.rate;
}
