import type { FieldProblem } from '../../../core/errors.js';
import type { RpwHeader } from './columns.js';
import type { RpwCounts } from './flags.js';
import type { RpwReference } from './stage-row.js';

/** Errors listed in a refusal; all are counted. */
export const MAX_LISTED = 100;

/** What the import's worker thread is given (structured-cloned); then it is told the import's id. */
export interface RpwStageInput {
  path: string;
  header: RpwHeader;
  reference: RpwReference;
}

/** What it returns once every row is read. */
export interface RpwStageResult {
  rows: number;
  counts: RpwCounts;
  errorCount: number;
  errors: FieldProblem[];
}
