import { type Kysely, sql } from 'kysely';

/**
 * Refunds paid back to workers (issue 7 item 6; docs/loans.md "Refunds"): the match records what is
 * owed (loan_repayments.refund_minor); the lender records each payment of it, so the worker and the
 * authorities see owed against paid. Append-only: a payment recorded in error is corrected by the
 * lender recording the right one, never by editing a row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE loan_refund_payments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      loan_id uuid NOT NULL REFERENCES loans (id),
      lender_id uuid NOT NULL REFERENCES organisations (id),
      currency char(3) NOT NULL,
      amount_minor bigint NOT NULL CHECK (amount_minor > 0),
      paid_on date NOT NULL,
      reference text NOT NULL CHECK (length(reference) BETWEEN 1 AND 200),
      recorded_by_user_id uuid,
      recorded_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX loan_refund_payments_loan ON loan_refund_payments (loan_id);
    COMMENT ON TABLE loan_refund_payments IS 'Refunds the lender paid back to the worker, against what the repayment match recorded as owed (deducted above the cap, or from a wage not paid in full)';
    COMMENT ON COLUMN loan_refund_payments.id IS 'Identifier';
    COMMENT ON COLUMN loan_refund_payments.loan_id IS 'The loan whose refund was paid';
    COMMENT ON COLUMN loan_refund_payments.lender_id IS 'The lender that paid it (the loan''s lender)';
    COMMENT ON COLUMN loan_refund_payments.currency IS 'Currency (ISO 4217): the loan''s';
    COMMENT ON COLUMN loan_refund_payments.amount_minor IS 'Amount paid back to the worker, minor units; all payments of a loan add up to at most the refunds owed';
    COMMENT ON COLUMN loan_refund_payments.paid_on IS 'Day the refund was paid to the worker';
    COMMENT ON COLUMN loan_refund_payments.reference IS 'The lender''s payment reference (bank transfer, wallet transaction), so the worker can trace it';
    COMMENT ON COLUMN loan_refund_payments.recorded_by_user_id IS 'The user who recorded it (null: an API token or the command line)';
    COMMENT ON COLUMN loan_refund_payments.recorded_at IS 'When it was recorded';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE loan_refund_payments`.execute(db);
}
