import { type Kysely, sql } from 'kysely';

/**
 * Fair recruitment (PRODUCT.md 5.4): agency licences and their history, job orders with the
 * jointly liable parties, candidates and selections, worker-paid costs declared by both sides,
 * breaches of the fee cap, and workers' ratings of the agencies that recruited them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE agency_licences (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES organisations (id),
      number text NOT NULL,
      issued_by_organisation_id uuid REFERENCES organisations (id),
      valid_from date NOT NULL,
      valid_to date NOT NULL,
      status text NOT NULL CONSTRAINT agency_licences_status_known CHECK (status IN ('active', 'suspended', 'revoked')),
      status_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT agency_licences_dates CHECK (valid_to >= valid_from)
    );
    CREATE UNIQUE INDEX agency_licences_number_unique ON agency_licences (issued_by_organisation_id, number);
    CREATE INDEX agency_licences_agency ON agency_licences (agency_id);
    COMMENT ON TABLE agency_licences IS 'Licences of recruitment agencies issued by an authority; expired is not stored but read from valid_to';
    COMMENT ON COLUMN agency_licences.id IS 'Identifier';
    COMMENT ON COLUMN agency_licences.agency_id IS 'The licensed recruitment agency';
    COMMENT ON COLUMN agency_licences.number IS 'Licence number as issued';
    COMMENT ON COLUMN agency_licences.issued_by_organisation_id IS 'The authority that issued it (null: recorded by the operator)';
    COMMENT ON COLUMN agency_licences.valid_from IS 'First day of validity';
    COMMENT ON COLUMN agency_licences.valid_to IS 'Last day of validity: after it the licence is expired, automatically';
    COMMENT ON COLUMN agency_licences.status IS 'active, suspended or revoked as the authority set it (expired is derived from valid_to)';
    COMMENT ON COLUMN agency_licences.status_reason IS 'Why the status was last changed';
    COMMENT ON COLUMN agency_licences.created_at IS 'When it was recorded';
    COMMENT ON COLUMN agency_licences.updated_at IS 'Last change of status';

    CREATE TABLE agency_licence_events (
      id bigserial PRIMARY KEY,
      licence_id uuid NOT NULL REFERENCES agency_licences (id),
      from_status text,
      to_status text NOT NULL,
      reason text NOT NULL,
      actor_organisation_id uuid REFERENCES organisations (id),
      occurred_at timestamptz NOT NULL DEFAULT clock_timestamp()
    );
    CREATE INDEX agency_licence_events_licence ON agency_licence_events (licence_id, id);
    COMMENT ON TABLE agency_licence_events IS 'History of every licence: issue and each change of status, with the reason (append-only)';
    COMMENT ON COLUMN agency_licence_events.id IS 'Order of the events';
    COMMENT ON COLUMN agency_licence_events.licence_id IS 'The licence';
    COMMENT ON COLUMN agency_licence_events.from_status IS 'Status before (null when issued)';
    COMMENT ON COLUMN agency_licence_events.to_status IS 'Status after';
    COMMENT ON COLUMN agency_licence_events.reason IS 'Why, in the authority''s words';
    COMMENT ON COLUMN agency_licence_events.actor_organisation_id IS 'The organisation that made the change';
    COMMENT ON COLUMN agency_licence_events.occurred_at IS 'When';

    CREATE TABLE job_orders (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reference text NOT NULL,
      employer_id uuid NOT NULL REFERENCES organisations (id),
      corridor_code text NOT NULL REFERENCES corridors (code),
      origin_agency_id uuid NOT NULL REFERENCES organisations (id),
      destination_liable_id uuid NOT NULL REFERENCES organisations (id),
      occupation_isco text NOT NULL REFERENCES occupations (code),
      positions integer NOT NULL CONSTRAINT job_orders_positions_positive CHECK (positions > 0),
      terms jsonb NOT NULL,
      monthly_wage_minor bigint NOT NULL,
      currency char(3) NOT NULL REFERENCES currencies (code),
      required_skills text[] NOT NULL DEFAULT '{}',
      required_languages text[] NOT NULL DEFAULT '{}',
      required_certificates text[] NOT NULL DEFAULT '{}',
      status text NOT NULL CONSTRAINT job_orders_status_known CHECK (status IN ('submitted', 'verified', 'refused', 'closed')),
      breaches jsonb NOT NULL DEFAULT '[]',
      rules_version integer,
      safeguard_exception text,
      decided_by_organisation_id uuid REFERENCES organisations (id),
      decided_at timestamptz,
      decision_reason text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX job_orders_reference_unique ON job_orders (reference);
    CREATE INDEX job_orders_employer ON job_orders (employer_id);
    CREATE INDEX job_orders_origin_agency ON job_orders (origin_agency_id);
    CREATE INDEX job_orders_destination_liable ON job_orders (destination_liable_id);
    CREATE INDEX job_orders_corridor_status ON job_orders (corridor_code, status);
    COMMENT ON TABLE job_orders IS 'Job orders posted by employers, verified by the origin authority; each names the jointly liable origin agency and destination agency or employer';
    COMMENT ON COLUMN job_orders.id IS 'Identifier';
    COMMENT ON COLUMN job_orders.reference IS 'Public reference, e.g. JO-NPL-ARE-2026-000001';
    COMMENT ON COLUMN job_orders.employer_id IS 'The employer that posted it';
    COMMENT ON COLUMN job_orders.corridor_code IS 'The corridor whose rules apply';
    COMMENT ON COLUMN job_orders.origin_agency_id IS 'Origin recruitment agency serving the order: jointly liable';
    COMMENT ON COLUMN job_orders.destination_liable_id IS 'Destination recruitment agency, or the employer itself: jointly liable';
    COMMENT ON COLUMN job_orders.occupation_isco IS 'ISCO-08 unit group of the job';
    COMMENT ON COLUMN job_orders.positions IS 'How many workers are sought';
    COMMENT ON COLUMN job_orders.terms IS 'The contract terms offered (ContractTerms without the worker): each contract is made from them';
    COMMENT ON COLUMN job_orders.monthly_wage_minor IS 'Fixed monthly pay offered (basic plus fixed allowances), minor units';
    COMMENT ON COLUMN job_orders.currency IS 'Currency of the wage (ISO 4217)';
    COMMENT ON COLUMN job_orders.required_skills IS 'Skills sought (free keywords, lower case)';
    COMMENT ON COLUMN job_orders.required_languages IS 'Languages sought (BCP 47)';
    COMMENT ON COLUMN job_orders.required_certificates IS 'Certificates sought (codes, lower case)';
    COMMENT ON COLUMN job_orders.status IS 'submitted, verified (by the origin authority), refused, closed';
    COMMENT ON COLUMN job_orders.breaches IS 'Breaches of the corridor rules found at the last check';
    COMMENT ON COLUMN job_orders.rules_version IS 'Version of the corridor rules it was checked against';
    COMMENT ON COLUMN job_orders.safeguard_exception IS 'Government-to-government exception under which a health occupation from a WHO safeguard-list country was verified';
    COMMENT ON COLUMN job_orders.decided_by_organisation_id IS 'The authority that verified or refused it';
    COMMENT ON COLUMN job_orders.decided_at IS 'When it was verified or refused';
    COMMENT ON COLUMN job_orders.decision_reason IS 'Why it was refused (or a note on verification)';
    COMMENT ON COLUMN job_orders.created_at IS 'When it was posted';

    CREATE TABLE recruitment_candidates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      worker_id uuid NOT NULL REFERENCES workers (id),
      registered_by_organisation_id uuid REFERENCES organisations (id),
      nationality char(3) NOT NULL REFERENCES countries (code),
      occupation_isco text NOT NULL REFERENCES occupations (code),
      occupation_minor text NOT NULL,
      skills text[] NOT NULL DEFAULT '{}',
      languages text[] NOT NULL DEFAULT '{}',
      certificates text[] NOT NULL DEFAULT '{}',
      available boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX recruitment_candidates_worker_unique ON recruitment_candidates (worker_id);
    CREATE INDEX recruitment_candidates_shortlist ON recruitment_candidates (occupation_minor, nationality, registered_by_organisation_id) WHERE available;
    CREATE INDEX recruitment_candidates_unit_group ON recruitment_candidates (occupation_isco, nationality) WHERE available;
    CREATE INDEX recruitment_candidates_agency ON recruitment_candidates (registered_by_organisation_id);
    COMMENT ON TABLE recruitment_candidates IS 'Workers looking for a job abroad, registered by an origin agency or by themselves, with what matching needs';
    COMMENT ON COLUMN recruitment_candidates.id IS 'Identifier';
    COMMENT ON COLUMN recruitment_candidates.worker_id IS 'The worker (one profile per worker)';
    COMMENT ON COLUMN recruitment_candidates.registered_by_organisation_id IS 'The origin agency that registered the profile; null when the worker did';
    COMMENT ON COLUMN recruitment_candidates.nationality IS 'The worker''s nationality (copied from the worker record, for matching within a corridor)';
    COMMENT ON COLUMN recruitment_candidates.occupation_isco IS 'ISCO-08 unit group the worker seeks';
    COMMENT ON COLUMN recruitment_candidates.occupation_minor IS 'ISCO-08 minor group (first three digits) for the shortlist index';
    COMMENT ON COLUMN recruitment_candidates.skills IS 'Skills (free keywords, lower case)';
    COMMENT ON COLUMN recruitment_candidates.languages IS 'Languages spoken (BCP 47)';
    COMMENT ON COLUMN recruitment_candidates.certificates IS 'Certificates held (codes, lower case)';
    COMMENT ON COLUMN recruitment_candidates.available IS 'Still looking (false once selected or withdrawn)';
    COMMENT ON COLUMN recruitment_candidates.created_at IS 'When registered';
    COMMENT ON COLUMN recruitment_candidates.updated_at IS 'Last change';

    CREATE TABLE job_order_selections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      job_order_id uuid NOT NULL REFERENCES job_orders (id),
      candidate_id uuid NOT NULL REFERENCES recruitment_candidates (id),
      worker_id uuid NOT NULL REFERENCES workers (id),
      selected_by_organisation_id uuid REFERENCES organisations (id),
      rank integer,
      reasons jsonb NOT NULL DEFAULT '[]',
      contract_id uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX job_order_selections_unique ON job_order_selections (job_order_id, worker_id);
    COMMENT ON TABLE job_order_selections IS 'Candidates selected for a job order by the employer or the origin agency; a selection leads to a contract offer';
    COMMENT ON COLUMN job_order_selections.id IS 'Identifier';
    COMMENT ON COLUMN job_order_selections.job_order_id IS 'The job order';
    COMMENT ON COLUMN job_order_selections.candidate_id IS 'The candidate profile';
    COMMENT ON COLUMN job_order_selections.worker_id IS 'The worker';
    COMMENT ON COLUMN job_order_selections.selected_by_organisation_id IS 'Who selected: the employer or the origin agency';
    COMMENT ON COLUMN job_order_selections.rank IS 'Rank on the shortlist when selected';
    COMMENT ON COLUMN job_order_selections.reasons IS 'Why the candidate ranked there';
    COMMENT ON COLUMN job_order_selections.contract_id IS 'The contract offered to the worker from the job order (null until the employer offers)';
    COMMENT ON COLUMN job_order_selections.created_at IS 'When selected';

    CREATE TABLE recruitment_cost_declarations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      contract_id uuid NOT NULL,
      employer_id uuid NOT NULL REFERENCES organisations (id),
      worker_id uuid NOT NULL REFERENCES workers (id),
      job_order_id uuid REFERENCES job_orders (id),
      side text NOT NULL CONSTRAINT recruitment_cost_declarations_side_known CHECK (side IN ('agency', 'worker')),
      declared_by_organisation_id uuid REFERENCES organisations (id),
      declared_by_user_id uuid REFERENCES users (id),
      wage_currency char(3) NOT NULL REFERENCES currencies (code),
      total_wage_minor bigint NOT NULL CONSTRAINT recruitment_cost_declarations_total_nonnegative CHECK (total_wage_minor >= 0),
      items jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      FOREIGN KEY (employer_id, contract_id) REFERENCES contracts (employer_id, id)
    );
    CREATE INDEX recruitment_cost_declarations_contract ON recruitment_cost_declarations (contract_id, side, created_at DESC);
    CREATE INDEX recruitment_cost_declarations_worker ON recruitment_cost_declarations (worker_id);
    COMMENT ON TABLE recruitment_cost_declarations IS 'Worker-paid recruitment costs by ILO category, declared for a contract by the agency and separately by the worker; the latest of each side counts';
    COMMENT ON COLUMN recruitment_cost_declarations.id IS 'Identifier';
    COMMENT ON COLUMN recruitment_cost_declarations.contract_id IS 'The contract the costs were paid to get';
    COMMENT ON COLUMN recruitment_cost_declarations.employer_id IS 'The contract''s employer';
    COMMENT ON COLUMN recruitment_cost_declarations.worker_id IS 'The worker who paid';
    COMMENT ON COLUMN recruitment_cost_declarations.job_order_id IS 'The job order the contract was made from, if any';
    COMMENT ON COLUMN recruitment_cost_declarations.side IS 'agency (the origin agency declares) or worker (the worker, from their own account)';
    COMMENT ON COLUMN recruitment_cost_declarations.declared_by_organisation_id IS 'The declaring agency (null for the worker)';
    COMMENT ON COLUMN recruitment_cost_declarations.declared_by_user_id IS 'The person who declared, if a person';
    COMMENT ON COLUMN recruitment_cost_declarations.wage_currency IS 'Currency of the contract''s wage, in which the total is given';
    COMMENT ON COLUMN recruitment_cost_declarations.total_wage_minor IS 'Sum of the items converted to the wage currency, minor units';
    COMMENT ON COLUMN recruitment_cost_declarations.items IS 'Items: category (ILO), amount_minor, currency, rate to the wage currency, amount in wage minor units';
    COMMENT ON COLUMN recruitment_cost_declarations.created_at IS 'When declared';

    CREATE TABLE recruitment_breaches (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL,
      contract_id uuid NOT NULL,
      employer_id uuid NOT NULL REFERENCES organisations (id),
      worker_id uuid NOT NULL REFERENCES workers (id),
      job_order_id uuid REFERENCES job_orders (id),
      origin_agency_id uuid REFERENCES organisations (id),
      destination_liable_id uuid NOT NULL REFERENCES organisations (id),
      origin_country char(3) NOT NULL REFERENCES countries (code),
      side text NOT NULL,
      cap_minor bigint NOT NULL,
      paid_minor bigint NOT NULL,
      currency char(3) NOT NULL REFERENCES currencies (code),
      status text NOT NULL DEFAULT 'open' CONSTRAINT recruitment_breaches_status_known CHECK (status IN ('open', 'upheld', 'dismissed')),
      decided_by_organisation_id uuid REFERENCES organisations (id),
      decided_at timestamptz,
      decision_reason text,
      raised_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (employer_id, contract_id) REFERENCES contracts (employer_id, id)
    );
    CREATE UNIQUE INDEX recruitment_breaches_one_per_side ON recruitment_breaches (contract_id, code, side);
    CREATE INDEX recruitment_breaches_origin_agency ON recruitment_breaches (origin_agency_id);
    CREATE INDEX recruitment_breaches_destination ON recruitment_breaches (destination_liable_id);
    COMMENT ON TABLE recruitment_breaches IS 'Fair-recruitment breaches (a worker-paid amount above the corridor cap), raised against both jointly liable parties';
    COMMENT ON COLUMN recruitment_breaches.id IS 'Identifier';
    COMMENT ON COLUMN recruitment_breaches.code IS 'What was breached: worker_paid_above_cap';
    COMMENT ON COLUMN recruitment_breaches.contract_id IS 'The contract';
    COMMENT ON COLUMN recruitment_breaches.employer_id IS 'The contract''s employer';
    COMMENT ON COLUMN recruitment_breaches.worker_id IS 'The worker who paid';
    COMMENT ON COLUMN recruitment_breaches.job_order_id IS 'The job order, if the contract came from one';
    COMMENT ON COLUMN recruitment_breaches.origin_agency_id IS 'Jointly liable origin agency';
    COMMENT ON COLUMN recruitment_breaches.destination_liable_id IS 'Jointly liable destination agency or employer';
    COMMENT ON COLUMN recruitment_breaches.origin_country IS 'Country of origin: whose authority decides';
    COMMENT ON COLUMN recruitment_breaches.side IS 'Whose declaration showed it: agency or worker';
    COMMENT ON COLUMN recruitment_breaches.cap_minor IS 'The corridor cap on worker-paid amounts, minor units';
    COMMENT ON COLUMN recruitment_breaches.paid_minor IS 'What the worker paid according to that declaration, minor units';
    COMMENT ON COLUMN recruitment_breaches.currency IS 'Currency of both amounts (the wage currency)';
    COMMENT ON COLUMN recruitment_breaches.status IS 'open, upheld or dismissed by the origin authority';
    COMMENT ON COLUMN recruitment_breaches.decided_by_organisation_id IS 'The authority that decided';
    COMMENT ON COLUMN recruitment_breaches.decided_at IS 'When it was decided';
    COMMENT ON COLUMN recruitment_breaches.decision_reason IS 'Why';
    COMMENT ON COLUMN recruitment_breaches.raised_at IS 'When it was raised';

    CREATE TABLE agency_ratings (
      agency_id uuid NOT NULL REFERENCES organisations (id),
      worker_id uuid NOT NULL REFERENCES workers (id),
      stars integer NOT NULL CONSTRAINT agency_ratings_stars_range CHECK (stars BETWEEN 1 AND 5),
      comment text,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agency_id, worker_id)
    );
    COMMENT ON TABLE agency_ratings IS 'Ratings of agencies by workers they actually recruited; one per worker and agency, a new one replaces it';
    COMMENT ON COLUMN agency_ratings.agency_id IS 'The agency rated';
    COMMENT ON COLUMN agency_ratings.worker_id IS 'The worker who rated';
    COMMENT ON COLUMN agency_ratings.stars IS '1 (worst) to 5 (best)';
    COMMENT ON COLUMN agency_ratings.comment IS 'The worker''s words (not published)';
    COMMENT ON COLUMN agency_ratings.updated_at IS 'When last rated';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE agency_ratings; DROP TABLE recruitment_breaches; DROP TABLE recruitment_cost_declarations;
    DROP TABLE job_order_selections; DROP TABLE recruitment_candidates; DROP TABLE job_orders;
    DROP TABLE agency_licence_events; DROP TABLE agency_licences;`.execute(db);
}
