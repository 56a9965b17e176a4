import { type Kysely, sql } from 'kysely';

/**
 * A step read without a lock writes in one statement that changes the contract row only if it is
 * still the row it read (its xmin). When it is not, that statement must change nothing at all:
 * its other writes (version, transition, audit event) run in the same statement, so this
 * function fails it, with SQLSTATE CR409, which the step answers by reading again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION corridor_step_applied(changed bigint) RETURNS boolean LANGUAGE plpgsql AS $$
    BEGIN
      IF changed <> 1 THEN
        RAISE EXCEPTION 'the contract changed since it was read' USING ERRCODE = 'CR409';
      END IF;
      RETURN true;
    END $$;
    COMMENT ON FUNCTION corridor_step_applied(bigint) IS 'Fails a contract step''s statement (SQLSTATE CR409) unless it changed exactly one contract row: the one it read';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION corridor_step_applied(bigint)`.execute(db);
}
