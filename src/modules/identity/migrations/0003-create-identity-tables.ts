import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE organisations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CONSTRAINT organisations_kind_known CHECK (kind IN (
        'platform', 'origin_authority', 'destination_authority', 'employer', 'recruitment_agency',
        'wage_agent', 'lender', 'remittance_provider')),
      name text NOT NULL CONSTRAINT organisations_name_present CHECK (length(trim(name)) > 0),
      country char(3) NOT NULL REFERENCES countries (code),
      external_id text,
      status text NOT NULL DEFAULT 'active' CONSTRAINT organisations_status_known CHECK (status IN ('active', 'suspended', 'closed')),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX organisations_external_id_unique ON organisations (kind, country, external_id) WHERE external_id IS NOT NULL;
    COMMENT ON TABLE organisations IS 'Every party that acts in a corridor: authorities, employers, agencies, wage agents, lenders, remittance providers, and the platform operator';
    COMMENT ON COLUMN organisations.kind IS 'What the organisation is; decides which roles its users can hold';
    COMMENT ON COLUMN organisations.country IS 'ISO 3166-1 alpha-3 of the country it is established in; an authority''s jurisdiction';
    COMMENT ON COLUMN organisations.external_id IS 'Its id in the field: establishment id of an employer (SIF employer id), routing code of a wage agent, licence number of an agency';
    COMMENT ON COLUMN organisations.status IS 'active, suspended or closed';

    CREATE TABLE workers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      full_name text NOT NULL,
      sex char(1) NOT NULL CONSTRAINT workers_sex_known CHECK (sex IN ('F', 'M', 'X')),
      birth_date date NOT NULL,
      nationality char(3) NOT NULL REFERENCES countries (code),
      passport_no text,
      person_id text,
      registered_by uuid REFERENCES organisations (id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX workers_passport_unique ON workers (nationality, passport_no) WHERE passport_no IS NOT NULL;
    CREATE UNIQUE INDEX workers_person_id_unique ON workers (person_id) WHERE person_id IS NOT NULL;
    COMMENT ON TABLE workers IS 'Migrant workers: personal data, every read by someone other than the worker is audited';
    COMMENT ON COLUMN workers.sex IS 'F, M or X';
    COMMENT ON COLUMN workers.nationality IS 'ISO 3166-1 alpha-3; decides which origin authority has the worker in scope';
    COMMENT ON COLUMN workers.passport_no IS 'Passport number; never logged';
    COMMENT ON COLUMN workers.person_id IS 'Destination person / labour-card id, as in salary files';
    COMMENT ON COLUMN workers.registered_by IS 'Organisation that registered the worker';

    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL,
      display_name text NOT NULL,
      role text NOT NULL CONSTRAINT users_role_known CHECK (role IN ('platform_admin', 'org_admin', 'org_staff', 'worker')),
      organisation_id uuid REFERENCES organisations (id),
      worker_id uuid REFERENCES workers (id),
      password_hash text NOT NULL,
      must_change_password boolean NOT NULL DEFAULT false,
      failed_logins integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      language text NOT NULL DEFAULT 'en',
      disabled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT users_worker_has_worker CHECK ((role = 'worker') = (worker_id IS NOT NULL)),
      CONSTRAINT users_staff_has_organisation CHECK (role NOT IN ('org_admin', 'org_staff') OR organisation_id IS NOT NULL)
    );
    CREATE UNIQUE INDEX users_email_unique ON users (lower(email));
    CREATE UNIQUE INDEX users_worker_unique ON users (worker_id) WHERE worker_id IS NOT NULL;
    COMMENT ON TABLE users IS 'People who sign in';
    COMMENT ON COLUMN users.email IS 'Sign-in name, unique regardless of case';
    COMMENT ON COLUMN users.role IS 'platform_admin, org_admin (manages its organisation), org_staff, or worker (sees only their own records)';
    COMMENT ON COLUMN users.organisation_id IS 'The organisation the user acts for (none for workers)';
    COMMENT ON COLUMN users.worker_id IS 'For a worker: their own worker record';
    COMMENT ON COLUMN users.password_hash IS 'argon2id hash (PHC string)';
    COMMENT ON COLUMN users.must_change_password IS 'A one-time password was issued: nothing but a password change is allowed until then';
    COMMENT ON COLUMN users.failed_logins IS 'Consecutive failed sign-ins; reset on success';
    COMMENT ON COLUMN users.locked_until IS 'Sign-in refused until then after repeated failures';
    COMMENT ON COLUMN users.language IS 'Preferred language (BCP 47)';
    COMMENT ON COLUMN users.disabled_at IS 'When access was withdrawn';

    CREATE TABLE sessions (
      id_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id),
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      ip text,
      user_agent text,
      revoked_at timestamptz
    );
    CREATE INDEX sessions_user ON sessions (user_id);
    COMMENT ON TABLE sessions IS 'Signed-in browser sessions';
    COMMENT ON COLUMN sessions.id_hash IS 'SHA-256 (hex) of the session cookie: the cookie itself is never stored';
    COMMENT ON COLUMN sessions.csrf_token IS 'Synchronizer token the browser must echo in X-CSRF-Token on every change';
    COMMENT ON COLUMN sessions.expires_at IS 'Absolute expiry';
    COMMENT ON COLUMN sessions.revoked_at IS 'Signed out or withdrawn';

    CREATE TABLE api_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      prefix text NOT NULL CONSTRAINT api_tokens_prefix_unique UNIQUE,
      secret_hash text NOT NULL,
      name text NOT NULL,
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      created_by uuid REFERENCES users (id),
      scopes text[] NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz,
      revoked_at timestamptz,
      last_used_at timestamptz
    );
    CREATE INDEX api_tokens_organisation ON api_tokens (organisation_id);
    COMMENT ON TABLE api_tokens IS 'Tokens for machine clients (wage agents, remittance providers): shown once, stored hashed, revocable';
    COMMENT ON COLUMN api_tokens.prefix IS 'Public part of the token, used to find it';
    COMMENT ON COLUMN api_tokens.secret_hash IS 'SHA-256 (hex) of the secret part';
    COMMENT ON COLUMN api_tokens.name IS 'What the token is for';
    COMMENT ON COLUMN api_tokens.organisation_id IS 'The organisation the token acts for';
    COMMENT ON COLUMN api_tokens.created_by IS 'User who created it (none when created from the CLI)';
    COMMENT ON COLUMN api_tokens.scopes IS 'Scopes granted; never more than the organisation''s role allows';
    COMMENT ON COLUMN api_tokens.expires_at IS 'When it stops working; none for no expiry';
    COMMENT ON COLUMN api_tokens.revoked_at IS 'When it was revoked';
    COMMENT ON COLUMN api_tokens.last_used_at IS 'Last successful use';
    COMMENT ON COLUMN organisations.id IS 'Identifier';
    COMMENT ON COLUMN organisations.name IS 'Legal or official name';
    COMMENT ON COLUMN organisations.created_at IS 'When it was enrolled';
    COMMENT ON COLUMN workers.id IS 'Identifier';
    COMMENT ON COLUMN workers.full_name IS 'Full name as in the passport';
    COMMENT ON COLUMN workers.birth_date IS 'Date of birth';
    COMMENT ON COLUMN workers.created_at IS 'When the record was made';
    COMMENT ON COLUMN users.id IS 'Identifier';
    COMMENT ON COLUMN users.display_name IS 'Name shown to others';
    COMMENT ON COLUMN users.created_at IS 'When the account was made';
    COMMENT ON COLUMN sessions.user_id IS 'Who signed in';
    COMMENT ON COLUMN sessions.created_at IS 'When they signed in';
    COMMENT ON COLUMN sessions.last_seen_at IS 'Last request (idle sessions end)';
    COMMENT ON COLUMN sessions.ip IS 'Address they signed in from';
    COMMENT ON COLUMN sessions.user_agent IS 'Browser they signed in with';
    COMMENT ON COLUMN api_tokens.id IS 'Identifier';
    COMMENT ON COLUMN api_tokens.created_at IS 'When it was made';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE api_tokens; DROP TABLE sessions; DROP TABLE users; DROP TABLE workers; DROP TABLE organisations;`.execute(db);
}
