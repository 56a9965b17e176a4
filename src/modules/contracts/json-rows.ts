import type { ContractRow, VersionRow } from './contract-queries.js';

// Rows that travel back as JSON (row_to_json): instants come as ISO text with microseconds, read here as a Date
// truncated to the millisecond, as node-postgres reads them; other columns keep their JSON form, which is
// how node-postgres reads them too (bigint as a number, date as YYYY-MM-DD, jsonb parsed).
const CONTRACT_INSTANTS = ['created_at', 'updated_at'] as const;
const VERSION_INSTANTS = ['created_at', 'offered_at', 'accepted_at', 'approved_at', 'registered_at'] as const;

function withInstants(row: Record<string, unknown>, columns: readonly string[]): Record<string, unknown> {
  const out = { ...row };
  for (const column of columns) if (typeof out[column] === 'string') out[column] = new Date(out[column] as string);
  return out;
}

export const contractFromJson = (row: Record<string, unknown>) => withInstants(row, CONTRACT_INSTANTS) as ContractRow;
export const versionFromJson = (row: Record<string, unknown>) => withInstants(row, VERSION_INSTANTS) as VersionRow;
