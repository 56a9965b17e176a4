import type { FieldProblem } from '../../../core/errors.js';
import type { RpwHeader } from './columns.js';
import type { RpwReference } from './stage-row.js';

/** Errors listed in a refusal; all are counted. */
export const MAX_LISTED = 100;

/** What the import's worker thread is given (structured-cloned). */
export interface RpwStageInput {
  path: string;
  header: RpwHeader;
  reference: RpwReference;
  importId: number;
}

/** What it returns once every row is read. */
export interface RpwStageResult {
  rows: number;
  errorCount: number;
  errors: FieldProblem[];
}
