/**
 * Writes a realistic legacy register of N valid NPL-ARE contracts for the benchmark:
 * `node --import tsx bench/generate-legacy-contracts.ts --rows 1000000 --out FILE [--employers 500]`.
 * Deterministic (a fixed seed), streamed in blocks so a million rows take a few seconds.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { IMPORT_COLUMNS } from '../src/modules/contracts/import/import-columns.js';

const FIRST = ['Ram', 'Sita', 'Bishnu', 'Gita', 'Hari', 'Laxmi', 'Krishna', 'Sarita', 'Mohan', 'Anita', 'Dil', 'Kamala'];
const MIDDLE = ['Bahadur', 'Kumari', 'Prasad', 'Maya', 'Raj', 'Devi', ''];
const LAST = ['Gurung', 'Thapa', 'Adhikari', 'Tamang', 'Rai', 'Limbu', 'Magar', 'Shrestha', 'Sharma', 'Karki'];
/** Unit groups the example corridor allows, none of them health occupations. */
const OCCUPATIONS = ['7112', '9313', '8322', '5120', '9112', '7411', '7126', '9329', '5131', '7212'];

export const employerExternalId = (i: number) => `EST-${String(1_000_000 + i)}`;

let seed = 42;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const pick = <T>(list: readonly T[]) => list[rand(list.length)]!;
const pad = (n: number) => String(n).padStart(2, '0');

export function legacyRow(i: number, employers: number): string {
  const year = 2025 + rand(2);
  const month = 1 + rand(12);
  const day = 1 + rand(28);
  const months = 12 + rand(13);
  const endMonthIndex = year * 12 + month - 1 + months;
  const end = new Date(Date.UTC(Math.floor(endMonthIndex / 12), endMonthIndex % 12, day) - 86_400_000).toISOString().slice(0, 10);
  const middle = pick(MIDDLE);
  const name = `${pick(FIRST)} ${middle ? middle + ' ' : ''}${pick(LAST)}`;
  return [
    `LG-${String(i).padStart(8, '0')}`, `784${String(100_000_000_000 + i)}`, name, rand(2) ? 'F' : 'M',
    `${1970 + rand(35)}-${pad(1 + rand(12))}-${pad(1 + rand(28))}`, 'NPL', `PA${String(i).padStart(8, '0')}`,
    employerExternalId(rand(employers)), `Employer ${rand(employers)} LLC`, pick(OCCUPATIONS),
    `${year}-${pad(month)}-${pad(day)}`, end, String(100_000 + rand(150) * 1000), String(rand(4) * 10_000), 'AED',
  ].join(',');
}

export async function generate(file: string, rows: number, employers: number): Promise<void> {
  seed = 42;
  const out = createWriteStream(file);
  out.write(IMPORT_COLUMNS.join(',') + '\n');
  for (let i = 0; i < rows; ) {
    const block: string[] = [];
    for (const end = Math.min(rows, i + 10_000); i < end; i++) block.push(legacyRow(i, employers));
    if (!out.write(block.join('\n') + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, out: { type: 'string' }, employers: { type: 'string', default: '500' } } });
  if (!values.out) throw new Error('--out FILE is required');
  await generate(values.out, Number(values.rows), Number(values.employers));
}
