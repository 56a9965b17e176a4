import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { api, type Json } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { useSession } from '../../auth/session.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { type MessageId, useT } from '../../i18n/t.js';
import { MonthSelect } from '../../components/month-select.js';

type Compliance = Json<'/api/v1/wages/compliance', 'get'>['months'];
type Results = Json<'/api/v1/wages/results', 'get'>;
type Stages = Json<'/api/v1/contracts/stages', 'get'>;

// Observable Plot is a chunk of its own, fetched after the tables are on screen.
const ComplianceChart = lazy(() => import('./compliance-charts.js').then((m) => ({ default: m.ComplianceChart })));
const StatusChart = lazy(() => import('./compliance-charts.js').then((m) => ({ default: m.StatusChart })));
const StageChart = lazy(() => import('./compliance-charts.js').then((m) => ({ default: m.StageChart })));

export const WAGE_STATUSES = ['paid', 'late', 'underpaid', 'unpaid', 'pending'] as const;

/**
 * What an authority would rather look at than read: employers' wage compliance by month, the wage
 * statuses of one month by employer, and the contracts on its side by stage. Each chart has its
 * numbers in a table beside it. The destination authority sees its country's employers; the origin
 * authority its nationals (the API narrows both).
 */
export default function CompliancePage() {
  const t = useT();
  const f = useFormat();
  const { me } = useSession();
  const [months, setMonths] = useState<Compliance>();
  const [stages, setStages] = useState<Stages>();
  const [problem, setProblem] = useState<Problem>();
  const [period, setPeriod] = useState<string>();
  const [results, setResults] = useState<Results>();

  useEffect(() => {
    void call(api.GET('/api/v1/wages/compliance', {})).then(({ data, problem }) => {
      setMonths(data?.months);
      if (problem) setProblem(problem);
      const latest = data?.months.map((m) => m.period).sort().at(-1);
      if (latest) setPeriod(latest);
    });
    void call(api.GET('/api/v1/contracts/stages', {})).then(({ data, problem }) => {
      setStages(data);
      if (problem) setProblem(problem);
    });
  }, []);
  useEffect(() => {
    if (!period) return;
    void call(api.GET('/api/v1/wages/results', { params: { query: { period } } })).then(({ data, problem }) => {
      setResults(data);
      if (problem) setProblem(problem);
    });
  }, [period]);

  const periods = useMemo(() => [...new Set((months ?? []).map((m) => m.period))].sort(), [months]);
  const employers = useMemo(() => [...new Set((months ?? []).map((m) => m.employer_name))].sort(), [months]);
  const cell = (employer: string, p: string) => months?.find((m) => m.employer_name === employer && m.period === p);
  const percent = useMemo(() => new Intl.NumberFormat(f.locale, { style: 'percent', maximumFractionDigits: 1 }), [f.locale]);
  const pct = (v: number) => percent.format(v);
  const origin = me?.organisation?.kind === 'origin_authority';
  const statusLabels = useMemo(() => WAGE_STATUSES.map((s) => ({ key: s, label: t(`charts.wage.${s}` as MessageId) })), [t]);
  const stageRows = useMemo(
    () => (stages?.stages ?? []).map((s) => ({ label: t(`charts.stage.${s.status}` as MessageId), contracts: s.contracts })),
    [stages, t],
  );

  return (
    <section>
      <h1>{t('charts.title')}</h1>
      <p className="muted">{t(origin ? 'charts.introOrigin' : 'charts.introDestination')}</p>
      {problem && <ProblemMessage problem={problem} />}

      <h2 id="chart-compliance">{t('charts.compliance.title')}</h2>
      {!months && !problem && <Loading />}
      {months && months.length === 0 && <p>{t('charts.noWages')}</p>}
      {months && months.length > 0 && (
        <>
          <Suspense fallback={<Loading />}>
            <ComplianceChart months={months} label={t('charts.compliance.label')} />
          </Suspense>
          <div className="table-scroll">
            <table aria-labelledby="chart-compliance">
              <thead>
                <tr>
                  <th scope="col">{t('charts.employer')}</th>
                  {periods.map((p) => (
                    <th scope="col" key={p}>
                      {f.month(p)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {employers.map((e) => (
                  <tr key={e}>
                    <th scope="row">{e}</th>
                    {periods.map((p) => {
                      const m = cell(e, p);
                      return (
                        <td key={p}>
                          {m ? t('charts.compliance.cell', { compliance: pct(m.compliance), paid: m.paid, contracts: m.contracts }) : '-'}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2 id="chart-statuses">{t('charts.statuses.title')}</h2>
      {periods.length > 0 && (
        <MonthSelect id="chart-period" label={t('charts.period')} months={periods} value={period ?? ''} onChange={setPeriod} />
      )}
      {period && !results && !problem && <Loading />}
      {results && results.by_employer.length === 0 && <p>{t('charts.noWages')}</p>}
      {results && results.by_employer.length > 0 && (
        <>
          <Suspense fallback={<Loading />}>
            <StatusChart
              rows={results.by_employer}
              statuses={statusLabels}
              label={t('charts.statuses.label', { month: f.month(results.period) })}
            />
          </Suspense>
          <div className="table-scroll">
            <table aria-labelledby="chart-statuses">
              <thead>
                <tr>
                  <th scope="col">{t('charts.employer')}</th>
                  {WAGE_STATUSES.map((s) => (
                    <th scope="col" key={s}>
                      {t(`charts.wage.${s}` as MessageId)}
                    </th>
                  ))}
                  <th scope="col">{t('charts.contracts')}</th>
                  <th scope="col">{t('charts.compliance.column')}</th>
                </tr>
              </thead>
              <tbody>
                {results.by_employer.map((r) => (
                  <tr key={r.employer_id}>
                    <th scope="row">{r.employer_name}</th>
                    {WAGE_STATUSES.map((s) => (
                      <td key={s}>{f.number(r[s])}</td>
                    ))}
                    <td>{f.number(r.contracts)}</td>
                    <td>{pct(r.compliance)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2 id="chart-stages">{t('charts.stages.title')}</h2>
      {!stages && !problem && <Loading />}
      {stages && (
        <>
          <Suspense fallback={<Loading />}>
            <StageChart
              stages={stageRows}
              label={t('charts.stages.label', { total: stages.total })}
            />
          </Suspense>
          <div className="table-scroll">
            <table aria-labelledby="chart-stages">
              <thead>
                <tr>
                  <th scope="col">{t('charts.stageColumn')}</th>
                  <th scope="col">{t('charts.contracts')}</th>
                </tr>
              </thead>
              <tbody>
                {stages.stages.map((s) => (
                  <tr key={s.status}>
                    <th scope="row">{t(`charts.stage.${s.status}` as MessageId)}</th>
                    <td>{f.number(s.contracts)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('charts.total')}</th>
                  <td>{f.number(stages.total)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
