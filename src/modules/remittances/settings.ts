import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import { AppError, invalid, notFound, type FieldProblem } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import { recordEvent } from '../audit/record-event.js';
import { forgetCurrentServices } from './compare/current-services.js';

export interface CorridorSettings {
  send_currency: string;
  receive_currency: string;
  stale_after_days: number;
}

async function checkCodes(db: Kysely<DB>, countries: [string, string][], currencies: [string, string][]): Promise<void> {
  const problems: FieldProblem[] = [];
  const knownCountries = new Set((await db.selectFrom('countries').select('code').where('code', 'in', countries.map(([, c]) => c)).execute()).map((r) => r.code));
  const knownCurrencies = new Set((await db.selectFrom('currencies').select('code').where('code', 'in', currencies.map(([, c]) => c)).execute()).map((r) => r.code));
  for (const [pointer, code] of countries) if (!knownCountries.has(code)) problems.push({ pointer, message: `${code} is not a known country`, expected: 'ISO 3166-1 alpha-3', code: 'reference.country_unknown', params: { value: code } });
  for (const [pointer, code] of currencies) if (!knownCurrencies.has(code)) problems.push({ pointer, message: `${code} is not a known currency`, expected: 'ISO 4217', code: 'reference.currency_unknown', params: { value: code } });
  if (countries.length === 2 && countries[0]![1] === countries[1]![1]) problems.push({ pointer: countries[1]![0], message: 'is the sending country', expected: 'another country', code: 'remittance.same_country' });
  if (problems.length) throw invalid('The corridor is not valid', problems);
}

/** Opens a remittance corridor for comparison, or changes its settings (operator). */
export async function putCorridor(db: Kysely<DB>, actor: Actor, from: string, to: string, settings: CorridorSettings) {
  await checkCodes(db, [['/from', from], ['/to', to]], [['/send_currency', settings.send_currency], ['/receive_currency', settings.receive_currency]]);
  const row = await db.transaction().execute(async (trx) => {
    const stored = await trx
      .insertInto('remittance_corridors')
      .values({ source_country: from, destination_country: to, ...settings })
      .onConflict((oc) => oc.columns(['source_country', 'destination_country']).doUpdateSet({ ...settings, updated_at: new Date() }))
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, actor, { action: 'remittances.corridor.set', subjectType: 'remittance_corridor', subjectId: `${from}-${to}`, details: { ...settings } });
    return stored;
  });
  forgetCurrentServices();
  return corridorView(row);
}

/** With each country's alpha-2 code, which browsers name in the reader's language (Intl.DisplayNames). */
export async function listCorridors(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('remittance_corridors as r')
    .innerJoin('countries as s', 's.code', 'r.source_country')
    .innerJoin('countries as d', 'd.code', 'r.destination_country')
    .selectAll('r')
    .select(['s.alpha2 as from_alpha2', 'd.alpha2 as to_alpha2'])
    .orderBy(['r.source_country', 'r.destination_country'])
    .execute();
  return rows.map((r) => ({ ...corridorView(r), from_alpha2: r.from_alpha2, to_alpha2: r.to_alpha2 }));
}

function corridorView(r: { source_country: string; destination_country: string; send_currency: string; receive_currency: string; stale_after_days: number }) {
  return { from: r.source_country, to: r.destination_country, send_currency: r.send_currency, receive_currency: r.receive_currency, stale_after_days: r.stale_after_days };
}

/** Records that a remittance provider serves a corridor (operator): only then may it publish quotes there. */
export async function addProviderCorridor(db: Kysely<DB>, actor: Actor, providerId: string, from: string, to: string) {
  const provider = await db.selectFrom('organisations').select(['id', 'kind']).where('id', '=', providerId).executeTakeFirst();
  if (!provider) throw notFound('Organisation');
  if (provider.kind !== 'remittance_provider') throw new AppError('conflict', 'The organisation is not a remittance provider');
  const corridor = await db.selectFrom('remittance_corridors').select('source_country').where('source_country', '=', from).where('destination_country', '=', to).executeTakeFirst();
  if (!corridor) throw notFound(`Remittance corridor ${from} to ${to}`);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('remittance_provider_corridors').values({ provider_id: providerId, source_country: from, destination_country: to }).onConflict((oc) => oc.doNothing()).execute();
    await recordEvent(trx, actor, { action: 'remittances.provider.corridor_added', subjectType: 'organisation', subjectId: providerId, organisationIds: [providerId], details: { from, to } });
  });
  return { provider_id: providerId, from, to };
}
