/**
 * PostgreSQL COPY text format (one row a line, tab-separated, \N for NULL).
 * Both engines read it: PGlite from /dev/blob, a server from STDIN.
 */
export type CopyValue = string | number | bigint | boolean | Date | null | undefined | object;

const SPECIAL = /[\\\t\n\r]/;

export function encodeCopyValue(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'bigint') text = String(value);
  else if (typeof value === 'boolean') text = value ? 't' : 'f';
  else if (value instanceof Date) text = value.toISOString();
  else text = JSON.stringify(value);
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export function encodeCopyRow(row: readonly CopyValue[]): string {
  return row.map(encodeCopyValue).join('\t') + '\n';
}
