import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE countries (
      code char(3) PRIMARY KEY CONSTRAINT countries_code_format CHECK (code ~ '^[A-Z]{3}$'),
      alpha2 char(2) NOT NULL CONSTRAINT countries_alpha2_unique UNIQUE,
      numeric_code char(3) NOT NULL,
      name text NOT NULL,
      who_ssl_2023 boolean NOT NULL DEFAULT false
    );
    COMMENT ON TABLE countries IS 'ISO 3166-1 countries, with the WHO health workforce safeguard list flag';
    COMMENT ON COLUMN countries.code IS 'ISO 3166-1 alpha-3';
    COMMENT ON COLUMN countries.alpha2 IS 'ISO 3166-1 alpha-2';
    COMMENT ON COLUMN countries.numeric_code IS 'ISO 3166-1 numeric (UN M49)';
    COMMENT ON COLUMN countries.name IS 'English short name';
    COMMENT ON COLUMN countries.who_ssl_2023 IS 'On the WHO Health Workforce Support and Safeguards List 2023: active recruitment of health personnel needs a government-to-government exception';

    CREATE TABLE currencies (
      code char(3) PRIMARY KEY CONSTRAINT currencies_code_format CHECK (code ~ '^[A-Z]{3}$'),
      minor_digits smallint NOT NULL CONSTRAINT currencies_minor_digits_range CHECK (minor_digits BETWEEN 0 AND 4),
      name text NOT NULL
    );
    COMMENT ON TABLE currencies IS 'ISO 4217 currencies in use';
    COMMENT ON COLUMN currencies.code IS 'ISO 4217 alphabetic code';
    COMMENT ON COLUMN currencies.minor_digits IS 'Digits of the minor unit: amounts are stored as integers of this unit';
    COMMENT ON COLUMN currencies.name IS 'English name';

    CREATE TABLE occupations (
      code text PRIMARY KEY CONSTRAINT occupations_code_format CHECK (code ~ '^[0-9]{1,4}$'),
      level smallint NOT NULL CONSTRAINT occupations_level_range CHECK (level BETWEEN 1 AND 4),
      parent_code text REFERENCES occupations (code),
      title text NOT NULL,
      definition text NOT NULL DEFAULT '',
      is_health boolean GENERATED ALWAYS AS (code LIKE '22%' OR code LIKE '32%') STORED,
      CONSTRAINT occupations_level_matches_code CHECK (length(code) = level)
    );
    COMMENT ON TABLE occupations IS 'ISCO-08 groups at every level (major, sub-major, minor, unit)';
    COMMENT ON COLUMN occupations.code IS 'ISCO-08 code, 1 to 4 digits, leading zeros kept';
    COMMENT ON COLUMN occupations.level IS '1 major, 2 sub-major, 3 minor, 4 unit group';
    COMMENT ON COLUMN occupations.parent_code IS 'The group one level up';
    COMMENT ON COLUMN occupations.title IS 'ILO title (English)';
    COMMENT ON COLUMN occupations.definition IS 'ILO definition (English)';
    COMMENT ON COLUMN occupations.is_health IS 'Health professionals (22) or health associate professionals (32): subject to the WHO safeguard';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE occupations; DROP TABLE currencies; DROP TABLE countries;`.execute(db);
}
