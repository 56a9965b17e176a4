import { type Kysely, sql } from 'kysely';

/**
 * Wage protection (PRODUCT.md 5.3). salary_records and wage_results are the large tables:
 * their primary keys start with employer_id, the distribution column on Citus (docs/scaling.md).
 * salary_files holds one row per file (refused files may name no known employer), so it keeps
 * a plain id and would be a reference table there.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE wage_mandates (
      employer_id uuid NOT NULL REFERENCES organisations (id),
      agent_id uuid NOT NULL REFERENCES organisations (id),
      created_by_organisation_id uuid REFERENCES organisations (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (employer_id, agent_id)
    );
    CREATE INDEX wage_mandates_agent ON wage_mandates (agent_id);
    COMMENT ON TABLE wage_mandates IS 'Which wage agent (bank, exchange house) may submit salary files for which employer';
    COMMENT ON COLUMN wage_mandates.employer_id IS 'The employer that pays its workers through the agent (distribution column)';
    COMMENT ON COLUMN wage_mandates.agent_id IS 'The wage agent organisation';
    COMMENT ON COLUMN wage_mandates.created_by_organisation_id IS 'Who recorded the mandate: the employer, the destination authority or the platform (null: the operator at the command line)';
    COMMENT ON COLUMN wage_mandates.created_at IS 'When the mandate was recorded';

    CREATE TABLE salary_files (
      id uuid PRIMARY KEY,
      sha256 char(64) NOT NULL,
      status text NOT NULL CONSTRAINT salary_files_status_known CHECK (status IN ('accepted', 'rejected', 'duplicate')),
      file_name text NOT NULL,
      format text NOT NULL,
      profiles text[] NOT NULL DEFAULT '{}',
      employer_id uuid REFERENCES organisations (id),
      employer_external_id text,
      submitted_by_organisation_id uuid REFERENCES organisations (id),
      submitted_via text NOT NULL CONSTRAINT salary_files_via_known CHECK (submitted_via IN ('api', 'cli')),
      salary_month date,
      file_created_on date,
      currency char(3),
      byte_count bigint NOT NULL,
      record_count integer NOT NULL,
      total_minor bigint NOT NULL,
      control_count integer,
      control_total_minor bigint,
      error_count integer NOT NULL,
      warning_count integer NOT NULL,
      errors jsonb NOT NULL DEFAULT '[]',
      warnings jsonb NOT NULL DEFAULT '[]',
      duplicate_of uuid REFERENCES salary_files (id),
      received_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT salary_files_accepted_complete CHECK (status <> 'accepted' OR (employer_id IS NOT NULL AND salary_month IS NOT NULL AND file_created_on IS NOT NULL AND currency IS NOT NULL)),
      CONSTRAINT salary_files_duplicate_points CHECK ((status = 'duplicate') = (duplicate_of IS NOT NULL))
    );
    CREATE UNIQUE INDEX salary_files_accepted_sha256_unique ON salary_files (sha256) WHERE status = 'accepted';
    CREATE INDEX salary_files_employer_month ON salary_files (employer_id, salary_month);
    CREATE INDEX salary_files_submitter ON salary_files (submitted_by_organisation_id, received_at);
    COMMENT ON TABLE salary_files IS 'The acknowledgement of every salary file received: accepted (its payments are in salary_records), rejected (nothing else stored) or duplicate (the same bytes as an accepted file)';
    COMMENT ON COLUMN salary_files.id IS 'Acknowledgement id, returned to the submitter';
    COMMENT ON COLUMN salary_files.sha256 IS 'Hex SHA-256 of the exact bytes received; unique among accepted files, so the same file is never counted twice';
    COMMENT ON COLUMN salary_files.status IS 'accepted, rejected or duplicate';
    COMMENT ON COLUMN salary_files.file_name IS 'File name as submitted (checked against the naming rule of its format)';
    COMMENT ON COLUMN salary_files.format IS 'uae-sif, qatar-sif, csv, or unknown when no layout matched';
    COMMENT ON COLUMN salary_files.profiles IS 'UAE SIF bank profiles it was read with (strict always applies)';
    COMMENT ON COLUMN salary_files.employer_id IS 'The employer the file pays for, when known to Corridor and allowed to the submitter';
    COMMENT ON COLUMN salary_files.employer_external_id IS 'The employer id the file states (SIF SCR field 2, CSV employer_id)';
    COMMENT ON COLUMN salary_files.submitted_by_organisation_id IS 'The submitting organisation (a wage agent); null when imported by the operator at the command line';
    COMMENT ON COLUMN salary_files.submitted_via IS 'api (HTTP upload) or cli (corridor wps import)';
    COMMENT ON COLUMN salary_files.salary_month IS 'First day of the month paid (SIF SCR field 6)';
    COMMENT ON COLUMN salary_files.file_created_on IS 'File creation date (SIF SCR field 4): the date its payments count as paid';
    COMMENT ON COLUMN salary_files.currency IS 'Currency of the amounts (ISO 4217)';
    COMMENT ON COLUMN salary_files.byte_count IS 'Size of the file in bytes';
    COMMENT ON COLUMN salary_files.record_count IS 'Payment records counted in the file';
    COMMENT ON COLUMN salary_files.total_minor IS 'Sum of the records, computed from them, in minor units';
    COMMENT ON COLUMN salary_files.control_count IS 'Record count the file states (SCR field 7), when readable';
    COMMENT ON COLUMN salary_files.control_total_minor IS 'Total the file states (SCR field 8), in minor units, when readable';
    COMMENT ON COLUMN salary_files.error_count IS 'Errors found (all of them, even beyond the listed ones)';
    COMMENT ON COLUMN salary_files.warning_count IS 'Warnings found';
    COMMENT ON COLUMN salary_files.errors IS 'Listed errors: [{line, field, message}], line 0 = the file as a whole';
    COMMENT ON COLUMN salary_files.warnings IS 'Listed warnings, same shape';
    COMMENT ON COLUMN salary_files.duplicate_of IS 'For a duplicate: the accepted file with the same bytes';
    COMMENT ON COLUMN salary_files.received_at IS 'When the file was received';

    CREATE TABLE salary_records (
      employer_id uuid NOT NULL REFERENCES organisations (id),
      file_id uuid NOT NULL REFERENCES salary_files (id),
      line integer NOT NULL,
      person_id text NOT NULL,
      month date NOT NULL,
      paid_on date NOT NULL,
      currency char(3) NOT NULL,
      fixed_minor bigint NOT NULL,
      variable_minor bigint NOT NULL,
      deductions_minor bigint NOT NULL,
      paid_minor bigint NOT NULL,
      unpaid_leave_days integer NOT NULL,
      days_paid integer NOT NULL,
      pay_start date NOT NULL,
      pay_end date NOT NULL,
      agent_routing_code text,
      PRIMARY KEY (employer_id, file_id, line)
    );
    CREATE INDEX salary_records_employer_month_person ON salary_records (employer_id, month, person_id);
    CREATE INDEX salary_records_month ON salary_records (month);
    COMMENT ON TABLE salary_records IS 'Payments: one per EDR (or record line) of an accepted salary file; never updated';
    COMMENT ON COLUMN salary_records.employer_id IS 'The paying employer (the file''s employer; distribution column)';
    COMMENT ON COLUMN salary_records.file_id IS 'The accepted file the payment came in';
    COMMENT ON COLUMN salary_records.line IS '1-based line of the record in its file';
    COMMENT ON COLUMN salary_records.person_id IS 'Worker''s destination person / labour-card id (EDR field 2), matched to workers.person_id';
    COMMENT ON COLUMN salary_records.month IS 'First day of the salary month (SCR field 6)';
    COMMENT ON COLUMN salary_records.paid_on IS 'Date the payment counts as paid: the file creation date (SCR field 4)';
    COMMENT ON COLUMN salary_records.currency IS 'Currency (ISO 4217)';
    COMMENT ON COLUMN salary_records.fixed_minor IS 'Fixed component (EDR field 8), minor units';
    COMMENT ON COLUMN salary_records.variable_minor IS 'Variable component (EDR field 9), minor units';
    COMMENT ON COLUMN salary_records.deductions_minor IS 'Deductions (Qatar SIF only; 0 elsewhere), minor units';
    COMMENT ON COLUMN salary_records.paid_minor IS 'What the worker received: fixed + variable (UAE SIF, CSV), net salary (Qatar), minor units';
    COMMENT ON COLUMN salary_records.unpaid_leave_days IS 'Days of unpaid leave in the period (EDR field 10)';
    COMMENT ON COLUMN salary_records.days_paid IS 'Days paid (EDR field 7)';
    COMMENT ON COLUMN salary_records.pay_start IS 'First day of the period paid (EDR field 5)';
    COMMENT ON COLUMN salary_records.pay_end IS 'Last day of the period paid (EDR field 6)';
    COMMENT ON COLUMN salary_records.agent_routing_code IS 'Routing code of the worker''s bank or exchange house (EDR field 3); the account itself is not kept';

    CREATE TABLE wage_results (
      employer_id uuid NOT NULL,
      contract_id uuid NOT NULL,
      month date NOT NULL,
      corridor_code text NOT NULL REFERENCES corridors (code),
      worker_id uuid NOT NULL REFERENCES workers (id),
      person_id text,
      rules_version integer NOT NULL,
      currency char(3) NOT NULL,
      monthly_minor bigint NOT NULL,
      days_in_month integer NOT NULL,
      active_days integer NOT NULL,
      leave_days integer NOT NULL,
      expected_minor bigint NOT NULL,
      paid_minor bigint NOT NULL,
      payments integer NOT NULL,
      status text NOT NULL CONSTRAINT wage_results_status_known CHECK (status IN ('paid', 'late', 'pending', 'unpaid', 'underpaid')),
      full_on date,
      due_on date NOT NULL,
      deadline date NOT NULL,
      as_of date NOT NULL,
      computed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (employer_id, contract_id, month),
      FOREIGN KEY (employer_id, contract_id) REFERENCES contracts (employer_id, id)
    );
    CREATE INDEX wage_results_month_corridor ON wage_results (month, corridor_code);
    CREATE INDEX wage_results_worker ON wage_results (worker_id, month);
    COMMENT ON TABLE wage_results IS 'The reconciliation of each registered contract for each month (PRODUCT.md 5.3); a re-run replaces it';
    COMMENT ON COLUMN wage_results.employer_id IS 'The contract''s employer (distribution column)';
    COMMENT ON COLUMN wage_results.contract_id IS 'The registered contract';
    COMMENT ON COLUMN wage_results.month IS 'First day of the month reconciled';
    COMMENT ON COLUMN wage_results.corridor_code IS 'The contract''s corridor';
    COMMENT ON COLUMN wage_results.worker_id IS 'The worker';
    COMMENT ON COLUMN wage_results.person_id IS 'The worker''s person id as in salary files (null: the worker has none, so no payment can match)';
    COMMENT ON COLUMN wage_results.rules_version IS 'Corridor rules version whose wage rules (pay day, grace, tolerance) were applied';
    COMMENT ON COLUMN wage_results.currency IS 'Currency of the contract wage; only payments in it count';
    COMMENT ON COLUMN wage_results.monthly_minor IS 'Basic wage plus fixed allowances of the registered version, minor units';
    COMMENT ON COLUMN wage_results.days_in_month IS 'Calendar days of the month';
    COMMENT ON COLUMN wage_results.active_days IS 'Days of the month inside the contract';
    COMMENT ON COLUMN wage_results.leave_days IS 'Unpaid leave days reported for the month (from the latest file)';
    COMMENT ON COLUMN wage_results.expected_minor IS 'round_half_up(monthly x (active - leave) / days in month)';
    COMMENT ON COLUMN wage_results.paid_minor IS 'Sum of the payments counted (paid on or before as_of)';
    COMMENT ON COLUMN wage_results.payments IS 'Number of payments counted';
    COMMENT ON COLUMN wage_results.status IS 'paid, late, pending, unpaid or underpaid (rules in PRODUCT.md 5.3)';
    COMMENT ON COLUMN wage_results.full_on IS 'Paid-on date of the payment that brought the sum to the expected amount less the tolerance; null if never';
    COMMENT ON COLUMN wage_results.due_on IS 'Pay day of the next month (clamped to its last day)';
    COMMENT ON COLUMN wage_results.deadline IS 'Due date plus the grace days';
    COMMENT ON COLUMN wage_results.as_of IS 'Only payments paid on or before this date were counted';
    COMMENT ON COLUMN wage_results.computed_at IS 'When this result was computed';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE wage_results; DROP TABLE salary_records; DROP TABLE salary_files; DROP TABLE wage_mandates;`.execute(db);
}
