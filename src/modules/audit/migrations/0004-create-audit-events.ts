import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE audit_events (
      id bigserial PRIMARY KEY,
      occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      actor_type text NOT NULL CONSTRAINT audit_events_actor_type_known CHECK (actor_type IN ('user', 'token', 'cli', 'system', 'public')),
      actor_user_id uuid,
      actor_token_id uuid,
      actor_organisation_id uuid,
      ip text,
      request_id text,
      action text NOT NULL,
      subject_type text NOT NULL,
      subject_id text,
      scope_organisation_ids uuid[] NOT NULL DEFAULT '{}',
      scope_countries text[] NOT NULL DEFAULT '{}',
      details jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX audit_events_subject ON audit_events (subject_type, subject_id);
    CREATE INDEX audit_events_scope_organisations ON audit_events USING gin (scope_organisation_ids);
    CREATE INDEX audit_events_scope_countries ON audit_events USING gin (scope_countries);
    CREATE INDEX audit_events_occurred_at ON audit_events (occurred_at);
    COMMENT ON TABLE audit_events IS 'Append-only trail of every change and of every read of a worker''s personal data by someone else';
    COMMENT ON COLUMN audit_events.occurred_at IS 'When it happened (clock time, not transaction start)';
    COMMENT ON COLUMN audit_events.actor_type IS 'user (a person signed in), token (a machine client), cli (an operator at the command line), system, public';
    COMMENT ON COLUMN audit_events.actor_user_id IS 'The person, when a person acted';
    COMMENT ON COLUMN audit_events.actor_token_id IS 'The API token, when a machine acted';
    COMMENT ON COLUMN audit_events.actor_organisation_id IS 'The organisation the actor acted for';
    COMMENT ON COLUMN audit_events.ip IS 'Where the request came from';
    COMMENT ON COLUMN audit_events.request_id IS 'The request id, to find it in the logs';
    COMMENT ON COLUMN audit_events.action IS 'What happened, e.g. corridor.rules.approved, worker.read';
    COMMENT ON COLUMN audit_events.subject_type IS 'Kind of record acted on';
    COMMENT ON COLUMN audit_events.subject_id IS 'Id of the record acted on';
    COMMENT ON COLUMN audit_events.scope_organisation_ids IS 'Organisations that may read this entry';
    COMMENT ON COLUMN audit_events.scope_countries IS 'Countries (alpha-3) whose authorities may read this entry';
    COMMENT ON COLUMN audit_events.details IS 'What changed; never passwords, tokens or passport numbers';

    CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
    END $fn$;
    CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
    CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
    COMMENT ON COLUMN audit_events.id IS 'Order of entry';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE audit_events; DROP FUNCTION audit_events_append_only();`.execute(db);
}
