import type { IdempotencyKeysTable } from './core/idempotency/tables.js';
import type { AuditEventsTable } from './modules/audit/tables.js';
import type { CorridorRuleVersionsTable, CorridorsTable } from './modules/corridors/tables.js';
import type {
  ApiTokensTable,
  OrganisationsTable,
  SessionsTable,
  UsersTable,
  WorkersTable,
} from './modules/identity/tables.js';
import type { ContractTables } from './modules/contracts/tables.js';
import type { RegistryTables } from './modules/contracts/registry/tables.js';
import type { WageTables } from './modules/wages/tables.js';
import type { RemittanceTables } from './modules/remittances/tables.js';
import type { RecruitmentTables } from './modules/recruitment/tables.js';
import type { LoanTables } from './modules/loans/tables.js';
import type { CountriesTable, CurrenciesTable, OccupationsTable } from './modules/reference/tables.js';

/** The database as Kysely sees it: every module's tables, assembled. */
export interface DB extends ContractTables, RegistryTables, WageTables, RemittanceTables, RecruitmentTables, LoanTables {
  countries: CountriesTable;
  currencies: CurrenciesTable;
  occupations: OccupationsTable;
  audit_events: AuditEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  organisations: OrganisationsTable;
  workers: WorkersTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  corridors: CorridorsTable;
  corridor_rule_versions: CorridorRuleVersionsTable;
}
