import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE idempotency_keys (
      actor text NOT NULL,
      key text NOT NULL CONSTRAINT idempotency_keys_key_length CHECK (length(key) BETWEEN 1 AND 200),
      method text NOT NULL,
      path text NOT NULL,
      request_hash text NOT NULL,
      status_code integer,
      response jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      PRIMARY KEY (actor, key)
    );
    COMMENT ON TABLE idempotency_keys IS 'Idempotency-Key of POST requests: a repeated request gets the first answer and changes nothing';
    COMMENT ON COLUMN idempotency_keys.actor IS 'Who sent it (user or token id): keys of different actors never collide';
    COMMENT ON COLUMN idempotency_keys.key IS 'The Idempotency-Key header';
    COMMENT ON COLUMN idempotency_keys.request_hash IS 'SHA-256 of method, path and body: the same key with another request is refused';
    COMMENT ON COLUMN idempotency_keys.status_code IS 'Status of the first answer; null while it is being processed';
    COMMENT ON COLUMN idempotency_keys.response IS 'Body of the first answer';
    COMMENT ON COLUMN idempotency_keys.method IS 'HTTP method of the first request';
    COMMENT ON COLUMN idempotency_keys.path IS 'Path of the first request';
    COMMENT ON COLUMN idempotency_keys.created_at IS 'When the first request arrived';
    COMMENT ON COLUMN idempotency_keys.completed_at IS 'When its answer was stored';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE idempotency_keys`.execute(db);
}
