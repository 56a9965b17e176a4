import type { AuditEventsTable } from './modules/audit/tables.js';
import type {
  ApiTokensTable,
  OrganisationsTable,
  SessionsTable,
  UsersTable,
  WorkersTable,
} from './modules/identity/tables.js';

/** The database as Kysely sees it: every module's tables, assembled. */
export interface DB {
  audit_events: AuditEventsTable;
  organisations: OrganisationsTable;
  workers: WorkersTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  // Tables whose module has not typed them yet are reachable untyped.
  [table: string]: any;
}
