import type { FieldProblem } from '../../core/errors.js';
import { toPointer } from '../../core/validation.js';
import { CorridorRules, WageFollowUp } from './rules.schema.js';

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * What one key cannot say alone. Reads the raw input defensively (it may be malformed
 * elsewhere) and takes absent keys at their schema defaults.
 */
export function crossFieldProblems(input: unknown): FieldProblem[] {
  const raw = asRecord(input);
  const problems: FieldProblem[] = [];
  const add = (path: string[], message: string) => problems.push({ pointer: toPointer(path), message });

  const { code, origin, destination } = raw;
  if (typeof origin === 'string' && origin === destination) add(['destination'], 'must differ from origin');
  if (typeof code === 'string' && typeof origin === 'string' && typeof destination === 'string' && code !== `${origin}-${destination}`)
    add(['code'], `must be origin-destination: ${origin}-${destination}`);

  const probation = raw.max_probation_months ?? CorridorRules.shape.max_probation_months.parse(undefined);
  if (num(probation) && num(raw.max_contract_months) && probation > raw.max_contract_months)
    add(['max_probation_months'], `must not exceed max_contract_months (${raw.max_contract_months})`);

  if (Array.isArray(raw.allowed_occupations)) {
    const allowed = new Set(raw.allowed_occupations);
    for (const isco of Object.keys(asRecord(raw.min_wage_by_occupation)))
      if (!allowed.has(isco)) add(['min_wage_by_occupation', isco], 'is not among allowed_occupations');
  }

  const followUp = { ...WageFollowUp.parse({}), ...asRecord(asRecord(raw.wage).follow_up) };
  const days = followUp.reminder_days;
  if (Array.isArray(days) && days.some((d, i) => i > 0 && !(d > days[i - 1]!)))
    add(['wage', 'follow_up', 'reminder_days'], 'must be in increasing order, each day once');
  if (num(followUp.warning_days) && num(followUp.inspection_days) && followUp.warning_days > followUp.inspection_days)
    add(['wage', 'follow_up', 'inspection_days'], `must not come before warning_days (${followUp.warning_days})`);
  return problems;
}
