import type { Kysely } from 'kysely';
import countryToCurrency from 'country-to-currency';
import type { DB } from '../../schema.js';
import type { RpwReference } from './rpw/stage-row.js';

/** Countries, currencies and each country's currency, read once per file or request batch. */
export async function loadReference(db: Kysely<DB>): Promise<RpwReference> {
  const [countries, currencies] = await Promise.all([
    db.selectFrom('countries').select(['code', 'alpha2']).execute(),
    db.selectFrom('currencies').select(['code', 'minor_digits']).execute(),
  ]);
  const known = new Map(currencies.map((c) => [c.code, c.minor_digits]));
  const byAlpha2 = countryToCurrency as Record<string, string>;
  const countryCurrency = new Map<string, string>();
  for (const c of countries) {
    const currency = byAlpha2[c.alpha2];
    if (currency && known.has(currency)) countryCurrency.set(c.code, currency);
  }
  return { countries: new Set(countries.map((c) => c.code)), currencies: known, countryCurrency };
}
