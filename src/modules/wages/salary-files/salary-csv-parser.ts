import type { FileProblemCode } from './problem-codes.js';
import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { formatMinor, parseAmount } from './amount.js';
import { DEFAULT_PROBLEM_LIMIT, Problems } from './problems.js';
import type { SalaryFileContent, SalaryRecord } from './salary-file.js';
import { FILE_COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, checkCsvRow, type CsvColumn, type CsvRow } from './salary-csv-columns.js';

export interface SalaryCsvOptions {
  maxProblems?: number;
}

const KNOWN: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
export const CSV_MAX_RECORD = 16_384;
const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed (a " without its closing ")',
  CSV_MAX_RECORD_SIZE: `the row is longer than ${CSV_MAX_RECORD} bytes`,
  CSV_INVALID_OPENING_QUOTE: 'a quote (") appears inside a cell that does not start with one',
  CSV_INVALID_CLOSING_QUOTE: 'characters follow the closing quote of a cell',
};
const COUNT_CELL = 'TOTAL row, cell 2 (number of payment rows)';
const TOTAL_CELL = 'TOTAL row, cell 3 (total of fixed_amount + variable_amount)';

/**
 * The Corridor CSV template (docs/salary-files.md): a header row naming the columns,
 * one payment per row, and a last row `TOTAL,<rows>,<sum>` as the control.
 */
export async function parseSalaryCsv(chunks: AsyncIterable<Uint8Array>, options: SalaryCsvOptions = {}): Promise<SalaryFileContent> {
  const rows = new CsvRows(new Problems(options.maxProblems ?? DEFAULT_PROBLEM_LIMIT));
  // Rows are handled in on_record, inside the parser, so they interleave correctly with
  // on_skip; nothing is passed downstream.
  const parser = Readable.from(chunks).pipe(
    parse({
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true,
      max_record_size: CSV_MAX_RECORD,
      on_record: (record: string[], context: { lines: number }) => {
        const newlines = record.reduce((sum, cell) => sum + cell.split('\n').length - 1, 0);
        rows.row(context.lines - newlines, context.lines, record);
        return null;
      },
      on_skip: (err: CsvError | undefined) => {
        rows.unreadable(err);
        return undefined;
      },
    }),
  );
  try {
    for await (const _ of parser);
  } catch (err) {
    rows.unreadable(err as CsvError);
  }
  return rows.finish();
}

class CsvRows {
  private columns?: (CsvColumn | undefined)[];
  private readonly records: SalaryRecord[] = [];
  private readonly seen = new Map<string, number>();
  private readonly fileValues: Partial<Record<(typeof FILE_COLUMNS)[number], { value: string; line: number }>> = {};
  private rowCount = 0;
  private total = 0n;
  private totalKnown = true;
  private control?: { line: number; count?: number; total?: number };
  private afterControl = 0;
  private digits?: number;
  private lastLine = 0;

  constructor(private readonly problems: Problems) {}

  unreadable(err: CsvError | undefined): void {
    // csv-parse reports where it noticed the problem (for an unclosed quote, the end of
    // the file); the row began right after the last row read.
    const noticed = typeof err?.lines === 'number' ? err.lines : this.lastLine + 1;
    const line = Math.min(noticed, this.lastLine + 1);
    this.lastLine = noticed;
    this.problems.error(line, 'row', `the row cannot be read as CSV: ${CSV_ERRORS[err?.code ?? ''] ?? err?.message ?? 'unknown reason'}`, CSV_ERRORS[err?.code ?? ''] !== undefined ? (`csv_${err!.code!.slice(4).toLowerCase()}` as FileProblemCode) : 'csv_unreadable', CSV_ERRORS[err?.code ?? ''] !== undefined ? (err?.code === 'CSV_MAX_RECORD_SIZE' ? { max: CSV_MAX_RECORD } : undefined) : { reason: err?.message ?? 'unknown reason' });
    if (this.columns !== undefined) this.totalKnown = false;
  }

  row(line: number, end: number, cells: string[]): void {
    this.lastLine = end;
    if (cells.some((c) => c.includes('\uFFFD'))) {
      this.problems.error(line, 'row', 'the row is not valid UTF-8 text; save the file as UTF-8', 'csv_not_utf8');
      return;
    }
    if (this.columns === undefined) return this.header(line, cells);
    if (this.control !== undefined) this.afterControl++;
    if (cells[0]?.trim() === 'TOTAL') return this.controlRow(line, cells);
    this.paymentRow(line, cells);
  }

  private header(line: number, cells: string[]): void {
    this.columns = cells.map((raw, i) => {
      const name = raw.trim().toLowerCase();
      if (!KNOWN.includes(name)) {
        this.problems.warn(line, raw.trim() || `column ${i + 1}`, `column ${i + 1} "${raw}" is not a template column; it is ignored`, 'csv_column_unknown', { position: i + 1, column: raw });
        return undefined;
      }
      if (cells.slice(0, i).some((c) => c.trim().toLowerCase() === name)) {
        this.problems.error(line, name, `the column ${name} appears twice; each column appears once`, 'csv_column_twice', { column: name });
        return undefined;
      }
      return name as CsvColumn;
    });
    for (const name of REQUIRED_COLUMNS) {
      if (!this.columns.includes(name)) this.problems.error(line, name, `the header row has no ${name} column; the template requires it`, 'csv_column_missing', { column: name });
    }
  }

  private paymentRow(line: number, cells: string[]): void {
    const report = this.problems.at(line);
    this.rowCount++;
    const columns = this.columns!;
    if (cells.length !== columns.length) {
      report.error('row', `the row has ${cells.length} cells; the header row has ${columns.length}`, 'csv_cell_count', { count: cells.length, expected: columns.length });
      this.totalKnown = false;
      return;
    }
    const row: CsvRow = {};
    let padded: string | undefined;
    cells.forEach((raw, i) => {
      const name = columns[i];
      if (name === undefined) return;
      const value = raw.trim();
      if (value !== raw) padded ??= name;
      row[name] = value;
    });
    if (padded !== undefined) report.warn(padded, 'spaces around the value were removed; cells should not be padded with spaces', 'cell_padded');
    const v = checkCsvRow(report, row);
    this.digits ??= v.digits;
    for (const column of FILE_COLUMNS) {
      const value = v.fileValues[column];
      if (value === undefined) continue;
      const first = this.fileValues[column];
      if (first === undefined) this.fileValues[column] = { value, line };
      else if (first.value !== value) report.error(column, `"${value}" differs from "${first.value}" on line ${first.line}; every row of a file has the same ${column}`, 'csv_value_differs', { value, first: first.value, first_line: first.line, column });
    }
    if (v.fixed !== undefined && v.variable !== undefined) this.total += BigInt(v.fixed + v.variable);
    else this.totalKnown = false;
    if (v.personId !== undefined) {
      const first = this.seen.get(v.personId);
      if (first === undefined) this.seen.set(v.personId, line);
      else report.error('person_id', `person ${v.personId} already has a row on line ${first}; a file pays each person at most once`, 'csv_person_repeated', { person: v.personId, first_line: first });
    }
    if (this.problems.hasErrors) {
      this.records.length = 0;
      return;
    }
    this.records.push({
      line,
      personId: v.personId!,
      ...(v.agentRoutingCode === undefined ? {} : { agentRoutingCode: v.agentRoutingCode }),
      account: v.account!,
      payStart: v.payStart!,
      payEnd: v.payEnd!,
      daysPaid: v.days!,
      fixedMinor: v.fixed!,
      variableMinor: v.variable!,
      deductionsMinor: 0,
      paidMinor: v.fixed! + v.variable!,
      unpaidLeaveDays: v.leave!,
    });
  }

  private controlRow(line: number, cells: string[]): void {
    const report = this.problems.at(line);
    if (this.control !== undefined) {
      report.error('TOTAL row', `a second TOTAL row (the first is on line ${this.control.line}); a file has one, as its last row`, 'csv_total_row_twice', { first_line: this.control.line });
      return;
    }
    this.control = { line };
    const [, count = '', total = '', ...rest] = cells.map((c) => c.trim());
    if (rest.some((c) => c !== '')) report.error('TOTAL row', 'the TOTAL row has values after its third cell; expected TOTAL, the number of payment rows, the total amount', 'csv_total_row_extra');
    if (/^\d{1,9}$/.test(count)) this.control.count = Number(count);
    else report.error(COUNT_CELL, `"${count}" is not a number of rows; expected a whole number`, 'csv_total_count_invalid', { value: count });
    const amount = parseAmount(total, this.digits ?? 2);
    if (amount.ok) this.control.total = amount.minor;
    else report.error(TOTAL_CELL, amount.reason, amount.code, amount.params);
  }

  finish(): SalaryFileContent {
    const p = this.problems;
    if (this.columns === undefined) p.error(0, 'file', `the file is empty; expected a header row naming the columns (${REQUIRED_COLUMNS.join(', ')})`, 'csv_empty', { columns: REQUIRED_COLUMNS.join(', ') });
    else if (this.rowCount === 0) p.error(0, 'file', 'the file has no payment row', 'csv_no_row');
    if (this.control === undefined) {
      if (this.columns !== undefined) p.error(0, 'TOTAL row', 'the file has no TOTAL row; its last row must be TOTAL, the number of payment rows, the total amount', 'csv_total_row_missing');
    } else {
      const { line, count, total } = this.control;
      if (this.afterControl > 0) p.error(line, 'TOTAL row', `the TOTAL row must be the last row, but ${this.afterControl} row(s) follow it`, 'csv_total_row_not_last', { count: this.afterControl });
      if (count !== undefined && count !== this.rowCount) p.error(line, COUNT_CELL, `states ${count} payment rows, but the file has ${this.rowCount}`, 'csv_control_count', { stated: count, count: this.rowCount });
      if (total !== undefined && this.totalKnown && BigInt(total) !== this.total) {
        p.error(line, TOTAL_CELL, `states ${formatMinor(total, this.digits)}, but fixed_amount + variable_amount add up to ${formatMinor(this.total, this.digits)}`, 'csv_control_total', { stated: formatMinor(total, this.digits), sum: formatMinor(this.total, this.digits) });
      }
    }
    p.checkExactTotal(this.total, 'payments');
    return {
      format: 'csv',
      employerId: this.fileValues.employer_id?.value ?? '',
      salaryMonth: this.fileValues.salary_month?.value ?? '',
      fileCreatedOn: this.fileValues.paid_on?.value ?? '',
      currency: this.fileValues.currency?.value ?? '',
      records: p.hasErrors ? [] : this.records,
      recordCount: this.rowCount,
      totalMinor: Number(this.total),
      controlCount: this.control?.count,
      controlTotalMinor: this.control?.total,
      ...p.outcome(),
    };
  }
}
