import { baseName } from './file-name.js';
import type { SalaryFileFormat } from './salary-file.js';

/** Bytes that detectFormat needs to see: enough for any first line of the three layouts. */
export const DETECT_BYTES = 1024;

/**
 * The layout of a file, from its first line first (a SIF built in a spreadsheet is
 * often saved as .csv), then from its name; undefined when neither tells.
 */
export function detectFormat(fileName: string | undefined, firstBytes: Uint8Array): SalaryFileFormat | undefined {
  const head = Buffer.from(firstBytes.buffer, firstBytes.byteOffset, Math.min(firstBytes.byteLength, DETECT_BYTES))
    .toString('latin1')
    .replace(/^\xef\xbb\xbf/, '');
  const first = (head.split('\n', 1)[0] ?? '').replace(/\r$/, '').trim();
  if (/^(EDR|EVP|SCR) *,/.test(first)) return 'uae-sif';
  if (/^"?employer eid"? *,/i.test(first)) return 'qatar-sif';
  if (first.split(',').some((cell) => cell.trim().replace(/^"|"$/g, '').toLowerCase() === 'employer_id')) return 'csv';
  const name = fileName === undefined ? '' : baseName(fileName);
  if (/\.sif$/i.test(name)) return 'uae-sif';
  if (/^SIF_.*\.csv$/i.test(name)) return 'qatar-sif';
  if (/\.csv$/i.test(name)) return 'csv';
  return undefined;
}
