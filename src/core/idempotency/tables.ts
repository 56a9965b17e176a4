import type { ColumnType, Generated } from 'kysely';

export interface IdempotencyKeysTable {
  actor: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number | null;
  /** Read as the stored answer; written as its JSON text. */
  response: ColumnType<unknown, string | null, string | null>;
  created_at: Generated<Date>;
  completed_at: Date | null;
}
