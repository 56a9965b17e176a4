/**
 * PostgreSQL COPY text format (one row a line, tab-separated, \N for NULL).
 * Both engines read it: PGlite from /dev/blob, a server from STDIN.
 */
export type CopyValue = string | number | bigint | boolean | Date | null | undefined | object;

const SPECIAL = /[\\\t\n\r]/;

export function encodeCopyValue(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  // Numbers, booleans and dates never hold a character COPY would read specially.
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  let text: string;
  if (typeof value === 'string') text = value;
  else text = JSON.stringify(value);
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export function encodeCopyRow(row: readonly CopyValue[]): string {
  // A loop, not map().join(): this runs once per row of every bulk load.
  let line = row.length ? encodeCopyValue(row[0]) : '';
  for (let i = 1; i < row.length; i++) line += '\t' + encodeCopyValue(row[i]);
  return line + '\n';
}
