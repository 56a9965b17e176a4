import { type RawBuilder, sql } from 'kysely';

export interface ReconcileFilter {
  /** First day of month M. */
  month: string;
  /** Only payments paid on or before this date count. */
  asOf: string;
  corridor?: string;
  /** Contracts of employers established in this country (a destination authority's run). */
  destinationCountry?: string;
  /** One worker's person id (wps status). */
  personId?: string;
}

const and = (cond: RawBuilder<unknown> | false) => (cond ? sql`AND ${cond}` : sql``);

/**
 * The registered contracts active in M, and the rules whose wage terms apply: the version in
 * force on M's last day, else (a contract older than its corridor's first version) the earliest.
 */
export function contractsOfMonth(f: ReconcileFilter): RawBuilder<unknown> {
  return sql`
    params AS (
      SELECT ${f.month}::date AS m0, (${f.month}::date + interval '1 month')::date AS m1, ${f.asOf}::date AS as_of
    ),
    p AS (
      SELECT m0, m1, as_of, (m1 - m0) AS days_in_m, ((m1 + interval '1 month')::date - m1) AS days_in_next FROM params
    ),
    rules AS (
      SELECT DISTINCT ON (v.corridor_code) v.corridor_code, v.version,
        (v.rules -> 'wage' ->> 'pay_day')::int AS pay_day,
        (v.rules -> 'wage' ->> 'grace_days')::int AS grace_days,
        (v.rules -> 'wage' ->> 'underpayment_tolerance_minor')::bigint AS tolerance
      FROM corridor_rule_versions v CROSS JOIN p
      WHERE v.origin_approved_at IS NOT NULL AND v.destination_approved_at IS NOT NULL AND v.withdrawn_at IS NULL
      ORDER BY v.corridor_code, (v.valid_from < p.m1) DESC,
        CASE WHEN v.valid_from < p.m1 THEN v.valid_from END DESC, v.valid_from, v.version DESC
    ),
    k AS (
      SELECT c.employer_id, c.id AS contract_id, c.corridor_code, c.worker_id, w.person_id,
        cv.monthly_fixed_minor AS monthly, cv.currency,
        (LEAST(cv.end_date, p.m1 - 1) - GREATEST(cv.start_date, p.m0) + 1) AS active_days,
        r.version AS rules_version, r.grace_days, r.tolerance,
        make_date(extract(year FROM p.m1)::int, extract(month FROM p.m1)::int, LEAST(r.pay_day, p.days_in_next)) AS due_on
      FROM contracts c
      JOIN contract_versions cv ON cv.employer_id = c.employer_id AND cv.contract_id = c.id AND cv.version = c.registered_version
      JOIN workers w ON w.id = c.worker_id
      JOIN rules r ON r.corridor_code = c.corridor_code
      CROSS JOIN p
      WHERE c.status IN ('registered', 'active', 'completed', 'terminated')
        AND cv.start_date < p.m1 AND cv.end_date >= p.m0
        ${and(f.corridor !== undefined && sql`c.corridor_code = ${f.corridor}`)}
        ${and(f.destinationCountry !== undefined && sql`c.employer_id IN (SELECT o.id FROM organisations o WHERE o.country = ${f.destinationCountry})`)}
        ${and(f.personId !== undefined && sql`w.person_id = ${f.personId}`)}
    )`;
}

/**
 * PRODUCT.md 5.3, as one statement's CTEs ending in `computed`: one row per contract with
 * expected, paid, full_on (a running sum over the worker's payments by paid-on date) and status.
 */
export function reconciliationCtes(f: ReconcileFilter): RawBuilder<unknown> {
  return sql`
    ${contractsOfMonth(f)},
    pay AS (
      SELECT k.employer_id, k.contract_id, s.paid_on, s.paid_minor, s.unpaid_leave_days, sf.received_at, s.file_id
      FROM k
      CROSS JOIN p
      JOIN salary_records s ON s.employer_id = k.employer_id AND s.month = p.m0 AND s.person_id = k.person_id AND s.currency = k.currency
      JOIN salary_files sf ON sf.id = s.file_id
      WHERE s.paid_on <= p.as_of
    ),
    leave AS (
      SELECT DISTINCT ON (employer_id, contract_id) employer_id, contract_id, unpaid_leave_days AS leave_days
      FROM pay
      ORDER BY employer_id, contract_id, paid_on DESC, received_at DESC, file_id DESC
    ),
    e AS (
      SELECT k.*, COALESCE(l.leave_days, 0) AS leave_days, p.days_in_m, p.as_of, p.m0,
        (2 * k.monthly * GREATEST(k.active_days - COALESCE(l.leave_days, 0), 0) + p.days_in_m) / (2 * p.days_in_m) AS expected_minor,
        k.due_on + k.grace_days AS deadline
      FROM k CROSS JOIN p LEFT JOIN leave l ON l.employer_id = k.employer_id AND l.contract_id = k.contract_id
    ),
    running AS (
      SELECT employer_id, contract_id, paid_on,
        sum(paid_minor) OVER (PARTITION BY employer_id, contract_id ORDER BY paid_on) AS running_minor
      FROM pay
    ),
    totals AS (
      SELECT employer_id, contract_id, sum(paid_minor)::bigint AS paid_minor, count(*)::int AS payments FROM pay GROUP BY employer_id, contract_id
    ),
    reached AS (
      SELECT r.employer_id, r.contract_id, min(r.paid_on) AS full_on
      FROM running r JOIN e ON e.employer_id = r.employer_id AND e.contract_id = r.contract_id
      WHERE r.running_minor >= e.expected_minor - e.tolerance
      GROUP BY r.employer_id, r.contract_id
    ),
    j AS (
      SELECT e.*, COALESCE(t.paid_minor, 0) AS paid_minor, COALESCE(t.payments, 0) AS payments, rc.full_on,
        COALESCE(t.paid_minor, 0) >= e.expected_minor - e.tolerance AS is_full
      FROM e
      LEFT JOIN totals t ON t.employer_id = e.employer_id AND t.contract_id = e.contract_id
      LEFT JOIN reached rc ON rc.employer_id = e.employer_id AND rc.contract_id = e.contract_id
    ),
    computed AS (
      SELECT employer_id, contract_id, m0 AS month, corridor_code, worker_id, person_id, rules_version, currency,
        monthly AS monthly_minor, days_in_m AS days_in_month, active_days, leave_days, expected_minor::bigint AS expected_minor,
        paid_minor, payments, full_on, due_on, deadline, as_of,
        CASE
          -- Nothing owed (a whole month of unpaid leave, or a tolerance above the wage) is paid, with no date.
          WHEN is_full AND (full_on IS NULL OR full_on <= deadline) THEN 'paid'
          WHEN is_full THEN 'late'
          WHEN as_of <= deadline THEN 'pending'
          WHEN payments = 0 THEN 'unpaid'
          ELSE 'underpaid'
        END AS status
      FROM j
    )`;
}

/** Payments of M (paid by as_of) whose (employer, worker) has no registered contract active in M. */
export function unregisteredPaymentsSql(f: ReconcileFilter): RawBuilder<{ unregistered: number }> {
  return sql<{ unregistered: number }>`
    SELECT count(*)::int AS unregistered
    FROM salary_records s
    WHERE s.month = ${f.month}::date AND s.paid_on <= ${f.asOf}::date
      ${and(f.corridor !== undefined && sql`s.employer_id IN (SELECT o.id FROM organisations o JOIN corridors cr ON cr.destination = o.country WHERE cr.code = ${f.corridor})`)}
      ${and(f.destinationCountry !== undefined && sql`s.employer_id IN (SELECT o.id FROM organisations o WHERE o.country = ${f.destinationCountry})`)}
      ${and(f.personId !== undefined && sql`s.person_id = ${f.personId}`)}
      AND NOT EXISTS (
        SELECT 1
        FROM contracts c
        JOIN contract_versions cv ON cv.employer_id = c.employer_id AND cv.contract_id = c.id AND cv.version = c.registered_version
        JOIN workers w ON w.id = c.worker_id
        WHERE c.employer_id = s.employer_id AND w.person_id = s.person_id
          AND c.status IN ('registered', 'active', 'completed', 'terminated')
          AND cv.start_date < (${f.month}::date + interval '1 month') AND cv.end_date >= ${f.month}::date
      )`;
}
