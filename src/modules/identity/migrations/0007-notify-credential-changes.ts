import { type Kysely, sql } from 'kysely';

/**
 * Server processes keep recent sign-in answers (kept-credentials.ts) only while they hear every
 * change that could turn one of them down: a session or an API token changed or deleted (its
 * key: 's:' and the cookie's hash, 't:' and the token's prefix), or any change to a user or an
 * organisation ('*': forget them all; rare). The touches made on use (last_seen_at,
 * last_used_at) and the sign-in attempt counters change no answer and announce nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION notify_credentials_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('corridor_credentials_changed',
        CASE WHEN TG_NARGS = 0 THEN '*' ELSE TG_ARGV[0] || ':' || (to_jsonb(OLD) ->> TG_ARGV[1]) END);
      RETURN NULL;
    END $$;
    COMMENT ON FUNCTION notify_credentials_changed() IS 'NOTIFY corridor_credentials_changed: kept sign-in answers are forgotten (arguments: the key''s letter and column; none: forget all)';

    CREATE TRIGGER sessions_notify_change AFTER UPDATE ON sessions FOR EACH ROW
      WHEN ((to_jsonb(OLD) - 'last_seen_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_seen_at'))
      EXECUTE FUNCTION notify_credentials_changed('s', 'id_hash');
    CREATE TRIGGER sessions_notify_delete AFTER DELETE ON sessions FOR EACH ROW
      EXECUTE FUNCTION notify_credentials_changed('s', 'id_hash');
    CREATE TRIGGER api_tokens_notify_change AFTER UPDATE ON api_tokens FOR EACH ROW
      WHEN ((to_jsonb(OLD) - 'last_used_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_used_at'))
      EXECUTE FUNCTION notify_credentials_changed('t', 'prefix');
    CREATE TRIGGER api_tokens_notify_delete AFTER DELETE ON api_tokens FOR EACH ROW
      EXECUTE FUNCTION notify_credentials_changed('t', 'prefix');
    CREATE TRIGGER users_notify_change AFTER UPDATE ON users FOR EACH ROW
      WHEN ((to_jsonb(OLD) - 'failed_logins' - 'locked_until') IS DISTINCT FROM (to_jsonb(NEW) - 'failed_logins' - 'locked_until'))
      EXECUTE FUNCTION notify_credentials_changed();
    CREATE TRIGGER users_notify_delete AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION notify_credentials_changed();
    CREATE TRIGGER organisations_notify_change AFTER UPDATE OR DELETE ON organisations FOR EACH ROW EXECUTE FUNCTION notify_credentials_changed();
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TRIGGER sessions_notify_change ON sessions;
    DROP TRIGGER sessions_notify_delete ON sessions;
    DROP TRIGGER api_tokens_notify_change ON api_tokens;
    DROP TRIGGER api_tokens_notify_delete ON api_tokens;
    DROP TRIGGER users_notify_change ON users;
    DROP TRIGGER users_notify_delete ON users;
    DROP TRIGGER organisations_notify_change ON organisations;
    DROP FUNCTION notify_credentials_changed();
  `.execute(db);
}
