import assert from 'node:assert/strict';
import { createReadStream, readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { parseSalaryFile } from './parse-salary-file.js';
import { FILE_PROBLEM_PARAMS } from './problem-codes.js';
import type { FileProblem, UaeProfile } from './salary-file.js';
import { SAMPLES } from './test-support.js';

/**
 * Every salary-file problem carries a code (the web catalogs word `wages.file_problem.<code>` in the
 * agent's language) and the values its English message interpolates. A code always stands for one
 * wording: with its parameters (and the numbers) masked, every message of a code reads the same.
 */

const sampleNames = readdirSync(SAMPLES).filter((n) => n !== 'README.md');

const fromText = (name: string, text: string) => parseSalaryFile(Readable.from([Buffer.from(text, 'utf8')]), { fileName: name });

/** A few broken files beside the planted-defect samples, so the CSV and file-level problems are met too. */
const BROKEN: [string, string][] = [
  ['pay.csv', 'employer_id,salary_month,currency,person_id,agent_routing_code,account,pay_start,pay_end,days_paid,fixed_amount,variable_amount,unpaid_leave_days,extra\n'
    + 'E-1,2025-13,AED,P1,,AE000,2025-05-31,2025-05-01,40,12.345,,9,x\n'
    + 'E-2,2025-05,AED,P1,,,2025-05-01,2025-05-31,31,100,0,0\n'
    + 'TOTAL,x,1\n'],
  ['empty.csv', ''],
  ['nothing.txt', 'hello world\n'],
  ['0000009990001250601093000.SIF', 'EDR,1,2\nXYZ,1\n\n\nSCR,1\n'],
];

async function allProblems(): Promise<{ file: string; kind: string; p: FileProblem }[]> {
  const found: { file: string; kind: string; p: FileProblem }[] = [];
  const profiles: UaeProfile[][] = [[], ['evp'], ['lenient-id']];
  for (const name of sampleNames)
    for (const set of profiles) {
      const r = await parseSalaryFile(createReadStream(`${SAMPLES}/${name}`), { fileName: name, profiles: set });
      for (const p of r.errors) found.push({ file: name, kind: 'error', p });
      for (const p of r.warnings) found.push({ file: name, kind: 'warning', p });
    }
  for (const [name, text] of BROKEN) {
    const r = await fromText(name, text);
    for (const p of r.errors) found.push({ file: name, kind: 'error', p });
    for (const p of r.warnings) found.push({ file: name, kind: 'warning', p });
  }
  return found;
}

/** The message with each parameter's text replaced by {name} (longest first), then every number by #. */
export function wordingPattern(p: FileProblem): string {
  let text = p.message.replace('the empty value', '""');
  const params = Object.entries(p.params ?? {})
    .filter(([, v]) => typeof v !== 'object')
    .map(([k, v]) => [k, String(v)] as const)
    .filter(([, v]) => v.length > 0)
    .sort((a, b) => b[1].length - a[1].length);
  for (const [k, v] of params) text = text.split(v).join(`{${k}}`);
  for (const [k, v] of Object.entries(p.params ?? {})) if (v === '') text = text.replace('""', `"{${k}}"`);
  return text.replace(/\d+/g, '#');
}

describe('salary-file problems carry a code and their values', () => {
  it('every problem reported on the samples has a code, and each code one wording', async () => {
    const found = await allProblems();
    assert.ok(found.length >= 20, `${found.length} problems found`);
    const patterns = new Map<string, Set<string>>();
    for (const { file, kind, p } of found) {
      assert.match(p.code ?? '', /^[a-z0-9_]+$/, `${file} ${kind} line ${p.line} ${p.field}: "${p.message}" has a code`);
      const declared: readonly string[] | undefined = FILE_PROBLEM_PARAMS[p.code as keyof typeof FILE_PROBLEM_PARAMS];
      assert.ok(declared, `${p.code} is in FILE_PROBLEM_PARAMS (problem-codes.ts)`);
      assert.deepEqual(Object.keys(p.params ?? {}).sort(), [...declared].sort(), `${p.code}: the parameters sent are the ones declared`);
      for (const [key, value] of Object.entries(p.params ?? {})) {
        assert.match(key, /^[a-z_]+$/, `${p.code}: parameter ${key}`);
        if (typeof value === 'object') assert.ok(Number.isSafeInteger(value.amount_minor) && /^[A-Z]{3}$/.test(value.currency), `${p.code}: ${key} is money`);
        else assert.ok(typeof value === 'string' || Number.isFinite(value), `${p.code}: ${key} is a text or a number`);
      }
      const set = patterns.get(p.code!) ?? new Set();
      set.add(`${wordingPattern(p)} [${Object.keys(p.params ?? {}).sort().join(',')}]`);
      patterns.set(p.code!, set);
    }
    for (const [code, set] of patterns) assert.equal(set.size, 1, `${code} has one wording: ${[...set].join(' | ')}`);
    assert.ok(patterns.size >= 15, `${patterns.size} distinct codes met: ${[...patterns.keys()].join(', ')}`);
  });

  it('a valid line allocates no problem: the valid sample has none', async () => {
    const r = await parseSalaryFile(createReadStream(`${SAMPLES}/0000009990001250601093000.SIF`), { fileName: '0000009990001250601093000.SIF' });
    assert.deepEqual([r.errors, r.warnings], [[], []]);
  });
});
