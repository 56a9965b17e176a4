/**
 * A month of salary files shaped like a real one, for bench/wps-month.ts: N registered
 * contracts spread over employers with a long-tailed size distribution (most pay 1-20
 * workers, a few thousands), one UAE SIF per employer, a supplementary file from about 30%
 * of them (about 6% as many files as contracts in all), with some late files, underpaid
 * and missing workers, and payments to unregistered workers. Deterministic for a given N.
 * Also writes the same payments as one CSV (the plain COPY floor) and the employer sizes.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { uaeSifFileName, writeUaeSif, type UaeSifRecordInput } from '../src/modules/wages/salary-files/uae-sif-writer.js';

export const MONTH = '2026-01';
export const AS_OF = '2026-03-01';
export const employerExternalId = (k: number) => `5${String(k).padStart(12, '0')}`;
export const personId = (i: number) => `1${String(i).padStart(13, '0')}`;
export const unregisteredPersonId = (i: number) => `2${String(i).padStart(13, '0')}`;
/** The contract's monthly wage, in fils (SQL in the setup uses the same formula). */
export const monthlyOf = (i: number) => 100000 + (i % 50) * 1000;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Employer sizes summing to n: 96% pay 1-20 workers, 3.7% 20-500, 0.3% 500-5,000 (log-uniform). */
export function employerSizes(n: number): number[] {
  const r = rng(42);
  const sizes: number[] = [];
  let left = n;
  const logUniform = (a: number, b: number) => Math.floor(Math.exp(Math.log(a) + r() * (Math.log(b) - Math.log(a))));
  while (left > 0) {
    const u = r();
    const size = u < 0.96 ? 1 + Math.floor(r() * 20) : u < 0.997 ? logUniform(20, 500) : logUniform(500, 5000);
    sizes.push(Math.min(size, left));
    left -= size;
  }
  return sizes;
}

export interface Generated { dir: string; csv: string; files: string[]; records: number; employers: number }

export function generateMonth(dir: string, n: number): Generated {
  const r = rng(7);
  const sizes = employerSizes(n);
  mkdirSync(join(dir, 'files'), { recursive: true });
  const csv = join(dir, 'records.csv');
  const out = openSync(csv, 'w');
  const chunks: string[] = [];
  const files: string[] = [];
  let records = 0;
  let first = 0;
  const day = (d: number) => `2026-02-${String(d).padStart(2, '0')}`;
  const record = (person: string, fixedMinor: number, variableMinor: number, leave = 0): UaeSifRecordInput => ({
    personId: person, agentRoutingCode: '999100001', account: 'AE879990000000000000001', payStart: `${MONTH}-01`, payEnd: `${MONTH}-31`,
    daysPaid: 31, fixedMinor, variableMinor, unpaidLeaveDays: leave,
  });
  const write = (k: number, createdOn: string, hhmmss: string, recs: UaeSifRecordInput[]) => {
    const employerId = employerExternalId(k);
    const name = join(dir, 'files', uaeSifFileName(employerId, createdOn, hhmmss));
    writeFileSync(name, writeUaeSif({ employerId, employerBankCode: '999100001', fileCreatedOn: createdOn, fileCreatedAt: hhmmss.slice(0, 4), salaryMonth: MONTH, records: recs }));
    files.push(name);
    for (const x of recs) chunks.push(`${employerId},${x.personId},${createdOn},${x.fixedMinor + x.variableMinor},${x.unpaidLeaveDays}\n`);
    records += recs.length;
    if (chunks.length > 10000) writeSync(out, chunks.splice(0).join(''));
  };
  sizes.forEach((size, k) => {
    const late = r() < 0.05; // the whole file after the deadline (2026-02-15)
    const createdOn = late ? day(20 + Math.floor(r() * 8)) : day(1 + Math.floor(r() * 9));
    const main: UaeSifRecordInput[] = [];
    const topUps: UaeSifRecordInput[] = [];
    for (let i = first; i < first + size; i++) {
      const u = r();
      if (u < 0.02) continue; // missing: unpaid
      const monthly = monthlyOf(i);
      if (u < 0.05) main.push(record(personId(i), Math.floor(monthly * 0.8), 0)); // underpaid
      else main.push(record(personId(i), monthly - 20000, 20000));
      if (u > 0.995) topUps.push(record(personId(i), 0, 5000)); // a supplementary payment
    }
    if (r() < 0.01 || main.length === 0) main.push(record(unregisteredPersonId(k), 150000, 0)); // employment outside the registry
    write(k, createdOn, '093000', main);
    if (r() < 0.15) {
      if (topUps.length === 0) topUps.push(record(personId(first), 0, 1000));
      write(k, day(12), '100000', topUps);
    }
    first += size;
  });
  writeSync(out, chunks.join(''));
  closeSync(out);
  writeFileSync(join(dir, 'sizes.json'), JSON.stringify(sizes));
  return { dir, csv, files, records, employers: sizes.length };
}
