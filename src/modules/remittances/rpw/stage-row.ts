import { encodeCopyValue } from '../../../core/db/copy-text.js';
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

const nullable = (v: string | number | boolean | null | undefined): string =>
  v === null || v === undefined ? '\\N' : v === true ? 't' : v === false ? 'f' : String(v);
const copyText = (v: string | null): string => (v === null ? '\\N' : encodeCopyValue(v));

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);
const DAY = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether the day exists (no 2025-02-30), by arithmetic: a Date per row was a tenth of the import. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= MONTH_DAYS[month - 1]! + (leap ? 1 : 0);
}

/**
 * Checks survey rows whole and gives the quote row to COPY, or undefined with every problem
 * of the row reported (line and column named). Nothing here is trusted that can be
 * recomputed: the file's margins and total costs are not even read.
 *
 * A class with the row in fields rather than a function with closures: half a million rows
 * made millions of small functions, and naming each one (tsx keeps names) cost more than
 * the checks themselves (docs/performance.md).
 */
export class RpwRowChecker {
  private line = 0;
  private fields: string[] = [];
  private ok = true;

  constructor(
    private readonly header: RpwHeader,
    private readonly ref: RpwReference,
    private readonly importId: number,
    private readonly report: (p: FieldProblem) => void,
  ) {
    // A Map, not the header's object: looked up by a different column at each call, the object's
    // properties were found by a slow generic lookup, twenty-five times a row.
    this.at = new Map(Object.entries(header.at) as [RpwColumn, number][]);
  }

  private readonly at: Map<RpwColumn, number>;

  /** Of the last row staged, for the flags counted beside the load. */
  transparent: boolean | null = null;
  rate200: string | null = null;
  reference = '';

  /** The row as a line of COPY text in QUOTE_COLUMNS order, or undefined when it is bad. */
  stage(record: CsvRecord): string | undefined {
    this.line = record.line;
    this.fields = record.fields;
    this.ok = true;
    const { header, ref } = this;
    if (this.fields.length !== header.width) this.bad('row', `has ${this.fields.length} fields; the header has ${header.width}`);

    const period = this.get('period');
    if (!isPeriod(period)) this.bad('period', `"${period}" is not a quarter`, 'YYYY_nQ, e.g. 2025_1Q');
    const source = this.country('source_code');
    const destination = this.country('destination_code');
    if (source && source === destination) this.bad('destination_code', 'is the sending country', 'another country than source_code');
    const firm = this.get('firm') || this.bad('firm', 'is empty', "the firm's name");

    const speedText = this.get('speed actual');
    const speed = speedText
      ? (speedLabel(speedText) ??
        this.bad('speed actual', `"${speedText}" is not an RPW speed`, 'Less than one hour, Same day, Next day, 2 days, 3-5 days or 6 days or more'))
      : null;
    const transparent = this.yesNo('transparent');
    const inaccessible = this.yesNo('inaccessible') ?? false;

    const currency = this.get('cc1 lcu code').toUpperCase();
    const digits = ref.currencies.get(currency);
    if (digits === undefined) this.bad('cc1 lcu code', `"${this.get('cc1 lcu code')}" is not a known currency`, 'ISO 4217');
    const cc2Code = this.get('cc2 lcu code').toUpperCase();
    if (cc2Code && cc2Code !== currency) this.bad('cc2 lcu code', `"${cc2Code}" differs from cc1 lcu code ${currency}`, 'the same sending currency at both price points');

    const amount200 = this.money('cc1 lcu amount', true, currency, digits);
    const fee200 = this.money('cc1 lcu fee', false, currency, digits);
    const rate200 = this.rate('cc1 lcu fx rate', false);
    const amount500 = this.money('cc2 lcu amount', true, currency, digits);
    const fee500 = this.money('cc2 lcu fee', false, currency, digits);
    const rate500 = this.rate('cc2 lcu fx rate', false);
    const reference = this.rate('inter lcu bank fx', true);
    this.pricePoint('cc1 denomination amount', '200');
    this.pricePoint('cc2 denomination amount', '500');
    const observed = this.day();
    if (!this.ok) return undefined;
    this.transparent = transparent;
    this.rate200 = rate200;
    this.reference = reference!;
    const line = this.line;
    const id = this.importId;
    // Written as COPY text here rather than as an array for a generic encoder: every value but the
    // free text was checked above to be a code, a number or a date, so only the free text is escaped.
    return (
      `survey:${id}:${line}\tsurvey\t${id}\t${line}\t${period}\t${source}\t${destination}\t${copyText(firm)}\t` +
      `${copyText(this.text('firm_type'))}\t${copyText(this.text('product'))}\t${copyText(this.text('payment instrument'))}\t` +
      `${copyText(this.text('access point'))}\t${copyText(this.text('pickup method'))}\t${nullable(speed)}\t${nullable(transparent)}\t` +
      `${inaccessible ? 't' : 'f'}\t${currency}\t${nullable(ref.countryCurrency.get(destination!))}\t${amount200}\t${fee200}\t` +
      `${nullable(rate200)}\t${amount500}\t${fee500}\t${nullable(rate500)}\t${reference}\t${nullable(observed)}\n`
    );
  }

  private bad(field: string, message: string, expected?: string): null {
    this.ok = false;
    this.report({ line: this.line, field, message, ...(expected ? { expected } : {}) });
    return null;
  }

  private get(c: RpwColumn): string {
    const i = this.at.get(c);
    return i === undefined ? '' : (this.fields[i] ?? '').trim();
  }

  private text(c: RpwColumn): string | null {
    return this.get(c) || null;
  }

  private country(c: 'source_code' | 'destination_code'): string | null {
    const code = this.get(c).toUpperCase();
    return this.ref.countries.has(code) ? code : this.bad(c, `"${this.get(c)}" is not a known country`, 'ISO 3166-1 alpha-3');
  }

  private yesNo(c: 'transparent' | 'inaccessible'): boolean | null {
    const v = this.get(c).toLowerCase();
    if (v === '') return null;
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    return this.bad(c, `"${this.get(c)}" is neither yes nor no`, 'yes or no');
  }

  private money(c: RpwColumn, positive: boolean, currency: string, digits: number | undefined): number | null {
    if (digits === undefined) return null;
    const v = this.get(c);
    const minor = minorUnits(v, digits);
    if (minor === undefined)
      return this.bad(c, v === '' ? 'is empty' : `"${v}" is not an amount in ${currency}`, `a non-negative amount with at most ${digits} decimals`);
    if (positive && minor === 0) return this.bad(c, 'is zero', 'an amount above zero');
    return minor;
  }

  private rate(c: RpwColumn, required: boolean): string | null {
    const v = this.get(c);
    if (v === '') return required ? this.bad(c, 'is empty', 'the interbank rate, receiving currency per unit sent') : null;
    if (v.startsWith('-')) return this.bad(c, `"${v}" is below zero`, 'a rate of zero or more (receiving currency per unit sent)');
    const exact = rateText(v);
    if (exact === undefined) return this.bad(c, `"${v}" is not a number`, 'a decimal rate');
    if (required && Number(exact) === 0) return this.bad(c, 'is zero', 'a rate above zero');
    return exact;
  }

  private pricePoint(c: 'cc1 denomination amount' | 'cc2 denomination amount', usd: string): void {
    const v = this.get(c);
    if (v && Number(v) !== Number(usd)) this.bad(c, `"${v}" is not the USD ${usd} price point`, usd);
  }

  private day(): string | null {
    const day = this.get('date');
    if (!day) return null;
    const m = DAY.exec(day);
    if (m && isCalendarDay(+m[1]!, +m[2]!, +m[3]!)) return `${day}T00:00:00Z`;
    return this.bad('date', `"${day}" is not a date`, 'YYYY-MM-DD');
  }
}
