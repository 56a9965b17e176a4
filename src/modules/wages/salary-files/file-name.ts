import { parseCompactDate } from './calendar.js';
import type { FileProblemCode } from './problem-codes.js';

/** What a salary file's name states (FORMAT.md F10, Q5). */
/** A name that breaks the rules: the English text, and its code with the values (problems.ts). */
export interface FileNameProblem {
  message: string;
  code: FileProblemCode;
  params: Record<string, string>;
}

export interface FileNameFacts {
  employerId: string;
  createdOn: string;
}

/** Last path segment: callers may pass a path, the rules concern the name. */
export function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
}

const UAE_NAME = /^(\d{13})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\.sif$/i;

/** `EEEEEEEEEEEEEYYMMDDHHMMSS.SIF` (F10, extension in any case per F11); a string says what is wrong. */
export function readUaeSifFileName(fileName: string): FileNameFacts | FileNameProblem {
  const name = baseName(fileName);
  const m = UAE_NAME.exec(name);
  const expected = 'expected EEEEEEEEEEEEEYYMMDDHHMMSS.SIF: the 13-digit employer ID, then the creation date and time, e.g. 0000009990001250601093000.SIF';
  if (!m) return { message: `"${name}" is not a SIF file name; ${expected}`, code: 'uae_file_name_invalid', params: { name } };
  const createdOn = parseCompactDate(`20${m[2]}${m[3]}${m[4]}`);
  if (createdOn === undefined) return { message: `"${name}" has ${m[2]}${m[3]}${m[4]} where a real date YYMMDD belongs; ${expected}`, code: 'uae_file_name_date', params: { name, found: `${m[2]}${m[3]}${m[4]}` } };
  if (Number(m[5]) > 23 || Number(m[6]) > 59 || Number(m[7]) > 59) {
    return { message: `"${name}" has ${m[5]}${m[6]}${m[7]} where a time HHMMSS belongs; ${expected}`, code: 'uae_file_name_time', params: { name, found: `${m[5]}${m[6]}${m[7]}` } };
  }
  return { employerId: m[1]!, createdOn };
}

const QATAR_NAME = /^SIF_(\d{8})_([A-Za-z0-9]{1,4})_(\d{8})_(\d{4})\.csv$/i;

/** `SIF_<EID 8 digits>_<bank ≤4>_<YYYYMMDD>_<HHMM>.csv` (Q5). */
export function readQatarSifFileName(fileName: string): FileNameFacts | FileNameProblem {
  const name = baseName(fileName);
  const m = QATAR_NAME.exec(name);
  const expected = 'expected SIF_<employer EID, 8 digits>_<bank short name>_<YYYYMMDD>_<HHMM>.csv, e.g. SIF_12345678_QNB_20140706_1216.csv';
  if (!m) return { message: `"${name}" is not a Qatar SIF file name; ${expected}`, code: 'qatar_file_name_invalid', params: { name } };
  const createdOn = parseCompactDate(m[3]!);
  if (createdOn === undefined) return { message: `"${name}" has ${m[3]} where a real date YYYYMMDD belongs; ${expected}`, code: 'qatar_file_name_date', params: { name, found: m[3]! } };
  if (Number(m[4]!.slice(0, 2)) > 23 || Number(m[4]!.slice(2)) > 59) return { message: `"${name}" has ${m[4]} where a time HHMM belongs; ${expected}`, code: 'qatar_file_name_time', params: { name, found: m[4]! } };
  return { employerId: m[1]!, createdOn };
}
