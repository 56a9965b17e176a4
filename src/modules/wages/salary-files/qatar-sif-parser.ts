import { formatMinor } from './amount.js';
import { daysInMonth } from './calendar.js';
import { readQatarSifFileName } from './file-name.js';
import { LineChecks } from './line-checks.js';
import type { TextLine } from './line-splitter.js';
import { DEFAULT_PROBLEM_LIMIT, Problems, type LineReport } from './problems.js';
import { BASE_RECORD_COLUMNS, HEADER_TITLES, RECORD_TITLES, headerField, recordField, titleMatches } from './qatar-sif-fields.js';
import { checkQatarHeader, checkQatarRecord, type QatarHeader } from './qatar-sif-records.js';
import type { SalaryFileContent, SalaryRecord } from './salary-file.js';

export interface QatarSifOptions {
  fileName?: string;
  maxProblems?: number;
}

export const QATAR_MAX_LINE = 4096;

/**
 * Qatar SIF (FORMAT.md section 2), one line at a time: header titles, header values,
 * record titles, then one record per line. [C] and [S] rules are errors, [U] warnings.
 */
export class QatarSifParser {
  private readonly problems: Problems;
  private readonly lines: LineChecks;
  private readonly records: SalaryRecord[] = [];
  private readonly seen = new Map<string, number>();
  private headerColumns = 10;
  private recordColumns = BASE_RECORD_COLUMNS;
  private header?: { line: number; values: QatarHeader };
  private recordCount = 0;
  private total = 0n;
  private totalKnown = true;

  constructor(private readonly options: QatarSifOptions = {}) {
    this.problems = new Problems(options.maxProblems ?? DEFAULT_PROBLEM_LIMIT);
    const role = () => this.lines.recordLines;
    this.lines = new LineChecks(this.problems, 'a Qatar SIF', QATAR_MAX_LINE, (_f, i) =>
      role() === 2 ? headerField(i + 1) : role() >= 4 ? recordField(i + 1) : `${role() === 1 ? 'header' : 'record'} title ${i + 1}`,
    );
  }

  line(line: TextLine): void {
    const fields = this.lines.fields(line, false);
    if (fields === undefined) return;
    const role = this.lines.recordLines;
    const report = this.problems.at(line.number);
    if (role >= 4) this.recordCount++;
    if (fields === null) {
      if (role >= 4) this.totalKnown = false;
      return;
    }
    if (role === 1) this.headerColumns = checkTitles(report, fields, HEADER_TITLES, 10, 'header');
    else if (role === 2) this.headerLine(line.number, fields, report);
    else if (role === 3) this.recordColumns = checkTitles(report, fields, RECORD_TITLES, BASE_RECORD_COLUMNS, 'record');
    else this.recordLine(line.number, fields, report);
  }

  finish(): SalaryFileContent {
    this.lines.finish();
    const p = this.problems;
    if (this.lines.recordLines < 3) p.error(0, 'file', `the file has ${this.lines.recordLines} of the 3 lines that come before the records (header titles, header values, record titles)`, 'qatar_lines_missing', { count: this.lines.recordLines });
    else if (this.recordCount === 0) p.error(0, 'file', 'the file has no salary record; records start on line 4', 'qatar_no_record');
    const h = this.header?.values ?? {};
    if (this.header !== undefined) {
      const line = this.header.line;
      if (h.total !== undefined && this.totalKnown && BigInt(h.total) !== this.total) {
        p.error(line, headerField(9), `states ${formatMinor(h.total)}, but the net salaries add up to ${formatMinor(this.total)}`, 'qatar_control_total', { stated: { amount_minor: Number(h.total), currency: 'QAR' }, sum: { amount_minor: Number(this.total), currency: 'QAR' } });
      }
      if (h.count !== undefined && h.count !== this.recordCount) p.error(line, headerField(10), `states ${h.count} records, but the file has ${this.recordCount}`, 'qatar_control_count', { stated: h.count, count: this.recordCount });
    }
    p.checkExactTotal(this.total, 'salaries');
    if (this.options.fileName !== undefined) this.checkFileName(this.options.fileName, h);
    return {
      format: 'qatar-sif',
      employerId: h.employerId ?? '',
      employerBankCode: h.payerBank,
      salaryMonth: h.salaryMonth ?? '',
      fileCreatedOn: h.createdOn ?? '',
      currency: 'QAR',
      records: p.hasErrors ? [] : this.records,
      recordCount: this.recordCount,
      totalMinor: Number(this.total),
      controlCount: h.count,
      controlTotalMinor: h.total,
      ...p.outcome(),
    };
  }

  private headerLine(n: number, fields: string[], report: LineReport): void {
    if (fields.length !== this.headerColumns) {
      report.error('header (whole line)', `the line has ${fields.length} fields; the header titles announce ${this.headerColumns}`, 'qatar_header_fields', { count: fields.length, expected: this.headerColumns });
      this.header = { line: n, values: {} };
      return;
    }
    this.header = { line: n, values: checkQatarHeader(report, fields) };
  }

  private recordLine(n: number, fields: string[], report: LineReport): void {
    if (fields.length !== this.recordColumns) {
      report.error('record (whole line)', `the line has ${fields.length} fields; the record titles announce ${this.recordColumns}`, 'qatar_record_fields', { count: fields.length, expected: this.recordColumns });
      this.totalKnown = false;
      return;
    }
    const v = checkQatarRecord(report, fields, this.recordCount);
    if (v.net === undefined) this.totalKnown = false;
    else this.total += BigInt(v.net);
    const personId = v.qid ?? v.visaId;
    if (personId !== undefined) {
      const first = this.seen.get(personId);
      if (first === undefined) this.seen.set(personId, n);
      else report.warn(v.qid ? recordField(2) : recordField(3), `employee ${personId} already has a record on line ${first}; an employee is expected once per file`, 'qatar_employee_repeated', { employee: personId, first_line: first });
    }
    const month = this.header?.values.salaryMonth;
    if (this.problems.hasErrors || month === undefined) {
      this.records.length = 0;
      return;
    }
    this.records.push({
      line: n,
      personId: personId!,
      agentRoutingCode: v.bank!,
      account: v.account!,
      payStart: `${month}-01`,
      payEnd: `${month}-${daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5))).toString()}`,
      daysPaid: v.days!,
      fixedMinor: v.basic!,
      variableMinor: v.extraIncome!,
      deductionsMinor: v.deductions!,
      paidMinor: v.net!,
      unpaidLeaveDays: 0,
      qatar: {
        ...(v.qid === undefined ? {} : { qid: v.qid }),
        ...(v.visaId === undefined ? {} : { visaId: v.visaId }),
        name: v.name!,
        bankShortName: v.bank!,
        salaryFrequency: v.frequency!,
        extraHoursHundredths: v.extraHours!,
        paymentType: fields[13]!,
        notes: fields[14]!,
      },
    });
  }

  private checkFileName(fileName: string, h: QatarHeader): void {
    const name = readQatarSifFileName(fileName);
    if ('message' in name) return this.problems.error(0, 'file name', name.message, name.code, name.params);
    if (h.employerId !== undefined && name.employerId !== h.employerId) {
      this.problems.warn(0, 'file name', `the name gives employer ${name.employerId}, but header field 1 gives ${h.employerId}`, 'file_name_employer', { name_value: name.employerId, stated: h.employerId, where: 'header field 1' });
    }
    if (h.createdOn !== undefined && name.createdOn !== h.createdOn) {
      this.problems.warn(0, 'file name', `the name gives creation date ${name.createdOn}, but header field 2 gives ${h.createdOn}`, 'file_name_date', { name_value: name.createdOn, stated: h.createdOn, where: 'header field 2' });
    }
  }
}

/** Checks a title line; returns how many columns the following lines must have. */
function checkTitles(report: LineReport, fields: string[], titles: readonly (readonly string[])[], required: number, what: string): number {
  if (fields.length < required) {
    report.error(`${what} titles (whole line)`, `the line has ${fields.length} titles; expected at least ${required}: ${titles.slice(0, required).map((t) => t[0]).join(', ')}`, 'qatar_titles_missing', { count: fields.length, required, titles: titles.slice(0, required).map((t) => t[0]).join(', ') });
    return required;
  }
  fields.forEach((text, i) => {
    const accepted = titles[i];
    if (accepted === undefined) report.warn(`${what} title ${i + 1}`, `the column "${text}" is not one this parser knows; its values are not checked`, 'qatar_title_unknown', { title: text });
    else if (!titleMatches(text, accepted)) {
      const problem = `"${text}" is not the expected title "${accepted[0]}"`;
      if (i < required) report.error(`${what} title ${i + 1}`, problem, 'qatar_title_wrong', { title: text, expected: accepted[0]! });
      else report.warn(`${what} title ${i + 1}`, `${problem}; the column's values are checked as if it were`, 'qatar_title_wrong_checked', { title: text, expected: accepted[0]! });
    }
  });
  return fields.length;
}
