import { fileURLToPath } from 'node:url';
import { CLI_ACTOR, type Actor } from '../core/auth/actor.js';
import type { Database } from '../core/db/database.js';
import { insertOrganisation } from '../modules/identity/queries/organisations.js';
import { publishQuote } from '../modules/remittances/quotes/publish-quote.js';
import { loadRates } from '../modules/remittances/rates.js';
import type { QuoteInput } from '../modules/remittances/remittance.schema.js';
import { importRpwFile } from '../modules/remittances/rpw/import-rpw.js';
import { addProviderCorridor, putCorridor } from '../modules/remittances/settings.js';

const SURVEY = fileURLToPath(new URL('../../data/remittances/example_rpw_layout.csv', import.meta.url));
const DAY = 86_400_000;

/** More providers than the demo's one login, so that the comparison has something to rank. */
const OTHER_PROVIDERS = ['Gulf Money Exchange', 'Sagarmatha Bank Transfers', 'Desert Post Money', 'QuickSend Wallet'];

type Service = [provider: string, product: string, instrument: string, access: string, pickup: string, speed: QuoteInput['speed'], fee200: number, rate200: string | null, fee500: number, rate500: string | null];

// Fees in fils (AED minor units); rates in NPR per AED against a reference of 36.62.
const SERVICES: Service[] = [
  ['Himal Remit Exchange', 'App to wallet', 'Card', 'Online', 'Mobile wallet', 'Less than one hour', 1000, '36.35', 1000, '36.40'],
  ['Himal Remit Exchange', 'Cash to cash', 'Cash', 'Branch', 'Cash pick-up', 'Same day', 1500, '36.45', 1500, '36.45'],
  ['Gulf Money Exchange', 'Zero fee account', 'Cash', 'Branch', 'Account', 'Next day', 0, '35.95', 0, '36.05'],
  ['Gulf Money Exchange', 'Express wallet', 'Card', 'Online', 'Mobile wallet', 'Less than one hour', 2000, '36.50', 2500, '36.52'],
  ['Sagarmatha Bank Transfers', 'Bank to bank', 'Bank account', 'Online', 'Account', '2 days', 2500, '36.55', 2500, '36.55'],
  ['Desert Post Money', 'Postal order', 'Cash', 'Agent', 'Cash pick-up', '3-5 days', 800, '35.80', 800, '35.80'],
  ['Desert Post Money', 'Low fee cash', 'Cash', 'Agent', 'Cash pick-up', 'Next day', 500, '34.90', 500, '34.95'],
  // Does not disclose its rate: kept, shown as without a comparable price, never ranked.
  ['QuickSend Wallet', 'Wallet transfer', 'Mobile wallet', 'Agent', 'Mobile wallet', 'Same day', 700, null, 700, null],
];

/**
 * The remittance side of the demo: the ARE-NPL comparison corridor, reference rates, five
 * providers with current quotes, and the example RPW survey as last year's figures.
 */
export async function seedDemoRemittances(database: Database, orgIds: Map<string, string>): Promise<void> {
  const db = database.db;
  const now = Date.now();
  const day = (ago: number) => new Date(now - ago * DAY).toISOString().slice(0, 10);
  await putCorridor(db, CLI_ACTOR, 'ARE', 'NPL', { send_currency: 'AED', receive_currency: 'NPR', stale_after_days: 45 });
  await loadRates(db, CLI_ACTOR, [
    { base_currency: 'USD', quote_currency: 'AED', rate: '3.6725', effective_on: day(60), source: 'Central Bank of the UAE peg (demo)' },
    { base_currency: 'AED', quote_currency: 'NPR', rate: '36.62', effective_on: day(60), source: 'Nepal Rastra Bank (demo)' },
  ]);
  const providers = new Map<string, string>([['Himal Remit Exchange', orgIds.get('remitter')!]]);
  for (const name of OTHER_PROVIDERS) providers.set(name, (await insertOrganisation(db, { kind: 'remittance_provider', name, country: 'ARE', external_id: null })).id);
  for (const id of providers.values()) await addProviderCorridor(db, CLI_ACTOR, id, 'ARE', 'NPL');

  for (const [i, [provider, product, instrument, access, pickup, speed, fee200, rate200, fee500, rate500]] of SERVICES.entries()) {
    const actor: Actor = { type: 'system', organisationId: providers.get(provider)!, organisationKind: 'remittance_provider', scopes: new Set(['remittances:quote']) };
    await publishQuote(db, actor, {
      source_country: 'ARE', destination_country: 'NPL', product, payment_instrument: instrument, access_point: access, pickup_method: pickup, speed,
      transparent: rate200 !== null, inaccessible: false, source: 'provider', observed_at: new Date(now - (i + 1) * DAY).toISOString(),
      price_points: [
        { usd: 200, amount: { minor: 73450, currency: 'AED' }, fee: { minor: fee200, currency: 'AED' }, offered_rate: rate200 },
        { usd: 500, amount: { minor: 183625, currency: 'AED' }, fee: { minor: fee500, currency: 'AED' }, offered_rate: rate500 },
      ],
    });
  }
  await importRpwFile(database, CLI_ACTOR, SURVEY);
}

