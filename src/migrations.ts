import type { Migration } from 'kysely';
import * as createReferenceTables from './modules/reference/migrations/0001-create-reference-tables.js';
import * as loadReferenceData from './modules/reference/migrations/0002-load-reference-data.js';
import * as createIdentityTables from './modules/identity/migrations/0003-create-identity-tables.js';
import * as createAuditEvents from './modules/audit/migrations/0004-create-audit-events.js';
import * as createIdempotencyKeys from './core/idempotency/0005-create-idempotency-keys.js';
import * as notifyCredentialChanges from './modules/identity/migrations/0007-notify-credential-changes.js';
import * as createCorridors from './modules/corridors/migrations/0006-create-corridors.js';
import * as createContracts from './modules/contracts/migrations/0010-create-contracts.js';
import * as createRegistry from './modules/contracts/registry/migrations/0011-create-registry.js';
import * as createSubstitutionReports from './modules/contracts/substitution/0014-create-substitution-reports.js';
import * as createWageTables from './modules/wages/migrations/0012-create-wage-tables.js';
import * as createWageFollowUp from './modules/wages/migrations/0015-create-wage-follow-up.js';
import * as salaryRecordsByConstruction from './modules/wages/migrations/0016-salary-records-by-construction.js';
import * as wageResultsReadByContract from './modules/wages/migrations/0026-wage-results-read-by-contract.js';
import * as salaryRecordsWithoutPersonIndex from './modules/wages/migrations/0027-salary-records-without-person-index.js';
import * as createRemittanceTables from './modules/remittances/migrations/0020-create-remittance-tables.js';
import * as loadRemittanceHistory from './modules/remittances/migrations/0021-load-remittance-history.js';
import * as lightenRemittanceQuotes from './modules/remittances/migrations/0022-lighten-remittance-quotes.js';
import * as referenceRatesOnce from './modules/remittances/migrations/0023-reference-rates-once.js';
import * as costsComputedOnRead from './modules/remittances/migrations/0024-costs-computed-on-read.js';
import * as createRecruitmentTables from './modules/recruitment/migrations/0030-create-recruitment-tables.js';
import * as linkContractsToJobOrders from './modules/recruitment/migrations/0031-link-contracts-to-job-orders.js';
import * as quotesIndexedByCorridor from './modules/remittances/migrations/0025-quotes-indexed-by-corridor.js';
import * as notifyRegisteredContractChanges from './modules/contracts/migrations/0017-notify-registered-contract-changes.js';
import * as staleStepGuard from './modules/contracts/migrations/0018-stale-step-guard.js';
import * as contractsById from './modules/contracts/migrations/0019-contracts-by-id.js';
import * as createLoanTables from './modules/loans/migrations/0040-create-loan-tables.js';
import * as createLoanRefundPayments from './modules/loans/migrations/0041-create-loan-refund-payments.js';
import * as createContractNumbersAndViews from './modules/contracts/migrations/0013-create-contract-numbers-and-views.js';

/** Every migration, in order. Append only: a released migration is never edited. */
export const migrations: Record<string, Migration> = {
  '0001-create-reference-tables': createReferenceTables,
  '0002-load-reference-data': loadReferenceData,
  '0003-create-identity-tables': createIdentityTables,
  '0004-create-audit-events': createAuditEvents,
  '0005-create-idempotency-keys': createIdempotencyKeys,
  '0006-create-corridors': createCorridors,
  '0007-notify-credential-changes': notifyCredentialChanges,
  '0010-create-contracts': createContracts,
  '0011-create-registry': createRegistry,
  '0012-create-wage-tables': createWageTables,
  '0013-create-contract-numbers-and-views': createContractNumbersAndViews,
  '0014-create-substitution-reports': createSubstitutionReports,
  '0015-create-wage-follow-up': createWageFollowUp,
  '0016-salary-records-by-construction': salaryRecordsByConstruction,
  '0017-notify-registered-contract-changes': notifyRegisteredContractChanges,
  '0018-stale-step-guard': staleStepGuard,
  '0019-contracts-by-id': contractsById,
  '0020-create-remittance-tables': createRemittanceTables,
  '0021-load-remittance-history': loadRemittanceHistory,
  '0022-lighten-remittance-quotes': lightenRemittanceQuotes,
  '0023-reference-rates-once': referenceRatesOnce,
  '0024-costs-computed-on-read': costsComputedOnRead,
  '0025-quotes-indexed-by-corridor': quotesIndexedByCorridor,
  '0026-wage-results-read-by-contract': wageResultsReadByContract,
  '0027-salary-records-without-person-index': salaryRecordsWithoutPersonIndex,
  '0030-create-recruitment-tables': createRecruitmentTables,
  '0031-link-contracts-to-job-orders': linkContractsToJobOrders,
  '0040-create-loan-tables': createLoanTables,
  '0041-create-loan-refund-payments': createLoanRefundPayments,
};
