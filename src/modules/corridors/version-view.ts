import { z } from 'zod';
import type { VersionRow } from './version-queries.js';

export const VersionStatus = z
  .enum(['pending', 'approved', 'withdrawn'])
  .describe('pending: awaiting one side; approved: by both (in force from valid_from); withdrawn: by its proposer');

export const RuleVersion = z.object({
  corridor: z.string(),
  version: z.number().int(),
  valid_from: z.string().describe('YYYY-MM-DD'),
  rules_hash: z.string().describe('SHA-256 (hex) of the RFC 8785 canonical rules'),
  status: VersionStatus,
  proposed_by_organisation_id: z.string().nullable().describe('None for an operator import'),
  proposed_at: z.string(),
  origin_approved_at: z.string().nullable(),
  destination_approved_at: z.string().nullable(),
  approved_via: z.enum(['authorities', 'operator_import']).nullable(),
  withdrawn_at: z.string().nullable(),
});
export type RuleVersion = z.infer<typeof RuleVersion>;

export const RuleVersionWithRules = RuleVersion.extend({ rules: z.record(z.string(), z.unknown()) });
export type RuleVersionWithRules = z.infer<typeof RuleVersionWithRules>;

export const isApprovedByBoth = (row: VersionRow) => row.origin_approved_at !== null && row.destination_approved_at !== null;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toRuleVersion(row: VersionRow): RuleVersion {
  return {
    corridor: row.corridor_code,
    version: row.version,
    valid_from: row.valid_from,
    rules_hash: row.rules_hash,
    status: row.withdrawn_at ? 'withdrawn' : isApprovedByBoth(row) ? 'approved' : 'pending',
    proposed_by_organisation_id: row.proposed_by_organisation_id,
    proposed_at: row.proposed_at.toISOString(),
    origin_approved_at: iso(row.origin_approved_at),
    destination_approved_at: iso(row.destination_approved_at),
    approved_via: row.approved_via,
    withdrawn_at: iso(row.withdrawn_at),
  };
}

export const withRules = (row: VersionRow): RuleVersionWithRules => ({ ...toRuleVersion(row), rules: row.rules as Record<string, unknown> });
