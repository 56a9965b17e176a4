import type { FieldProblem } from '../../../core/errors.js';
import type { CsvRecord } from '../../contracts/import/csv-records.js';
import { minorUnits, rateText } from '../money-text.js';
import { isPeriod } from '../period.js';
import { speedLabel } from '../speeds.js';
import type { RpwColumn, RpwHeader } from './columns.js';

/** What the checks need to know of the reference data, held in memory for the whole file. */
export interface RpwReference {
  countries: ReadonlySet<string>;
  /** Minor digits of each known currency. */
  currencies: ReadonlyMap<string, number>;
  /** The currency of each country, where known (for the family's side of survey rows). */
  countryCurrency: ReadonlyMap<string, string>;
}

/** The columns of remittance_quotes a survey row fills, in COPY order. */
export const QUOTE_COLUMNS = [
  'service_key', 'source', 'import_id', 'line', 'period', 'source_country', 'destination_country', 'firm', 'firm_type', 'product',
  'payment_instrument', 'access_point', 'pickup_method', 'speed', 'transparent', 'inaccessible', 'send_currency', 'receive_currency',
  'amount_200_minor', 'fee_200_minor', 'rate_200', 'amount_500_minor', 'fee_500_minor', 'rate_500', 'reference_rate', 'observed_at',
] as const;

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);
const DAY = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/**
 * Checks one survey row whole and gives the quote row to COPY, or undefined with every
 * problem of the row reported (line and column named). Nothing here is trusted that can
 * be recomputed: the file's margins and total costs are not even read.
 */
export function stageRpwRow(
  record: CsvRecord,
  header: RpwHeader,
  ref: RpwReference,
  importId: number,
  report: (p: FieldProblem) => void,
): (string | number | boolean | null)[] | undefined {
  const { line, fields } = record;
  let ok = true;
  const bad = (field: string, message: string, expected?: string) => {
    ok = false;
    report({ line, field, message, ...(expected ? { expected } : {}) });
    return null;
  };
  if (fields.length !== header.width) bad('row', `has ${fields.length} fields; the header has ${header.width}`);
  const get = (c: RpwColumn) => {
    const i = header.at[c];
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
  const text = (c: RpwColumn) => get(c) || null;

  const period = get('period');
  if (!isPeriod(period)) bad('period', `"${period}" is not a quarter`, 'YYYY_nQ, e.g. 2025_1Q');
  const country = (c: 'source_code' | 'destination_code') => {
    const code = get(c).toUpperCase();
    return ref.countries.has(code) ? code : bad(c, `"${get(c)}" is not a known country`, 'ISO 3166-1 alpha-3');
  };
  const source = country('source_code');
  const destination = country('destination_code');
  if (source && source === destination) bad('destination_code', 'is the sending country', 'another country than source_code');
  const firm = get('firm') || bad('firm', 'is empty', "the firm's name");

  const speedText = get('speed actual');
  const speed = speedText ? (speedLabel(speedText) ?? bad('speed actual', `"${speedText}" is not an RPW speed`, 'Less than one hour, Same day, Next day, 2 days, 3-5 days or 6 days or more')) : null;
  const yesNo = (c: 'transparent' | 'inaccessible') => {
    const v = get(c).toLowerCase();
    if (v === '') return null;
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    return bad(c, `"${get(c)}" is neither yes nor no`, 'yes or no');
  };
  const transparent = yesNo('transparent');
  const inaccessible = yesNo('inaccessible') ?? false;

  const currency = get('cc1 lcu code').toUpperCase();
  const digits = ref.currencies.get(currency);
  if (digits === undefined) bad('cc1 lcu code', `"${get('cc1 lcu code')}" is not a known currency`, 'ISO 4217');
  const cc2Code = get('cc2 lcu code').toUpperCase();
  if (cc2Code && cc2Code !== currency) bad('cc2 lcu code', `"${cc2Code}" differs from cc1 lcu code ${currency}`, 'the same sending currency at both price points');

  const money = (c: RpwColumn, positive: boolean) => {
    const v = get(c);
    if (digits === undefined) return null;
    const minor = minorUnits(v, digits);
    if (minor === undefined)
      return bad(c, v === '' ? 'is empty' : `"${v}" is not an amount in ${currency}`, `a non-negative amount with at most ${digits} decimals`);
    if (positive && minor === 0) return bad(c, 'is zero', 'an amount above zero');
    return minor;
  };
  const rate = (c: RpwColumn, required: boolean) => {
    const v = get(c);
    if (v === '') return required ? bad(c, 'is empty', 'the interbank rate, receiving currency per unit sent') : null;
    if (v.startsWith('-')) return bad(c, `"${v}" is below zero`, 'a rate of zero or more (receiving currency per unit sent)');
    const exact = rateText(v);
    if (exact === undefined) return bad(c, `"${v}" is not a number`, 'a decimal rate');
    if (required && Number(exact) === 0) return bad(c, 'is zero', 'a rate above zero');
    return exact;
  };
  const amount200 = money('cc1 lcu amount', true);
  const fee200 = money('cc1 lcu fee', false);
  const rate200 = rate('cc1 lcu fx rate', false);
  const amount500 = money('cc2 lcu amount', true);
  const fee500 = money('cc2 lcu fee', false);
  const rate500 = rate('cc2 lcu fx rate', false);
  const reference = rate('inter lcu bank fx', true);
  for (const [c, usd] of [['cc1 denomination amount', '200'], ['cc2 denomination amount', '500']] as const) {
    const v = get(c);
    if (v && Number(v) !== Number(usd)) bad(c, `"${v}" is not the USD ${usd} price point`, usd);
  }

  let observed: string | null = null;
  const day = get('date');
  if (day) {
    const m = DAY.exec(day);
    const real = m && new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).toISOString().slice(0, 10) === day;
    if (real) observed = `${day}T00:00:00Z`;
    else bad('date', `"${day}" is not a date`, 'YYYY-MM-DD');
  }
  if (!ok) return undefined;
  return [
    `survey:${importId}:${line}`, 'survey', importId, line, period, source, destination, firm, text('firm_type'), text('product'),
    text('payment instrument'), text('access point'), text('pickup method'), speed, transparent, inaccessible, currency,
    ref.countryCurrency.get(destination!) ?? null, amount200, fee200, rate200, amount500, fee500, rate500, reference, observed,
  ];
}
