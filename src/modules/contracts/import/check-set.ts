import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../schema.js';

/**
 * Checks across rows and against what is stored: a contract number twice in the file or
 * already registered, and one worker's records that disagree (in the file, or with the
 * worker already enrolled under that worker_id). Messages never quote passport numbers.
 */
export async function checkSet(db: Kysely<DB>): Promise<void> {
  await sql`
    INSERT INTO import_errors (line, col, message)
    SELECT line, 'contract_no', format('contract_no %s also appears on line %s', contract_no, first)
    FROM (SELECT line, contract_no, min(line) OVER (PARTITION BY contract_no) AS first FROM import_rows WHERE contract_no IS NOT NULL) d
    WHERE line <> first
    UNION ALL
    SELECT t.line, 'contract_no', format('contract_no %s is already in the registry', t.contract_no)
    FROM import_rows t JOIN contracts c ON c.contract_no = t.contract_no
  `.execute(db);

  // A worker with several contracts appears on several lines: they must describe one person.
  await sql`
    INSERT INTO import_errors (line, col, message)
    SELECT line, col, format('differs from line %s, for the same worker_id', first)
    FROM (
      SELECT t.line, f.line AS first, t.sex <> f.sex AS sex, t.birth_on <> f.birth_on AS birth,
        t.nationality <> f.nationality AS nat, t.passport_no IS DISTINCT FROM f.passport_no AS passport
      FROM import_rows t
      JOIN (SELECT DISTINCT ON (worker_id) worker_id, line, sex, birth_on, nationality, passport_no
            FROM import_rows WHERE worker_id IS NOT NULL ORDER BY worker_id, line) f
        ON f.worker_id = t.worker_id AND f.line <> t.line
    ) d
    CROSS JOIN LATERAL (VALUES ('sex', d.sex), ('birth_date', d.birth), ('nationality', d.nat), ('passport_no', d.passport)) AS v(col, bad)
    WHERE v.bad
    UNION ALL
    SELECT t.line, v.col, 'differs from the worker already enrolled with this worker_id'
    FROM import_rows t JOIN workers w ON w.person_id = t.worker_id
    CROSS JOIN LATERAL (VALUES ('sex', t.sex <> w.sex), ('birth_date', t.birth_on <> w.birth_date),
      ('nationality', t.nationality <> w.nationality)) AS v(col, bad)
    WHERE v.bad
    UNION ALL
    SELECT line, 'passport_no', format('the same passport is given for another worker_id on line %s', first)
    FROM (SELECT line, worker_id, min(line) OVER p AS first, first_value(worker_id) OVER p AS first_worker
          FROM import_rows WHERE passport_no IS NOT NULL WINDOW p AS (PARTITION BY nationality, passport_no ORDER BY line)) d
    WHERE worker_id <> first_worker
    UNION ALL
    SELECT t.line, 'passport_no', 'this passport is already enrolled for another worker'
    FROM import_rows t JOIN workers w ON w.nationality = t.nationality AND w.passport_no = t.passport_no
    WHERE w.person_id IS DISTINCT FROM t.worker_id
  `.execute(db);
}
