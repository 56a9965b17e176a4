import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { parseOrThrow } from '../../../core/validation.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { partyOf } from '../contract-access.js';
import { digestOf } from '../registry/canonical.js';
import { ContractTerms } from '../terms.schema.js';
import type { SubstitutionCheckRequest, SubstitutionReport } from './check-substitution.schema.js';
import { compareTerms, type Finding } from './compare-terms.js';
import type { SubstitutionReportsTable } from './tables.js';

/**
 * Terms presented after registration (a contract filed at destination, say) against the
 * registered version: every term worse for the worker is listed, and the report is kept
 * where both authorities and the worker see it. The same terms presented twice make one report.
 */
export async function checkSubstitution(db: Kysely<DB>, actor: Actor, input: SubstitutionCheckRequest): Promise<SubstitutionReport> {
  const contract = await db.selectFrom('contracts').selectAll().where('contract_no', '=', input.contract_no).executeTakeFirst();
  if (!contract || !partyOf(actor, contract) || (partyOf(actor, contract) !== 'employer' && contract.registered_version === null))
    throw notFound(`Contract ${input.contract_no}`);
  if (contract.registered_version === null)
    throw new AppError('conflict', `Contract ${input.contract_no} is not registered yet (status ${contract.status}): there is nothing to compare with`);
  const presented = parseOrThrow(ContractTerms, input.terms, 'presented terms');
  const version = await db
    .selectFrom('contract_versions')
    .select('terms')
    .where('employer_id', '=', contract.employer_id)
    .where('contract_id', '=', contract.id)
    .where('version', '=', contract.registered_version)
    .executeTakeFirstOrThrow();
  const registered = ContractTerms.safeParse(version.terms);
  if (!registered.success)
    throw new AppError('conflict', `Contract ${input.contract_no} was imported from a legacy register without full terms: compare its key terms by hand`);
  const findings = compareTerms(registered.data, presented);

  return db.transaction().execute(async (trx) => {
    const digest = digestOf(presented);
    const inserted = await trx
      .insertInto('substitution_reports')
      .values({
        employer_id: contract.employer_id,
        contract_id: contract.id,
        contract_no: contract.contract_no,
        registered_version: contract.registered_version!,
        presented_terms: JSON.stringify(presented),
        presented_digest: digest,
        findings: JSON.stringify(findings),
        less_favourable: findings.filter((f) => f.kind === 'less_favourable').length,
        worker_id: contract.worker_id,
        origin_country: contract.origin_country,
        destination_country: contract.destination_country,
        reported_by_type: actor.type,
        reported_by_user_id: actor.userId ?? null,
        reported_by_organisation_id: actor.organisationId ?? null,
      })
      .onConflict((oc) => oc.constraint('substitution_reports_once').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!inserted) {
      const existing = await trx
        .selectFrom('substitution_reports')
        .selectAll()
        .where('employer_id', '=', contract.employer_id)
        .where('contract_id', '=', contract.id)
        .where('presented_digest', '=', digest)
        .executeTakeFirstOrThrow();
      return toReport(existing);
    }
    await recordEvent(trx, actor, {
      action: findings.length ? 'contract.substitution.found' : 'contract.substitution.checked',
      subjectType: 'contract',
      subjectId: contract.id,
      organisationIds: [contract.employer_id],
      countries: [contract.origin_country, contract.destination_country],
      details: { contract_no: contract.contract_no, report_id: inserted.id, findings: findings.length },
    });
    return toReport(inserted);
  });
}

export function toReport(row: Selectable<SubstitutionReportsTable>): SubstitutionReport {
  const findings = row.findings as Finding[];
  return {
    report_id: row.id,
    contract_no: row.contract_no,
    registered_version: row.registered_version,
    identical: findings.length === 0,
    substitution: findings.length > 0,
    findings,
    reported_at: row.created_at.toISOString(),
  };
}
