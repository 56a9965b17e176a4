import type { FieldProblem } from '../../../core/errors.js';

/** The RPW columns `corridor remittances import` needs (CLI.md); others are read when present or ignored. */
export const REQUIRED_COLUMNS = [
  'period', 'source_code', 'destination_code', 'firm', 'firm_type', 'payment instrument', 'pickup method',
  'speed actual', 'transparent', 'cc1 lcu amount', 'cc1 lcu code', 'cc1 lcu fee', 'cc1 lcu fx rate',
  'cc2 lcu amount', 'cc2 lcu fee', 'cc2 lcu fx rate', 'inter lcu bank fx',
] as const;

/** Read when the file has them. `ccN total cost %` and `ccN fx margin` never are: the costs are recomputed. */
export const OPTIONAL_COLUMNS = [
  'access point', 'product', 'date', 'cc1 denomination amount', 'cc2 denomination amount', 'cc2 lcu code', 'inaccessible',
] as const;

export type RpwColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

export interface RpwHeader {
  width: number;
  /** Position of each known column in a record; absent optional columns are missing. */
  at: Partial<Record<RpwColumn, number>>;
}

const normalise = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/** Maps the header line; every required column missing is one problem, named. */
export function mapRpwHeader(fields: string[]): { header?: RpwHeader; problems: FieldProblem[] } {
  const names = fields.map(normalise);
  const at: RpwHeader['at'] = {};
  const problems: FieldProblem[] = [];
  for (const column of [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]) {
    const i = names.indexOf(column);
    if (i >= 0) at[column] = i;
    else if ((REQUIRED_COLUMNS as readonly string[]).includes(column))
      problems.push({ line: 1, field: column, message: `the header has no column "${column}"`, expected: 'the RPW provider-level layout (CLI.md)' });
  }
  return problems.length ? { problems } : { header: { width: fields.length, at }, problems };
}
