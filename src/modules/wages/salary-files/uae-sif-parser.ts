import type { FileProblemCode } from './problem-codes.js';
import { formatMinor } from './amount.js';
import { readUaeSifFileName } from './file-name.js';
import { LineChecks } from './line-checks.js';
import type { TextLine } from './line-splitter.js';
import { DEFAULT_PROBLEM_LIMIT, Problems, type LineReport, type Params } from './problems.js';
import type { SalaryFileContent, SalaryRecord, UaeProfile } from './salary-file.js';
import { RECORD_TYPE_FIELD, uaeField } from './uae-sif-fields.js';
import { checkEdr, checkEvp, checkScr, type ScrValues } from './uae-sif-records.js';

export interface UaeSifOptions {
  fileName?: string;
  profiles?: readonly UaeProfile[];
  maxProblems?: number;
}

/** The EDR an EVP line may still attach to: only the record line just before it. */
interface OpenEdr {
  line: number;
  personId?: string;
  routing?: string;
  variable?: number;
  record?: SalaryRecord;
  evpSeen: boolean;
}

/** The longest valid line is about 170 characters; anything far longer is not a SIF. */
export const UAE_MAX_LINE = 1024;

/**
 * UAE SIF (FORMAT.md section 1), one line at a time: call `line` for each line in
 * order, then `finish`. [C] rules are errors, [U] rules warnings.
 */
export class UaeSifParser {
  private readonly problems: Problems;
  private readonly lines: LineChecks;
  private readonly evp: boolean;
  private readonly lenientId: boolean;
  private readonly records: SalaryRecord[] = [];
  private readonly seen = new Map<string, number>();
  private edrCount = 0;
  private total = 0n;
  private totalKnown = true;
  private scr?: { line: number; values: ScrValues };
  private scrCount = 0;
  private afterScr = 0;
  private firstAfterScr = 0;
  private openEdr?: OpenEdr;

  constructor(private readonly options: UaeSifOptions = {}) {
    this.problems = new Problems(options.maxProblems ?? DEFAULT_PROBLEM_LIMIT);
    this.lines = new LineChecks(this.problems, 'a SIF', UAE_MAX_LINE, nameUaeField);
    this.evp = options.profiles?.includes('evp') ?? false;
    this.lenientId = options.profiles?.includes('lenient-id') ?? false;
  }

  line(line: TextLine): void {
    const fields = this.lines.fields(line, true);
    if (fields === undefined) return;
    const n = line.number;
    if (this.scrCount > 0 && this.afterScr++ === 0) this.firstAfterScr = n;
    const report = this.problems.at(n);
    if (fields === null) {
      this.closeEdr();
      // An overlong EDR still counts as one, so the SCR count is not reported as wrong too.
      if (line.text.startsWith('EDR,')) {
        this.edrCount++;
        this.totalKnown = false;
      }
      return;
    }
    if (fields[0] === 'EVP') return this.evpLine(n, fields, report);
    this.closeEdr();
    if (fields[0] === 'EDR') this.edrLine(n, fields, report);
    else if (fields[0] === 'SCR') this.scrLine(n, fields, report);
    else report.error(RECORD_TYPE_FIELD, unknownType(fields[0]!, this.evp), ...unknownTypeCode(fields[0]!, this.evp));
  }

  finish(): SalaryFileContent {
    this.closeEdr();
    this.lines.finish();
    const p = this.problems;
    if (this.lines.recordLines === 0) p.error(0, 'file', 'the file is empty; a SIF has EDR lines and one SCR as its last line', 'uae_empty');
    else {
      if (this.edrCount === 0) p.error(0, 'file', 'the file has no EDR line; a SIF pays at least one employee', 'uae_no_edr');
      if (this.scr === undefined) p.error(0, 'SCR', 'the file has no SCR (salary control record); its last line must be one', 'uae_no_scr');
    }
    const scr = this.scr?.values ?? {};
    if (this.scr !== undefined) this.checkControls(this.scr.line, scr);
    p.checkExactTotal(this.total, 'salaries');
    if (this.options.fileName !== undefined) this.checkFileName(this.options.fileName, scr);
    if (scr.salaryMonth !== undefined && !p.hasErrors) this.checkPeriods(scr.salaryMonth);
    return {
      format: 'uae-sif',
      employerId: scr.employerId ?? '',
      employerBankCode: scr.bankRouting,
      salaryMonth: scr.salaryMonth ?? '',
      fileCreatedOn: scr.createdOn ?? '',
      currency: 'AED',
      records: p.hasErrors ? [] : this.records,
      recordCount: this.edrCount,
      totalMinor: Number(this.total),
      controlCount: scr.count,
      controlTotalMinor: scr.total,
      ...p.outcome(),
    };
  }

  private edrLine(n: number, fields: string[], report: LineReport): void {
    this.edrCount++;
    if (fields.length !== 10) {
      report.error('EDR (whole line)', `the line has ${fields.length} fields; an EDR has exactly 10, separated by commas`, 'uae_edr_fields', { count: fields.length });
      this.totalKnown = false;
      this.openEdr = { line: n, evpSeen: false };
      return;
    }
    const v = checkEdr(report, fields, this.lenientId);
    if (v.fixed !== undefined && v.variable !== undefined) this.total += BigInt(v.fixed + v.variable);
    else this.totalKnown = false;
    if (v.personId !== undefined) {
      const first = this.seen.get(v.personId);
      if (first === undefined) this.seen.set(v.personId, n);
      else report.error(uaeField('EDR', 2), `employee ${v.personId} already has an EDR on line ${first}; a file holds at most one EDR per employee`, 'uae_employee_repeated', { employee: v.personId, first_line: first });
    }
    let record: SalaryRecord | undefined;
    if (!this.problems.hasErrors) {
      record = {
        line: n,
        personId: v.personId!,
        agentRoutingCode: v.routing!,
        account: v.account!,
        payStart: v.payStart!,
        payEnd: v.payEnd!,
        daysPaid: v.days!,
        fixedMinor: v.fixed!,
        variableMinor: v.variable!,
        deductionsMinor: 0,
        paidMinor: v.fixed! + v.variable!,
        unpaidLeaveDays: v.leave!,
      };
      this.records.push(record);
    } else this.records.length = 0;
    this.openEdr = { line: n, personId: v.personId, routing: v.routing, variable: v.variable, record, evpSeen: false };
  }

  private evpLine(n: number, fields: string[], report: LineReport): void {
    if (!this.evp) {
      report.error(uaeField('EVP', 1), 'EVP is a bank variation that the strict CBUAE profile does not accept (only EDR and SCR lines); use the "evp" profile for banks that take EVP lines', 'uae_evp_not_allowed');
      return;
    }
    const edr = this.openEdr;
    if (edr === undefined || edr.evpSeen) {
      report.error(uaeField('EVP', 1), edr ? `a second EVP for the EDR on line ${edr.line}; an EDR has at most one EVP` : 'an EVP line must come directly after the EDR it belongs to', ...((edr ? ['uae_evp_second', { edr_line: edr.line }] : ['uae_evp_without_edr', undefined]) as [FileProblemCode, Params | undefined]));
    }
    if (fields.length !== 10) {
      report.error('EVP (whole line)', `the line has ${fields.length} fields; an EVP has exactly 10, separated by commas`, 'uae_evp_fields', { count: fields.length });
      if (edr) edr.evpSeen = true;
      return;
    }
    const v = checkEvp(report, fields, this.lenientId);
    if (edr === undefined || edr.evpSeen) return;
    edr.evpSeen = true;
    if (v.personId !== undefined && edr.personId !== undefined && v.personId !== edr.personId) {
      report.error(uaeField('EVP', 2), `employee ${v.personId} differs from ${edr.personId} on the EDR of line ${edr.line}; an EVP repeats its EDR's employee`, 'uae_evp_employee', { employee: v.personId, edr_employee: edr.personId, edr_line: edr.line });
    }
    if (v.routing !== undefined && edr.routing !== undefined && v.routing !== edr.routing) {
      report.error(uaeField('EVP', 3), `routing code ${v.routing} differs from ${edr.routing} on the EDR of line ${edr.line}; an EVP repeats its EDR's routing code`, 'uae_evp_routing', { routing: v.routing, edr_routing: edr.routing, edr_line: edr.line });
    }
    if (v.amounts === undefined || edr.variable === undefined) return;
    const sum = v.amounts.reduce((a, b) => a + b, 0);
    if (sum !== edr.variable) {
      report.error('EVP fields 4-10 (allowances)', `the allowances add up to ${formatMinor(sum)}, but the EDR on line ${edr.line} has a variable component of ${formatMinor(edr.variable)}; they must be equal`, 'uae_evp_sum', { sum: { amount_minor: Number(sum), currency: 'AED' }, edr_line: edr.line, variable: { amount_minor: Number(edr.variable), currency: 'AED' } });
    } else if (edr.record) {
      const [housingMinor, conveyanceMinor, medicalMinor, annualPassageMinor, overtimeMinor, otherMinor, leaveEncashmentMinor] = v.amounts as [number, number, number, number, number, number, number];
      edr.record.variablePay = { housingMinor, conveyanceMinor, medicalMinor, annualPassageMinor, overtimeMinor, otherMinor, leaveEncashmentMinor };
    }
  }

  private scrLine(n: number, fields: string[], report: LineReport): void {
    if (++this.scrCount > 1) {
      report.error(uaeField('SCR', 1), `a second SCR (the first is on line ${this.scr?.line}); a file has exactly one SCR, as its last line`, 'uae_scr_twice', { first_line: this.scr?.line ?? 0 });
    }
    let values: ScrValues = {};
    if (fields.length === 9 || fields.length === 10) values = checkScr(report, fields);
    else report.error('SCR (whole line)', `the line has ${fields.length} fields; an SCR has 10, separated by commas (the last, the employer reference, may be empty)`, 'uae_scr_fields', { count: fields.length });
    if (this.scr === undefined) this.scr = { line: n, values };
  }

  /** An EDR with variable pay needs its EVP by the time the next record line arrives. */
  private closeEdr(): void {
    const edr = this.openEdr;
    this.openEdr = undefined;
    if (this.evp && edr !== undefined && !edr.evpSeen && edr.variable !== undefined && edr.variable > 0) {
      this.problems.error(edr.line, uaeField('EDR', 9), `the variable component is ${formatMinor(edr.variable)}, so the "evp" profile requires an EVP line directly after this EDR that breaks it down`, 'uae_evp_missing', { variable: { amount_minor: Number(edr.variable), currency: 'AED' } });
    }
  }

  private checkControls(line: number, scr: ScrValues): void {
    const p = this.problems;
    if (this.afterScr > 0) {
      p.error(line, uaeField('SCR', 1), `the SCR must be the last line, but ${this.afterScr} line(s) follow it, from line ${this.firstAfterScr}`, 'uae_scr_not_last', { count: this.afterScr, from_line: this.firstAfterScr });
    }
    if (scr.count !== undefined && scr.count !== this.edrCount) {
      p.error(line, uaeField('SCR', 7), `states ${scr.count} EDRs, but the file has ${this.edrCount} EDR lines (EVP lines are not counted)`, 'uae_control_count', { stated: scr.count, count: this.edrCount });
    }
    if (scr.total !== undefined && this.totalKnown && BigInt(scr.total) !== this.total) {
      p.error(line, uaeField('SCR', 8), `states ${formatMinor(scr.total)}, but the EDR fixed + variable amounts add up to ${formatMinor(this.total)}`, 'uae_control_total', { stated: { amount_minor: Number(scr.total), currency: 'AED' }, sum: { amount_minor: Number(this.total), currency: 'AED' } });
    }
  }

  private checkFileName(fileName: string, scr: ScrValues): void {
    const name = readUaeSifFileName(fileName);
    if ('message' in name) return this.problems.error(0, 'file name', name.message, name.code, name.params);
    if (scr.employerId !== undefined && name.employerId !== scr.employerId) {
      this.problems.warn(0, 'file name', `the name gives employer ${name.employerId}, but SCR field 2 gives ${scr.employerId}`, 'file_name_employer', { name_value: name.employerId, stated: scr.employerId, where: 'SCR field 2' });
    }
    if (scr.createdOn !== undefined && name.createdOn !== scr.createdOn) {
      this.problems.warn(0, 'file name', `the name gives creation date ${name.createdOn}, but SCR field 4 gives ${scr.createdOn}`, 'file_name_date', { name_value: name.createdOn, stated: scr.createdOn, where: 'SCR field 4' });
    }
  }

  /** F13 [U]: the pay periods should fall inside the salary month. */
  private checkPeriods(salaryMonth: string): void {
    for (const r of this.records) {
      if (r.payStart.slice(0, 7) !== salaryMonth || r.payEnd.slice(0, 7) !== salaryMonth) {
        this.problems.warn(r.line, 'EDR fields 5-6 (pay period)', `the pay period ${r.payStart} to ${r.payEnd} is not inside the salary month ${salaryMonth} of the SCR`, 'uae_period_outside_month', { start: r.payStart, end: r.payEnd, month: salaryMonth });
      }
    }
  }
}

function nameUaeField(fields: readonly string[], index: number): string {
  const type = fields[0];
  return (type === 'EDR' || type === 'EVP' || type === 'SCR') && index < 10 ? uaeField(type, index + 1) : `field ${index + 1}`;
}

function unknownTypeCode(type: string, evp: boolean): [FileProblemCode, Record<string, string>] {
  const expected = evp ? 'EDR, EVP or SCR' : 'EDR or SCR';
  if (type === 'Variable') return ['uae_record_type_variable', { expected }];
  return type === '' ? ['uae_record_type_empty', { expected }] : ['uae_record_type_unknown', { value: type.slice(0, 20), expected }];
}

function unknownType(type: string, evp: boolean): string {
  const expected = evp ? 'EDR, EVP or SCR' : 'EDR or SCR';
  if (type === 'Variable') return `"Variable" is not a record type (one payroll tool writes it, no bank guide shows it); expected ${expected}`;
  return `${type === '' ? 'an empty value' : `"${type.slice(0, 20)}"`} is not a record type; expected ${expected}`;
}
