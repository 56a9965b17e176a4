/**
 * Wage agents report what they deducted for each loan in a month (docs/loans.md "Deductions"):
 * as JSON or as a CSV file (loan_id,month,amount_minor,currency). A report is checked whole —
 * its shape line by line, then, once staged by COPY, against the loans in one statement — and
 * stored whole or not at all. The same content again is a duplicate: acknowledged, not counted.
 */
import { createHash, randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { type Actor, isPlatform, requireScope } from '../../core/auth/actor.js';
import { AppError, type FieldProblem, forbidden } from '../../core/errors.js';
import type { Database } from '../../core/db/database.js';
import { parseOrThrow } from '../../core/validation.js';
import { recordEvent } from '../audit/record-event.js';
import { DeductionLine, type DeductionReport, ReportDeductionsRequest } from './loan.schema.js';
import { loansInView } from './loan-views.js';

export const CSV_COLUMNS = ['loan_id', 'month', 'amount_minor', 'currency'] as const;
const MAX_LISTED = 100;

interface Line { line: number; loan_id: string; month: string; amount_minor: number; currency: string }

export type DeductionInput = { kind: 'json'; body: unknown; via?: 'api' | 'cli' } | { kind: 'csv'; bytes: Buffer; via?: 'csv' | 'cli' };

/** CSV bytes into lines, or every problem by line and field (line 1 is the header). */
export function parseDeductionCsv(bytes: Buffer): { lines: Line[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  let records: { info: { lines: number }; record: Record<string, string> }[];
  try {
    records = parse(bytes, { columns: true, skip_empty_lines: true, trim: true, bom: true, info: true, relax_column_count: false });
  } catch (e) {
    const err = e as { lines?: number; message: string };
    return { lines: [], problems: [{ line: err.lines ?? 0, message: err.message }] };
  }
  const header = Object.keys(records[0]?.record ?? {});
  if (records.length === 0) return { lines: [], problems: [{ line: 1, message: `no deductions: expected the header ${CSV_COLUMNS.join(',')} and at least one line` }] };
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  const extra = header.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  if (missing.length || extra.length)
    return { lines: [], problems: [{ line: 1, message: `the header must be ${CSV_COLUMNS.join(',')}${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; unknown ${extra.join(', ')}` : ''}` }] };
  const lines: Line[] = [];
  for (const { info, record } of records) {
    const line = info.lines;
    const amount = /^\d{1,15}$/.test(record.amount_minor ?? '') ? Number(record.amount_minor) : record.amount_minor;
    const r = DeductionLine.safeParse({ ...record, amount_minor: amount });
    if (r.success) lines.push({ line, ...r.data });
    else for (const issue of r.error.issues) problems.push({ line, field: String(issue.path[0] ?? ''), message: typeof amount === 'string' && issue.path[0] === 'amount_minor' ? 'must be a whole number of minor units, e.g. 18294' : issue.message });
  }
  return { lines, problems };
}

const jsonProblem = (p: FieldProblem, kind: 'json' | 'csv'): FieldProblem =>
  kind === 'json' ? { pointer: `/deductions/${p.line! - 1}/${p.field}`, message: p.message } : p;

export async function reportDeductions(database: Database, actor: Actor, input: DeductionInput): Promise<{ report: DeductionReport; created: boolean }> {
  requireScope(actor, 'loans:deduct');
  if (!isPlatform(actor) && actor.organisationKind !== 'wage_agent') throw forbidden('Only a wage agent reports loan deductions');
  let lines: Line[];
  let sha256: string;
  if (input.kind === 'json') {
    const req = parseOrThrow(ReportDeductionsRequest, input.body, 'deduction report');
    lines = req.deductions.map((d, i) => ({ line: i + 1, ...d }));
    sha256 = createHash('sha256').update(canonicalize(req) ?? '').digest('hex');
  } else {
    const parsed = parseDeductionCsv(input.bytes);
    if (parsed.problems.length)
      throw new AppError('validation_failed', `The deduction file is not valid: ${parsed.problems.length} problem(s)`, parsed.problems.slice(0, MAX_LISTED), { problem_count: parsed.problems.length });
    lines = parsed.lines;
    sha256 = createHash('sha256').update(input.bytes).digest('hex');
  }
  const via = input.via ?? (input.kind === 'json' ? 'api' : 'csv');
  const agentId = isPlatform(actor) ? null : actor.organisationId!;
  const total = lines.reduce((a, l) => a + l.amount_minor, 0);

  return database.session((s) =>
    s.db.transaction().execute(async (trx) => {
      const earlier = await trx.selectFrom('loan_deduction_reports').selectAll().where('sha256', '=', sha256).where('status', '=', 'accepted').executeTakeFirst();
      if (earlier) {
        const dup = await trx
          .insertInto('loan_deduction_reports')
          .values({ sha256, agent_id: agentId, via, status: 'duplicate', duplicate_of: earlier.id, lines: lines.length, total_minor: total })
          .returningAll()
          .executeTakeFirstOrThrow();
        return { report: toReport(dup), created: false };
      }
      await sql`CREATE TEMP TABLE loan_deduction_staging (line integer, loan_id uuid, month date, amount_minor bigint, currency char(3)) ON COMMIT DROP`.execute(trx);
      await s.copyInto('loan_deduction_staging', ['line', 'loan_id', 'month', 'amount_minor', 'currency'], (function* () {
        for (const l of lines) yield [l.line, l.loan_id, `${l.month}-01`, l.amount_minor, l.currency];
      })());
      // Every line against the loans, in one statement: the loan in the reporter's view, its currency, each loan and month once.
      const { rows: bad } = await sql<{ line: number; field: string; message: string; n: number }>`
        WITH checked AS (
          SELECT s.line,
                 CASE WHEN l.id IS NULL THEN 'loan_id'
                      WHEN l.currency <> s.currency THEN 'currency'
                      WHEN count(*) OVER (PARTITION BY s.loan_id, s.month) > 1 THEN 'month'
                      WHEN d.loan_id IS NOT NULL OR r.loan_id IS NOT NULL THEN 'month'
                      WHEN s.month < date_trunc('month', l.disbursed_on)::date THEN 'month' END AS field,
                 CASE WHEN l.id IS NULL THEN 'no disbursed loan of an employer that mandated you has this id'
                      WHEN l.currency <> s.currency THEN 'must be the loan''s currency ' || l.currency
                      WHEN count(*) OVER (PARTITION BY s.loan_id, s.month) > 1 THEN 'the same loan and month twice in this report'
                      WHEN d.loan_id IS NOT NULL THEN 'already reported for this loan and month'
                      WHEN r.loan_id IS NOT NULL THEN 'this loan''s month was already matched'
                      WHEN s.month < date_trunc('month', l.disbursed_on)::date THEN 'before the loan was disbursed' END AS message
          FROM loan_deduction_staging s
          LEFT JOIN loans l ON l.id = s.loan_id AND l.status = 'disbursed' AND ${loansInView(actor)}
          LEFT JOIN loan_deductions d ON d.loan_id = s.loan_id AND d.month = s.month
          LEFT JOIN loan_repayments r ON r.loan_id = s.loan_id AND r.month = s.month
        )
        SELECT line, field, message, count(*) OVER ()::int AS n FROM checked WHERE field IS NOT NULL ORDER BY line LIMIT ${MAX_LISTED}`.execute(trx);
      if (bad.length)
        throw new AppError(
          'validation_failed',
          `The deduction report is not valid: ${bad[0]!.n} problem(s); nothing was stored`,
          bad.map((b) => jsonProblem({ line: b.line, field: b.field, message: b.message }, input.kind)),
          { problem_count: bad[0]!.n },
        );
      const id = randomUUID();
      const report = await trx
        .insertInto('loan_deduction_reports')
        .values({ id, sha256, agent_id: agentId, via, status: 'accepted', duplicate_of: null, lines: lines.length, total_minor: total })
        .returningAll()
        .executeTakeFirstOrThrow();
      await sql`
        INSERT INTO loan_deductions (loan_id, month, report_id, line, employer_id, currency, amount_minor)
        SELECT s.loan_id, s.month, ${id}, s.line, l.employer_id, s.currency, s.amount_minor
        FROM loan_deduction_staging s JOIN loans l ON l.id = s.loan_id`.execute(trx);
      await recordEvent(trx, actor, {
        action: 'loans.deductions.reported', subjectType: 'loan_deduction_report', subjectId: id,
        details: { lines: lines.length, total_minor: total, via },
      });
      return { report: toReport(report), created: true };
    }),
  );
}

function toReport(r: { id: string; status: 'accepted' | 'duplicate'; duplicate_of: string | null; lines: number; total_minor: number; received_at: Date }): DeductionReport {
  return { id: r.id, status: r.status, duplicate_of: r.duplicate_of, lines: r.lines, total_minor: r.total_minor, received_at: r.received_at.toISOString() };
}
