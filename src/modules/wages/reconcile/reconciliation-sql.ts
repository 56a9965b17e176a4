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
        -- Constants, not p's columns, so the planner estimates the rows (and picks hashes).
        AND cv.start_date < ${f.month}::date + interval '1 month' AND cv.end_date >= ${f.month}::date
        ${and(f.corridor !== undefined && sql`c.corridor_code = ${f.corridor}`)}
        ${and(f.destinationCountry !== undefined && sql`c.employer_id IN (SELECT o.id FROM organisations o WHERE o.country = ${f.destinationCountry})`)}
        ${and(f.personId !== undefined && sql`w.person_id = ${f.personId}`)}
    )`;
}

/** round_half_up(monthly x (active - leave) / days in M), in integers, as PRODUCT.md 5.3 states it. */
const expected = (leave: RawBuilder<unknown>) =>
  sql`(2 * k.monthly * GREATEST(k.active_days - ${leave}, 0) + p.days_in_m) / (2 * p.days_in_m)`;

/**
 * PRODUCT.md 5.3, as one statement's CTEs ending in `computed`: one row per contract with
 * expected, paid, full_on (a running sum over the worker's payments by paid-on date) and status.
 *
 * Shaped for a million contracts (docs/performance.md): the payments of M are read once, and
 * one sort serves every window over them (the running sum orders by paid_on, a prefix of the
 * leave order), so a contract's sum, count, leave and the running sums come from one pass;
 * then one hash join to the contracts and one hash aggregate. The windows partition by
 * (employer, person, currency), which is exactly the set of payments a contract matches.
 */
export function reconciliationCtes(f: ReconcileFilter): RawBuilder<unknown> {
  return sql`
    ${contractsOfMonth(f)},
    paid AS (
      -- One order serves both windows: the running sum in (paid_on, received_at, file_id) order
      -- reaches the expected amount on the same day as a sum by paid_on alone would, and the
      -- last row of that order is the latest payment, whose unpaid leave counts.
      SELECT s.employer_id, s.person_id, s.currency, s.paid_on, s.paid_minor,
        sum(s.paid_minor) OVER (w ROWS UNBOUNDED PRECEDING) AS running_minor,
        last_value(s.unpaid_leave_days) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS leave_days
      FROM salary_records s
      JOIN salary_files sf ON sf.id = s.file_id
      WHERE s.month = ${f.month}::date AND s.paid_on <= ${f.asOf}::date
        ${and(f.personId !== undefined && sql`s.person_id = ${f.personId}`)}
      WINDOW w AS (PARTITION BY s.employer_id, s.person_id, s.currency ORDER BY s.paid_on, sf.received_at, s.file_id)
    ),
    agg AS (
      -- One pass: each contract with its matching payments, grouped by contract (k's other
      -- columns follow from the contract). k is read once, so it is not materialised, and the
      -- groups come out in the results' primary-key order.
      SELECT k.employer_id, k.contract_id, k.corridor_code, k.worker_id, k.person_id, k.monthly, k.currency,
        k.active_days, k.rules_version, k.tolerance, k.due_on, k.grace_days,
        COALESCE(max(pd.leave_days), 0) AS leave_days, COALESCE(sum(pd.paid_minor), 0)::bigint AS paid_minor,
        count(pd.paid_on)::int AS payments,
        min(pd.paid_on) FILTER (WHERE pd.running_minor >= ${expected(sql`pd.leave_days`)} - k.tolerance) AS full_on
      FROM k
      CROSS JOIN p
      LEFT JOIN paid pd ON pd.employer_id = k.employer_id AND pd.person_id = k.person_id AND pd.currency = k.currency
      GROUP BY k.employer_id, k.contract_id, k.corridor_code, k.worker_id, k.person_id, k.monthly, k.currency,
        k.active_days, k.rules_version, k.tolerance, k.due_on, k.grace_days
    ),
    j AS (
      SELECT k.*, p.days_in_m, p.as_of, p.m0,
        ${expected(sql`k.leave_days`)} AS expected_minor,
        k.due_on + k.grace_days AS deadline,
        k.paid_minor >= ${expected(sql`k.leave_days`)} - k.tolerance AS is_full
      FROM agg k CROSS JOIN p -- agg carries k's columns, which expected() names
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

/**
 * Payments of M (paid by as_of) whose (employer, worker) has no registered contract active in M.
 * The pairs that have one are gathered once and the payments probe them in a hash: asked per
 * payment (NOT EXISTS over three indexes), a month of a million payments made three million probes.
 */
export function unregisteredPaymentsSql(f: ReconcileFilter): RawBuilder<{ unregistered: number }> {
  return sql<{ unregistered: number }>`
    WITH registered AS MATERIALIZED (
      SELECT DISTINCT c.employer_id, w.person_id
      FROM contracts c
      JOIN contract_versions cv ON cv.employer_id = c.employer_id AND cv.contract_id = c.id AND cv.version = c.registered_version
      JOIN workers w ON w.id = c.worker_id
      WHERE c.status IN ('registered', 'active', 'completed', 'terminated')
        AND cv.start_date < (${f.month}::date + interval '1 month') AND cv.end_date >= ${f.month}::date
        ${and(f.personId !== undefined && sql`w.person_id = ${f.personId}`)}
    )
    SELECT count(*)::int AS unregistered
    FROM salary_records s
    LEFT JOIN registered r ON r.employer_id = s.employer_id AND r.person_id = s.person_id
    WHERE r.employer_id IS NULL AND s.month = ${f.month}::date AND s.paid_on <= ${f.asOf}::date
      ${and(f.corridor !== undefined && sql`s.employer_id IN (SELECT o.id FROM organisations o JOIN corridors cr ON cr.destination = o.country WHERE cr.code = ${f.corridor})`)}
      ${and(f.destinationCountry !== undefined && sql`s.employer_id IN (SELECT o.id FROM organisations o WHERE o.country = ${f.destinationCountry})`)}
      ${and(f.personId !== undefined && sql`s.person_id = ${f.personId}`)}`;
}

/**
 * The same count, once a run over every corridor has stored its results: the month's
 * wage_results in scope then hold exactly the registered (employer, worker) pairs active in M
 * for the employers whose payments are counted, so one hash anti-join against them replaces
 * joining contracts, versions and workers again (4.8 s of a 15.8 s month at a million
 * contracts). A run for one corridor cannot use it: a payment to a worker registered under
 * another corridor of the same destination is not unregistered, and that corridor's results
 * may not be current.
 */
export function unregisteredAfterFullRunSql(f: ReconcileFilter): RawBuilder<{ unregistered: number }> {
  if (f.corridor !== undefined || f.personId !== undefined) throw new Error('unregisteredAfterFullRunSql: a run over every corridor only');
  return sql<{ unregistered: number }>`
    SELECT count(*)::int AS unregistered
    FROM salary_records s
    WHERE s.month = ${f.month}::date AND s.paid_on <= ${f.asOf}::date
      ${and(f.destinationCountry !== undefined && sql`s.employer_id IN (SELECT o.id FROM organisations o WHERE o.country = ${f.destinationCountry})`)}
      AND NOT EXISTS (
        SELECT 1 FROM wage_results r
        WHERE r.month = ${f.month}::date AND r.employer_id = s.employer_id AND r.person_id = s.person_id)`;
}
