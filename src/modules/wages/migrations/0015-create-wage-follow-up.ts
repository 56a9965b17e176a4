import { type Kysely, sql } from 'kysely';

/**
 * The wage follow-up ladder (PRODUCT.md 5.3): one escalation per unpaid, underpaid or late
 * contract-month, the employer suspensions it leads to, and the workers' right to change
 * employer. wage_escalations grows with wage_results, so its key starts with employer_id.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE wage_escalations (
      employer_id uuid NOT NULL,
      contract_id uuid NOT NULL,
      month date NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      worker_id uuid NOT NULL REFERENCES workers (id),
      corridor_code text NOT NULL REFERENCES corridors (code),
      rules_version integer NOT NULL,
      wage_status text NOT NULL CONSTRAINT wage_escalations_wage_status_known CHECK (wage_status IN ('paid', 'late', 'pending', 'unpaid', 'underpaid')),
      deadline date NOT NULL,
      step text CONSTRAINT wage_escalations_step_known CHECK (step IN ('reminder', 'warning', 'inspection')),
      step_count integer NOT NULL DEFAULT 0,
      steps jsonb NOT NULL DEFAULT '[]',
      state text NOT NULL CONSTRAINT wage_escalations_state_known CHECK (state IN ('open', 'closed')),
      resolution text CONSTRAINT wage_escalations_resolution_known CHECK (resolution IN ('paid', 'paid_late', 'justified', 'cleared')),
      closed_on date,
      justification_category text,
      justification_text text,
      justified_at timestamptz,
      justified_by uuid REFERENCES users (id),
      worker_response text CONSTRAINT wage_escalations_response_known CHECK (worker_response IN ('accept', 'contest')),
      worker_comment text,
      worker_language text,
      responded_at timestamptz,
      opened_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (employer_id, contract_id, month),
      FOREIGN KEY (employer_id, contract_id) REFERENCES contracts (employer_id, id),
      CONSTRAINT wage_escalations_closed_resolved CHECK ((state = 'closed') = (resolution IS NOT NULL)),
      CONSTRAINT wage_escalations_response_after_justification CHECK (worker_response IS NULL OR justified_at IS NOT NULL)
    );
    CREATE UNIQUE INDEX wage_escalations_id_unique ON wage_escalations (id);
    CREATE INDEX wage_escalations_worker ON wage_escalations (worker_id, month);
    CREATE INDEX wage_escalations_open ON wage_escalations (employer_id, month) WHERE state = 'open';
    COMMENT ON TABLE wage_escalations IS 'The follow-up of a contract-month whose wage was unpaid, underpaid or late past its deadline: the ladder steps reached, the employer''s justification and the worker''s answer';
    COMMENT ON COLUMN wage_escalations.employer_id IS 'The contract''s employer (distribution column)';
    COMMENT ON COLUMN wage_escalations.contract_id IS 'The registered contract';
    COMMENT ON COLUMN wage_escalations.month IS 'First day of the salary month followed up';
    COMMENT ON COLUMN wage_escalations.id IS 'Case id, as the API names it';
    COMMENT ON COLUMN wage_escalations.worker_id IS 'The worker owed the wage';
    COMMENT ON COLUMN wage_escalations.corridor_code IS 'The contract''s corridor';
    COMMENT ON COLUMN wage_escalations.rules_version IS 'Corridor rules version whose wage.follow_up ladder applies (that of the reconciliation)';
    COMMENT ON COLUMN wage_escalations.wage_status IS 'The month''s reconciliation status at the last follow-up run';
    COMMENT ON COLUMN wage_escalations.deadline IS 'Payment deadline of the month (due date plus grace days); steps count days from it';
    COMMENT ON COLUMN wage_escalations.step IS 'Current ladder step: reminder, warning or inspection (null: none due yet)';
    COMMENT ON COLUMN wage_escalations.step_count IS 'Number of ladder steps reached; never decreases';
    COMMENT ON COLUMN wage_escalations.steps IS 'Steps reached, in order: [{step, day, on}] where on = deadline + day';
    COMMENT ON COLUMN wage_escalations.state IS 'open (the wage is still owed) or closed';
    COMMENT ON COLUMN wage_escalations.resolution IS 'Why closed: paid, paid_late, justified (the worker accepted the employer''s justification) or cleared (no longer owed: the reconciliation changed)';
    COMMENT ON COLUMN wage_escalations.closed_on IS 'Date the case closed';
    COMMENT ON COLUMN wage_escalations.justification_category IS 'The employer''s justification category';
    COMMENT ON COLUMN wage_escalations.justification_text IS 'The employer''s justification, free text';
    COMMENT ON COLUMN wage_escalations.justified_at IS 'When the justification was filed';
    COMMENT ON COLUMN wage_escalations.justified_by IS 'User who filed it (null: an API token)';
    COMMENT ON COLUMN wage_escalations.worker_response IS 'The worker''s answer to the justification: accept (closes the case) or contest (it goes on up the ladder)';
    COMMENT ON COLUMN wage_escalations.worker_comment IS 'The worker''s comment, free text';
    COMMENT ON COLUMN wage_escalations.worker_language IS 'Language the worker answered in (their account''s language, BCP 47)';
    COMMENT ON COLUMN wage_escalations.responded_at IS 'When the worker answered';
    COMMENT ON COLUMN wage_escalations.opened_at IS 'When the case was first recorded';
    COMMENT ON COLUMN wage_escalations.updated_at IS 'When the case last changed';

    CREATE TABLE wage_suspensions (
      employer_id uuid NOT NULL REFERENCES organisations (id),
      started_on date NOT NULL,
      months date[] NOT NULL,
      lifted_on date,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (employer_id, started_on),
      CONSTRAINT wage_suspensions_lifted_after CHECK (lifted_on IS NULL OR lifted_on >= started_on)
    );
    CREATE UNIQUE INDEX wage_suspensions_one_open ON wage_suspensions (employer_id) WHERE lifted_on IS NULL;
    COMMENT ON TABLE wage_suspensions IS 'Employers whose new job orders and contracts are suspended for unpaid or underpaid wages (corridor rule wage.follow_up.suspend_after_months)';
    COMMENT ON COLUMN wage_suspensions.employer_id IS 'The suspended employer';
    COMMENT ON COLUMN wage_suspensions.started_on IS 'As-of date of the follow-up run that found the months owed';
    COMMENT ON COLUMN wage_suspensions.months IS 'The salary months still owed when it started';
    COMMENT ON COLUMN wage_suspensions.lifted_on IS 'As-of date of the run that found fewer months owed than the rule (null: in force)';
    COMMENT ON COLUMN wage_suspensions.created_at IS 'When it was recorded';

    CREATE TABLE wage_employer_change_rights (
      employer_id uuid NOT NULL,
      contract_id uuid NOT NULL,
      worker_id uuid NOT NULL REFERENCES workers (id),
      corridor_code text NOT NULL REFERENCES corridors (code),
      granted_on date NOT NULL,
      months date[] NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (employer_id, contract_id),
      FOREIGN KEY (employer_id, contract_id) REFERENCES contracts (employer_id, id)
    );
    CREATE INDEX wage_employer_change_rights_worker ON wage_employer_change_rights (worker_id);
    COMMENT ON TABLE wage_employer_change_rights IS 'The worker''s right to change employer without the employer''s consent, earned by unpaid or underpaid wages (corridor rule wage.follow_up.change_employer_after_months); never withdrawn';
    COMMENT ON COLUMN wage_employer_change_rights.employer_id IS 'The employer that did not pay (distribution column)';
    COMMENT ON COLUMN wage_employer_change_rights.contract_id IS 'The contract the worker may leave';
    COMMENT ON COLUMN wage_employer_change_rights.worker_id IS 'The worker who holds the right';
    COMMENT ON COLUMN wage_employer_change_rights.corridor_code IS 'The contract''s corridor';
    COMMENT ON COLUMN wage_employer_change_rights.granted_on IS 'As-of date of the follow-up run that granted it';
    COMMENT ON COLUMN wage_employer_change_rights.months IS 'The salary months owed when it was granted';
    COMMENT ON COLUMN wage_employer_change_rights.created_at IS 'When it was recorded';
  `.execute(db);
  // wage_results is written only by the reconciliation, which selects every row from a join of
  // contracts, workers and corridors: each reference exists by construction, and contracts,
  // workers and corridors are never deleted. Its three foreign keys cost three index probes per
  // result (a million a month), more than the rest of the insert on PGlite (docs/performance.md),
  // and protected nothing the statement does not already guarantee. Unreleased, so done here.
  await sql`
    ALTER TABLE wage_results DROP CONSTRAINT wage_results_corridor_code_fkey;
    ALTER TABLE wage_results DROP CONSTRAINT wage_results_worker_id_fkey;
    ALTER TABLE wage_results DROP CONSTRAINT wage_results_employer_id_contract_id_fkey;
    COMMENT ON TABLE wage_results IS 'The reconciliation of each registered contract for each month (PRODUCT.md 5.3); a re-run replaces it. No foreign keys: rows come only from a join of contracts, workers and corridors (integrity by construction)';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE wage_results ADD FOREIGN KEY (corridor_code) REFERENCES corridors (code);
    ALTER TABLE wage_results ADD FOREIGN KEY (worker_id) REFERENCES workers (id);
    ALTER TABLE wage_results ADD FOREIGN KEY (employer_id, contract_id) REFERENCES contracts (employer_id, id);
  `.execute(db);
  await sql`DROP TABLE wage_employer_change_rights; DROP TABLE wage_suspensions; DROP TABLE wage_escalations;`.execute(db);
}
