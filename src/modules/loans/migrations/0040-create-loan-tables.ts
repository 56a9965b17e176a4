import { type Kysely, sql } from 'kysely';

/**
 * Pre-departure loans (issue 7, item 6; docs/loans.md): lenders' products, applications with the
 * worker's consent, the repayment schedule, deductions reported by wage agents, and the monthly
 * match of deductions against the schedule and the reconciled wage month.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE loan_products (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      lender_id uuid NOT NULL REFERENCES organisations (id),
      corridor_code text NOT NULL REFERENCES corridors (code),
      name text NOT NULL,
      currency char(3) NOT NULL,
      min_amount_minor bigint NOT NULL CHECK (min_amount_minor > 0),
      max_amount_minor bigint NOT NULL,
      min_term_months integer NOT NULL CHECK (min_term_months >= 1),
      max_term_months integer NOT NULL,
      annual_rate_bp integer NOT NULL CHECK (annual_rate_bp BETWEEN 0 AND 10000),
      fee_minor bigint NOT NULL CHECK (fee_minor >= 0),
      status text NOT NULL DEFAULT 'active' CONSTRAINT loan_products_status_known CHECK (status IN ('active', 'withdrawn')),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT loan_products_amounts CHECK (max_amount_minor >= min_amount_minor),
      CONSTRAINT loan_products_terms CHECK (max_term_months >= min_term_months)
    );
    CREATE INDEX loan_products_lender ON loan_products (lender_id);
    COMMENT ON TABLE loan_products IS 'Pre-departure loan products a lender publishes in a corridor, within the corridor''s loan caps';
    COMMENT ON COLUMN loan_products.id IS 'Identifier';
    COMMENT ON COLUMN loan_products.lender_id IS 'The lender organisation that offers it';
    COMMENT ON COLUMN loan_products.corridor_code IS 'The corridor whose workers may apply';
    COMMENT ON COLUMN loan_products.name IS 'Name shown to workers';
    COMMENT ON COLUMN loan_products.currency IS 'Currency of the amounts (ISO 4217): the corridor''s wage currency, since it is repaid from wages';
    COMMENT ON COLUMN loan_products.min_amount_minor IS 'Smallest amount a worker may borrow, minor units';
    COMMENT ON COLUMN loan_products.max_amount_minor IS 'Largest amount a worker may borrow, minor units';
    COMMENT ON COLUMN loan_products.min_term_months IS 'Shortest term, months';
    COMMENT ON COLUMN loan_products.max_term_months IS 'Longest term, months';
    COMMENT ON COLUMN loan_products.annual_rate_bp IS 'Nominal annual interest rate in basis points (1200 = 12%), at most the corridor cap';
    COMMENT ON COLUMN loan_products.fee_minor IS 'One-off fee, minor units, financed into the principal (no fee is taken from the amount paid out)';
    COMMENT ON COLUMN loan_products.status IS 'active (open to applications) or withdrawn';
    COMMENT ON COLUMN loan_products.created_at IS 'When it was published';

    CREATE TABLE loans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      employer_id uuid NOT NULL REFERENCES organisations (id),
      product_id uuid NOT NULL REFERENCES loan_products (id),
      lender_id uuid NOT NULL REFERENCES organisations (id),
      worker_id uuid NOT NULL REFERENCES workers (id),
      contract_id uuid NOT NULL,
      corridor_code text NOT NULL,
      currency char(3) NOT NULL,
      amount_minor bigint NOT NULL CHECK (amount_minor > 0),
      fee_minor bigint NOT NULL CHECK (fee_minor >= 0),
      principal_minor bigint NOT NULL,
      term_months integer NOT NULL CHECK (term_months >= 1),
      annual_rate_bp integer NOT NULL,
      instalment_minor bigint NOT NULL,
      monthly_wage_minor bigint NOT NULL,
      max_instalment_share_bp integer NOT NULL,
      first_month date NOT NULL,
      status text NOT NULL CONSTRAINT loans_status_known CHECK (status IN ('applied', 'approved', 'declined', 'withdrawn', 'disbursed')),
      consent_at timestamptz NOT NULL,
      consent_withdrawn_at timestamptz,
      decided_at timestamptz,
      decision_reason text,
      disbursed_on date,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT loans_principal CHECK (principal_minor = amount_minor + fee_minor),
      CONSTRAINT loans_disbursed_dated CHECK ((status = 'disbursed') = (disbursed_on IS NOT NULL))
    );
    CREATE INDEX loans_worker ON loans (worker_id);
    CREATE INDEX loans_lender ON loans (lender_id, status);
    CREATE INDEX loans_employer ON loans (employer_id);
    COMMENT ON TABLE loans IS 'A worker''s application for a loan product against a registered contract, the lender''s decision and the disbursement';
    COMMENT ON COLUMN loans.id IS 'Identifier (the reference wage agents report deductions against)';
    COMMENT ON COLUMN loans.employer_id IS 'The contract''s employer, whose wage agent deducts the instalments';
    COMMENT ON COLUMN loans.product_id IS 'The loan product applied for';
    COMMENT ON COLUMN loans.lender_id IS 'The product''s lender';
    COMMENT ON COLUMN loans.worker_id IS 'The borrowing worker';
    COMMENT ON COLUMN loans.contract_id IS 'The registered contract the loan is made against';
    COMMENT ON COLUMN loans.corridor_code IS 'The contract''s corridor';
    COMMENT ON COLUMN loans.currency IS 'Currency of every amount of the loan (ISO 4217)';
    COMMENT ON COLUMN loans.amount_minor IS 'Amount paid out to the worker, minor units';
    COMMENT ON COLUMN loans.fee_minor IS 'The product''s fee, financed into the principal';
    COMMENT ON COLUMN loans.principal_minor IS 'Principal repaid: amount plus fee';
    COMMENT ON COLUMN loans.term_months IS 'Number of monthly instalments';
    COMMENT ON COLUMN loans.annual_rate_bp IS 'Nominal annual rate in basis points, fixed at application';
    COMMENT ON COLUMN loans.instalment_minor IS 'The largest scheduled instalment (the annuity payment), minor units';
    COMMENT ON COLUMN loans.monthly_wage_minor IS 'The contract''s monthly basic wage when the worker applied, minor units';
    COMMENT ON COLUMN loans.max_instalment_share_bp IS 'The corridor''s cap on the instalment as a share of the wage, in basis points, when the worker applied';
    COMMENT ON COLUMN loans.first_month IS 'First day of the first wage month an instalment is due in';
    COMMENT ON COLUMN loans.status IS 'applied, approved, declined, withdrawn (the worker withdrew consent before a decision) or disbursed';
    COMMENT ON COLUMN loans.consent_at IS 'When the worker consented to the lender seeing the contract''s key terms';
    COMMENT ON COLUMN loans.consent_withdrawn_at IS 'When the worker withdrew that consent (the lender no longer sees the application)';
    COMMENT ON COLUMN loans.decided_at IS 'When the lender approved or declined';
    COMMENT ON COLUMN loans.decision_reason IS 'The lender''s reason, shown to the worker';
    COMMENT ON COLUMN loans.disbursed_on IS 'Date paid out: before the contract''s start date, while it is registered';
    COMMENT ON COLUMN loans.created_at IS 'When the worker applied';

    CREATE TABLE loan_instalments (
      loan_id uuid NOT NULL REFERENCES loans (id),
      seq integer NOT NULL,
      due_month date NOT NULL,
      principal_minor bigint NOT NULL CHECK (principal_minor >= 0),
      interest_minor bigint NOT NULL CHECK (interest_minor >= 0),
      amount_minor bigint NOT NULL,
      deferrals integer NOT NULL DEFAULT 0,
      PRIMARY KEY (loan_id, seq),
      CONSTRAINT loan_instalments_amount CHECK (amount_minor = principal_minor + interest_minor)
    );
    CREATE INDEX loan_instalments_due_month ON loan_instalments (due_month, loan_id);
    COMMENT ON TABLE loan_instalments IS 'The repayment schedule of a disbursed loan: one row per monthly instalment, shifted a month (no interest added) for each month the employer did not pay in full. What was repaid is in loan_repayments (one match per instalment), never copied here';
    COMMENT ON COLUMN loan_instalments.loan_id IS 'The loan';
    COMMENT ON COLUMN loan_instalments.seq IS '1-based number of the instalment';
    COMMENT ON COLUMN loan_instalments.due_month IS 'First day of the wage month it is deducted from';
    COMMENT ON COLUMN loan_instalments.principal_minor IS 'Principal part, minor units';
    COMMENT ON COLUMN loan_instalments.interest_minor IS 'Interest part, minor units';
    COMMENT ON COLUMN loan_instalments.amount_minor IS 'Instalment: principal plus interest';
    COMMENT ON COLUMN loan_instalments.deferrals IS 'Months it was deferred because the employer did not pay the wage in full';

    CREATE TABLE loan_deduction_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      sha256 char(64) NOT NULL,
      agent_id uuid REFERENCES organisations (id),
      via text NOT NULL CONSTRAINT loan_deduction_reports_via_known CHECK (via IN ('api', 'csv', 'cli')),
      status text NOT NULL CONSTRAINT loan_deduction_reports_status_known CHECK (status IN ('accepted', 'duplicate')),
      duplicate_of uuid REFERENCES loan_deduction_reports (id),
      lines integer NOT NULL,
      total_minor bigint NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT loan_deduction_reports_duplicate_points CHECK ((status = 'duplicate') = (duplicate_of IS NOT NULL))
    );
    CREATE UNIQUE INDEX loan_deduction_reports_sha256_unique ON loan_deduction_reports (sha256) WHERE status = 'accepted';
    COMMENT ON TABLE loan_deduction_reports IS 'Each report of loan deductions a wage agent sent (JSON or CSV): accepted whole, or a duplicate of an accepted one (counted once); refused reports are not stored';
    COMMENT ON COLUMN loan_deduction_reports.id IS 'Acknowledgement id';
    COMMENT ON COLUMN loan_deduction_reports.sha256 IS 'Hex SHA-256 of the bytes received (CSV) or of the canonical JSON (API)';
    COMMENT ON COLUMN loan_deduction_reports.agent_id IS 'The reporting wage agent (null: the operator at the command line)';
    COMMENT ON COLUMN loan_deduction_reports.via IS 'api (JSON), csv (file upload) or cli';
    COMMENT ON COLUMN loan_deduction_reports.status IS 'accepted or duplicate';
    COMMENT ON COLUMN loan_deduction_reports.duplicate_of IS 'For a duplicate: the accepted report with the same content';
    COMMENT ON COLUMN loan_deduction_reports.lines IS 'Deductions in the report';
    COMMENT ON COLUMN loan_deduction_reports.total_minor IS 'Sum of the deductions, minor units';
    COMMENT ON COLUMN loan_deduction_reports.received_at IS 'When it was received';

    CREATE TABLE loan_deductions (
      loan_id uuid NOT NULL REFERENCES loans (id),
      month date NOT NULL,
      report_id uuid NOT NULL REFERENCES loan_deduction_reports (id),
      line integer NOT NULL,
      employer_id uuid NOT NULL,
      currency char(3) NOT NULL,
      amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
      PRIMARY KEY (loan_id, month)
    );
    CREATE INDEX loan_deductions_month ON loan_deductions (month);
    COMMENT ON TABLE loan_deductions IS 'What a wage agent deducted from a worker''s wage of a month for a loan: one per loan and month, never updated';
    COMMENT ON COLUMN loan_deductions.loan_id IS 'The loan';
    COMMENT ON COLUMN loan_deductions.month IS 'First day of the wage month deducted from';
    COMMENT ON COLUMN loan_deductions.report_id IS 'The report it came in';
    COMMENT ON COLUMN loan_deductions.line IS '1-based line (CSV data line or JSON array index + 1) in the report';
    COMMENT ON COLUMN loan_deductions.employer_id IS 'The loan''s employer (whose agent reported it)';
    COMMENT ON COLUMN loan_deductions.currency IS 'Currency (ISO 4217), the loan''s';
    COMMENT ON COLUMN loan_deductions.amount_minor IS 'Amount deducted, minor units';

    CREATE TABLE loan_repayments (
      loan_id uuid NOT NULL,
      month date NOT NULL,
      seq integer,
      employer_id uuid NOT NULL,
      worker_id uuid NOT NULL,
      lender_id uuid NOT NULL,
      corridor_code text NOT NULL,
      currency char(3) NOT NULL,
      wage_status text NOT NULL,
      due_minor bigint NOT NULL,
      deducted_minor bigint NOT NULL,
      cap_minor bigint NOT NULL,
      applied_minor bigint NOT NULL,
      refund_minor bigint NOT NULL,
      outcome text NOT NULL CONSTRAINT loan_repayments_outcome_known CHECK (outcome IN ('paid', 'short', 'missed', 'deferred', 'not_due')),
      flag text CONSTRAINT loan_repayments_flag_known CHECK (flag IN ('over_cap', 'not_paid_in_full')),
      matched_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (loan_id, month),
      CONSTRAINT loan_repayments_split CHECK (applied_minor + refund_minor = deducted_minor AND applied_minor <= cap_minor)
    );
    CREATE INDEX loan_repayments_month ON loan_repayments (month);
    CREATE INDEX loan_repayments_lender ON loan_repayments (lender_id, month);
    CREATE UNIQUE INDEX loan_repayments_instalment ON loan_repayments (loan_id, seq) WHERE outcome <> 'deferred';
    COMMENT ON TABLE loan_repayments IS 'Written only by the month''s match, from loans joined to wage_results (so without foreign keys: integrity by construction, as decision 0010 for wage_results). The match of one loan''s month: instalment due, what the wage agent deducted, the reconciled wage status, what counts as repaid and what is owed back to the worker';
    COMMENT ON COLUMN loan_repayments.loan_id IS 'The loan';
    COMMENT ON COLUMN loan_repayments.month IS 'First day of the wage month';
    COMMENT ON COLUMN loan_repayments.seq IS 'The instalment due that month (null: none was due)';
    COMMENT ON COLUMN loan_repayments.employer_id IS 'The loan''s employer';
    COMMENT ON COLUMN loan_repayments.worker_id IS 'The borrowing worker';
    COMMENT ON COLUMN loan_repayments.lender_id IS 'The lender';
    COMMENT ON COLUMN loan_repayments.corridor_code IS 'The corridor';
    COMMENT ON COLUMN loan_repayments.currency IS 'Currency (ISO 4217)';
    COMMENT ON COLUMN loan_repayments.wage_status IS 'The reconciled wage status of the month (paid, late, underpaid, unpaid)';
    COMMENT ON COLUMN loan_repayments.due_minor IS 'What remained due of the instalment, minor units';
    COMMENT ON COLUMN loan_repayments.deducted_minor IS 'What the wage agent reported deducting';
    COMMENT ON COLUMN loan_repayments.cap_minor IS 'Most that may be taken this month: the instalment due, and at most the corridor share of the wage paid; 0 when the wage was not paid in full';
    COMMENT ON COLUMN loan_repayments.applied_minor IS 'Counted as repaid: the deduction up to the cap';
    COMMENT ON COLUMN loan_repayments.refund_minor IS 'Owed back to the worker: the deduction above the cap, or all of it in a month not paid in full';
    COMMENT ON COLUMN loan_repayments.outcome IS 'paid, short, missed (nothing deducted), deferred (employer did not pay in full: the schedule moved a month, no interest added) or not_due';
    COMMENT ON COLUMN loan_repayments.flag IS 'over_cap (deducted more than the cap) or not_paid_in_full (deducted from a wage not paid in full)';
    COMMENT ON COLUMN loan_repayments.matched_at IS 'When the month was matched';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE loan_repayments, loan_deductions, loan_deduction_reports, loan_instalments, loans, loan_products`.execute(db);
}
