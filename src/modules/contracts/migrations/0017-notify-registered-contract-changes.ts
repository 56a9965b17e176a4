import { type Kysely, sql } from 'kysely';

/**
 * Every server process keeps public verification answers (verification-cache.ts) and must
 * forget one as soon as what it shows may have changed: a contract being registered, or a
 * registered contract changing status. The notification carries the contract number and is
 * sent on commit; the steps before registration change nothing a verification shows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION notify_registered_contract_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('corridor_contract_changed', NEW.contract_no);
      RETURN NULL;
    END $$;
    COMMENT ON FUNCTION notify_registered_contract_changed() IS 'NOTIFY corridor_contract_changed with the contract number: public verification answers kept by servers are forgotten';
    CREATE TRIGGER contracts_notify_registered_change AFTER UPDATE ON contracts FOR EACH ROW
      WHEN (NEW.registered_version IS NOT NULL
        AND (OLD.status IS DISTINCT FROM NEW.status OR OLD.registered_version IS DISTINCT FROM NEW.registered_version))
      EXECUTE FUNCTION notify_registered_contract_changed();
    COMMENT ON TRIGGER contracts_notify_registered_change ON contracts IS 'A registration or a registered contract''s change of status: what public verification shows may have changed';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TRIGGER contracts_notify_registered_change ON contracts;
    DROP FUNCTION notify_registered_contract_changed();
  `.execute(db);
}
