import { initialsOf } from '../initials.js';
import type { KeyTerms } from '../verifier/payload-v1.js';

/**
 * The terms of a contract brought in from a legacy register: only what such a register
 * holds. Job title, workplace, probation, hours, rest days, leave, overtime, who pays
 * which cost, insurance, end-of-service, notice and languages are unknown, so they are
 * absent rather than guessed; `legacy: true` tells readers not to parse these as
 * ContractTerms. Allowances arrive as one monthly total, kept as one fixed 'other'
 * allowance (none when zero).
 */
export interface LegacyTerms {
  corridor: string;
  employer_id: string;
  worker_id: string;
  legacy: true;
  occupation_isco: string;
  start_date: string;
  end_date: string;
  wage: {
    currency: string;
    basic_monthly_minor: number;
    allowances: { kind: 'other'; amount_minor: number; fixed: true }[];
  };
}

export interface LegacyRow {
  corridor: string;
  employerId: string;
  workerId: string;
  occupation: string;
  start: string;
  end: string;
  currency: string;
  basicMinor: number;
  allowancesMinor: number;
}

/** The terms as JS builds them: terms-sql.ts must produce the canonical JSON of exactly this. */
export const legacyTerms = (r: LegacyRow): LegacyTerms => ({
  corridor: r.corridor,
  employer_id: r.employerId,
  worker_id: r.workerId,
  legacy: true,
  occupation_isco: r.occupation,
  start_date: r.start,
  end_date: r.end,
  wage: {
    currency: r.currency,
    basic_monthly_minor: r.basicMinor,
    allowances: r.allowancesMinor > 0 ? [{ kind: 'other', amount_minor: r.allowancesMinor, fixed: true }] : [],
  },
});

export const legacyKeyTerms = (r: LegacyRow, employerName: string, workerName: string): KeyTerms => ({
  isco: r.occupation,
  employer: employerName,
  wage_minor: r.basicMinor,
  currency: r.currency,
  start: r.start,
  end: r.end,
  worker: initialsOf(workerName),
});
