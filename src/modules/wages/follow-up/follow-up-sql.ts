import { type RawBuilder, sql } from 'kysely';

/** A run of a destination authority covers the employers established in its country; the platform's, all. */
const inCountry = (column: string, country: string | undefined) =>
  country ? sql`AND ${sql.ref(column)} IN (SELECT org.id FROM organisations org WHERE org.country = ${country})` : sql``;

/**
 * The follow-up rules of every corridor rules version (wage.follow_up; the defaults of
 * rules.schema.ts when a version predates them), and the ladder they make: one row per step.
 */
export const followUpRulesCtes = sql`
  fu AS (
    SELECT v.corridor_code, v.version, COALESCE(v.rules -> 'wage' -> 'follow_up', '{}'::jsonb) AS f
    FROM corridor_rule_versions v
  ),
  fu_rules AS (
    SELECT corridor_code, version,
      COALESCE((f ->> 'suspend_after_months')::int, 2) AS suspend_after,
      COALESCE((f ->> 'change_employer_after_months')::int, 3) AS change_after
    FROM fu
  ),
  ladder AS (
    SELECT fu.corridor_code, fu.version, s.step, s.day, s.rank
    FROM fu CROSS JOIN LATERAL (
      SELECT 'reminder'::text AS step, d::int AS day, 1 AS rank FROM jsonb_array_elements_text(COALESCE(fu.f -> 'reminder_days', '[0, 10]'::jsonb)) d
      UNION ALL SELECT 'warning', COALESCE((fu.f ->> 'warning_days')::int, 15), 2
      UNION ALL SELECT 'inspection', COALESCE((fu.f ->> 'inspection_days')::int, 20), 3
    ) s
  )`;

/**
 * Advances every case in one statement, from the stored reconciliation: a contract-month
 * unpaid or underpaid past its deadline is open and reaches every step whose day has come;
 * paid late, it stops on the day the money came and closes (paid_late). A case the worker
 * closed by accepting a justification stays closed. Steps never go back and are dated
 * deadline + day, so a second run on the same day (or an earlier day) changes nothing.
 */
export function advanceEscalationsSql(asOf: string, country?: string): RawBuilder<{ change: string; n: number }> {
  return sql<{ change: string; n: number }>`
    WITH ${followUpRulesCtes},
    cases AS (
      SELECT r.employer_id, r.contract_id, r.month, r.worker_id, r.corridor_code, r.rules_version, r.status, r.deadline, r.full_on,
        (CASE WHEN r.status = 'late' THEN LEAST(${asOf}::date, r.full_on - 1) ELSE ${asOf}::date END) - r.deadline AS reached_day
      FROM wage_results r
      WHERE r.status IN ('unpaid', 'underpaid', 'late') AND r.deadline < ${asOf}::date ${inCountry('r.employer_id', country)}
    ),
    reached AS (
      SELECT c.employer_id, c.contract_id, c.month,
        jsonb_agg(jsonb_build_object('step', l.step, 'day', l.day, 'on', c.deadline + l.day) ORDER BY l.day, l.rank) AS steps,
        count(*)::int AS step_count,
        (array_agg(l.step ORDER BY l.day DESC, l.rank DESC))[1] AS step
      FROM cases c JOIN ladder l ON l.corridor_code = c.corridor_code AND l.version = c.rules_version AND l.day <= c.reached_day
      GROUP BY c.employer_id, c.contract_id, c.month
    ),
    upserted AS (
      INSERT INTO wage_escalations AS e (employer_id, contract_id, month, worker_id, corridor_code, rules_version, wage_status, deadline,
        step, step_count, steps, state, resolution, closed_on)
      SELECT c.employer_id, c.contract_id, c.month, c.worker_id, c.corridor_code, c.rules_version, c.status, c.deadline,
        rc.step, COALESCE(rc.step_count, 0), COALESCE(rc.steps, '[]'::jsonb),
        CASE WHEN c.status = 'late' THEN 'closed' ELSE 'open' END,
        CASE WHEN c.status = 'late' THEN 'paid_late' END,
        CASE WHEN c.status = 'late' THEN c.full_on END
      FROM cases c LEFT JOIN reached rc ON rc.employer_id = c.employer_id AND rc.contract_id = c.contract_id AND rc.month = c.month
      ON CONFLICT (employer_id, contract_id, month) DO UPDATE SET
        wage_status = excluded.wage_status,
        step = CASE WHEN excluded.step_count > e.step_count THEN excluded.step ELSE e.step END,
        steps = CASE WHEN excluded.step_count > e.step_count THEN excluded.steps ELSE e.steps END,
        step_count = GREATEST(excluded.step_count, e.step_count),
        state = excluded.state,
        resolution = excluded.resolution,
        closed_on = CASE WHEN excluded.state = 'closed' THEN COALESCE(e.closed_on, excluded.closed_on) END,
        updated_at = now()
      WHERE e.resolution IS DISTINCT FROM 'justified'
        AND ((excluded.step_count > e.step_count) OR (e.wage_status, e.state, e.resolution) IS DISTINCT FROM (excluded.wage_status, excluded.state, excluded.resolution))
      RETURNING (xmax = 0) AS inserted, e.state, e.step
    ),
    cleared AS (
      UPDATE wage_escalations e
      SET state = 'closed', resolution = CASE WHEN x.status = 'paid' THEN 'paid' ELSE 'cleared' END,
        wage_status = COALESCE(x.status, e.wage_status), closed_on = ${asOf}::date, updated_at = now()
      FROM (
        SELECT o.employer_id, o.contract_id, o.month, r.status
        FROM wage_escalations o LEFT JOIN wage_results r ON r.employer_id = o.employer_id AND r.contract_id = o.contract_id AND r.month = o.month
        WHERE o.state = 'open' AND (r.status IS NULL OR r.status IN ('paid', 'pending')) ${inCountry('o.employer_id', country)}
      ) x
      WHERE x.employer_id = e.employer_id AND x.contract_id = e.contract_id AND x.month = e.month
      RETURNING e.state
    )
    SELECT CASE WHEN inserted AND state = 'open' THEN 'opened' WHEN inserted THEN 'recorded_closed' WHEN state = 'closed' THEN 'closed' ELSE 'advanced' END AS change,
      count(*)::int AS n
    FROM upserted GROUP BY 1
    UNION ALL SELECT 'closed', count(*)::int FROM cleared
    UNION ALL SELECT 'step:' || step, count(*)::int FROM upserted WHERE step IS NOT NULL GROUP BY step`;
}

/** Open unpaid or underpaid months (past their deadline, not justified) per employer or per contract, with the rule's threshold. */
const owedMonths = (asOf: string, country: string | undefined) => sql`
  owed AS (
    SELECT e.employer_id, e.contract_id, e.worker_id, e.corridor_code, e.month, r.suspend_after, r.change_after
    FROM wage_escalations e JOIN fu_rules r ON r.corridor_code = e.corridor_code AND r.version = e.rules_version
    WHERE e.state = 'open' AND e.wage_status IN ('unpaid', 'underpaid') AND e.deadline < ${asOf}::date ${inCountry('e.employer_id', country)}
  )`;

/**
 * Suspends the employers with at least suspend_after_months salary months owed (one open
 * suspension each), and lifts the suspensions of those no longer in that case.
 */
export function suspensionsSql(asOf: string, country?: string): RawBuilder<{ started: number; lifted: number }> {
  return sql<{ started: number; lifted: number }>`
    WITH ${followUpRulesCtes}, ${owedMonths(asOf, country)},
    due AS (
      SELECT employer_id, array_agg(DISTINCT month ORDER BY month) AS months
      FROM owed GROUP BY employer_id HAVING count(DISTINCT month) >= min(suspend_after)
    ),
    started AS (
      INSERT INTO wage_suspensions (employer_id, started_on, months)
      SELECT d.employer_id, ${asOf}::date, d.months FROM due d
      WHERE NOT EXISTS (SELECT 1 FROM wage_suspensions s WHERE s.employer_id = d.employer_id AND s.lifted_on IS NULL)
      ON CONFLICT DO NOTHING
      RETURNING employer_id
    ),
    lifted AS (
      UPDATE wage_suspensions s SET lifted_on = GREATEST(${asOf}::date, s.started_on)
      WHERE s.lifted_on IS NULL ${inCountry('s.employer_id', country)} AND NOT EXISTS (SELECT 1 FROM due d WHERE d.employer_id = s.employer_id)
      RETURNING employer_id
    )
    SELECT (SELECT count(*) FROM started)::int AS started, (SELECT count(*) FROM lifted)::int AS lifted`;
}

/** Grants the right to change employer on every contract with change_employer_after_months months owed; a right once granted stays. */
export function changeRightsSql(asOf: string, country?: string): RawBuilder<{ granted: number }> {
  return sql<{ granted: number }>`
    WITH ${followUpRulesCtes}, ${owedMonths(asOf, country)},
    granted AS (
      INSERT INTO wage_employer_change_rights (employer_id, contract_id, worker_id, corridor_code, granted_on, months)
      SELECT employer_id, contract_id, worker_id, corridor_code, ${asOf}::date, array_agg(month ORDER BY month)
      FROM owed GROUP BY employer_id, contract_id, worker_id, corridor_code
      HAVING count(*) >= min(change_after)
      ON CONFLICT (employer_id, contract_id) DO NOTHING
      RETURNING 1
    )
    SELECT count(*)::int AS granted FROM granted`;
}
