import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import currencyCodes from 'currency-codes';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

const REFERENCE_DIR = fileURLToPath(new URL('../../../data/reference/', import.meta.url));

export interface CountryRow {
  code: string;
  alpha2: string;
  numeric_code: string;
  name: string;
  who_ssl_2023: boolean;
}

export interface OccupationRow {
  code: string;
  level: number;
  parent_code: string | null;
  title: string;
  definition: string;
}

async function readCsv(file: string): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  for await (const row of createReadStream(REFERENCE_DIR + file).pipe(parse({ columns: true, trim: true }))) rows.push(row);
  return rows;
}

export async function countryRows(): Promise<CountryRow[]> {
  const safeguarded = new Set(
    (await readCsv('who_ssl_2023.csv')).filter((r) => r.in_who_ssl_2023 === 'true').map((r) => r.iso3!),
  );
  const known = countries.getAlpha3Codes();
  const unknown = [...safeguarded].filter((code) => !(code in known));
  if (unknown.length) throw new Error(`who_ssl_2023.csv names unknown countries: ${unknown.join(', ')}`);
  return Object.entries(known).map(([alpha3, alpha2]) => ({
    code: alpha3,
    alpha2,
    numeric_code: countries.alpha3ToNumeric(alpha3) ?? '',
    name: countries.getName(alpha3, 'en') ?? alpha3,
    who_ssl_2023: safeguarded.has(alpha3),
  }));
}

export function currencyRows(): { code: string; minor_digits: number; name: string }[] {
  // Funds and precious metals (XAU, XDR, ...) have no minor unit a wage can be paid in.
  return currencyCodes.data
    .filter((c) => !c.code.startsWith('X') || ['XAF', 'XOF', 'XCD', 'XPF'].includes(c.code))
    .map((c) => ({ code: c.code, minor_digits: c.digits, name: c.currency }));
}

export async function occupationRows(): Promise<OccupationRow[]> {
  return (await readCsv('isco08_structure.csv')).map((r) => ({
    code: r.code!,
    level: Number(r.level),
    parent_code: r.parent_code || null,
    title: r.title!,
    definition: r.definition ?? '',
  }));
}
