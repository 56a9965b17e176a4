import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Real sending-receiving pairs of the RPW survey, with the sending currency and a plausible interbank rate. */
const CORRIDORS: [string, string, string, number][] = [
  ['ARE', 'NPL', 'AED', 35.8676], ['ARE', 'IND', 'AED', 22.6], ['ARE', 'PAK', 'AED', 76.1], ['ARE', 'BGD', 'AED', 32.7], ['ARE', 'PHL', 'AED', 15.2],
  ['SAU', 'NPL', 'SAR', 35.1], ['SAU', 'IND', 'SAR', 22.1], ['SAU', 'EGY', 'SAR', 8.2], ['QAT', 'NPL', 'QAR', 36.2], ['KWT', 'IND', 'KWD', 270.4],
  ['USA', 'MEX', 'USD', 17.0614], ['USA', 'PHL', 'USD', 55.8], ['USA', 'GTM', 'USD', 7.8], ['GBR', 'NGA', 'GBP', 1500.2], ['MYS', 'IDN', 'MYR', 3300.5],
];
const FIRM_TYPES = ['Bank', 'Money Transfer Operator', 'Post office', 'Mobile Operator'];
const INSTRUMENTS = ['Cash', 'Card', 'Bank account', 'Mobile wallet'];
const ACCESS = ['Branch', 'Agent', 'Online'];
const SPEEDS = ['Less than one hour', 'Same day', 'Next day', '2 days', '3-5 days', '6 days or more'];
const PICKUP = ['Cash pick-up', 'Account', 'Mobile wallet'];
const HEADER =
  'period,source_code,source_name,destination_code,destination_name,firm,firm_type,payment instrument,access point,speed actual,pickup method,' +
  'cc1 lcu amount,cc1 denomination amount,cc1 lcu code,cc1 lcu fee,cc1 lcu fx rate,cc1 fx margin,cc1 total cost %,' +
  'cc2 lcu amount,cc2 denomination amount,cc2 lcu code,cc2 lcu fee,cc2 lcu fx rate,cc2 fx margin,cc2 total cost %,inter lcu bank fx,transparent,date,corridor';

/** A deterministic RPW-layout file of `rows` service rows over 8 quarters, with the odd rows real files have. */
export async function generateRpw(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const USD: Record<string, number> = { AED: 3.6725, SAR: 3.75, QAR: 3.64, KWD: 0.307, USD: 1, GBP: 0.79, MYR: 4.7 };
  out.write(HEADER + '\n');
  for (let i = 0; i < rows; i++) {
    const [from, to, currency, reference] = pick(CORRIDORS);
    const quarter = `${2023 + Math.floor((i % 8) / 4)}_${(i % 4) + 1}Q`;
    const a200 = (200 * USD[currency]!).toFixed(2);
    const a500 = (500 * USD[currency]!).toFixed(2);
    const transparent = rand() < 0.9 ? 'yes' : 'no';
    const rate = (m: number) => {
      const r = rand();
      if (r < 0.01) return '';
      if (r < 0.02) return '1';
      return (reference * (1 - m)).toFixed(6);
    };
    const fee = (a: string) => (rand() < 0.2 ? '0.00' : ((Number(a) * rand() * 0.08)).toFixed(2));
    const line = [
      quarter, from, from, to, to, `Bench Remit ${from}${to} ${i % 37}`, pick(FIRM_TYPES), pick(INSTRUMENTS), pick(ACCESS), pick(SPEEDS), pick(PICKUP),
      a200, 200, currency, fee(a200), rate(rand() * 0.05 - 0.005), '', '', a500, 500, currency, fee(a500), rate(rand() * 0.04 - 0.005), '', '',
      reference, transparent, `${quarter.slice(0, 4)}-${String(Number(quarter[5]) * 3 - 1).padStart(2, '0')}-1${i % 9}`, from + to,
    ].join(',');
    if (!out.write(line + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
