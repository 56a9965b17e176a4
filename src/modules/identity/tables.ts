import type { Generated } from 'kysely';
import type { OrganisationKind, Role } from '../../core/auth/scopes.js';

export interface OrganisationsTable {
  id: Generated<string>;
  kind: OrganisationKind;
  name: string;
  country: string;
  external_id: string | null;
  status: Generated<'active' | 'suspended' | 'closed'>;
  created_at: Generated<Date>;
}

export interface WorkersTable {
  id: Generated<string>;
  full_name: string;
  sex: 'F' | 'M' | 'X';
  birth_date: string;
  nationality: string;
  passport_no: string | null;
  person_id: string | null;
  registered_by: string | null;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  role: Role;
  organisation_id: string | null;
  worker_id: string | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  language: Generated<string>;
  disabled_at: Date | null;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Date;
  last_seen_at: Generated<Date>;
  ip: string | null;
  user_agent: string | null;
  revoked_at: Date | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  prefix: string;
  secret_hash: string;
  name: string;
  organisation_id: string;
  created_by: string | null;
  scopes: string[];
  created_at: Generated<Date>;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}
