import type { Generated } from 'kysely';

export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: Generated<Date>;
  actor_type: 'user' | 'token' | 'cli' | 'system' | 'public';
  actor_user_id: string | null;
  actor_token_id: string | null;
  actor_organisation_id: string | null;
  ip: string | null;
  request_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  scope_organisation_ids: string[];
  scope_countries: string[];
  details: unknown;
}
