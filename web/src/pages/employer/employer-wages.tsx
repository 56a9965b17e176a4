import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, type Json } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { useSession } from '../../auth/session.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/t.js';
import { EmployerWageCases } from './employer-wage-cases.js';
import { EmployerWageMonths } from './employer-wage-months.js';

type Compliance = Json<'/api/v1/wages/compliance', 'get'>['months'];

// Observable Plot is a chunk of its own (the authorities' chart module), fetched after the table is on screen.
const ComplianceChart = lazy(() => import('../authority/compliance-charts.js').then((m) => ({ default: m.ComplianceChart })));

/**
 * The employer's own wage compliance (issue #6): paid / contracts by month with a chart and its
 * table, the open cases it may explain, and its workers' months. The API narrows every list to
 * the signed-in employer's workers.
 */
export default function EmployerWages() {
  const t = useT();
  const f = useFormat();
  const { me } = useSession();
  const [months, setMonths] = useState<Compliance>();
  const [problem, setProblem] = useState<Problem>();

  useEffect(() => {
    void call(api.GET('/api/v1/wages/compliance', {})).then(({ data, problem }) => {
      setMonths(data?.months);
      setProblem(problem);
    });
  }, []);

  const rows = useMemo(() => [...(months ?? [])].sort((a, b) => b.period.localeCompare(a.period)), [months]);
  const periods = useMemo(() => rows.map((m) => m.period), [rows]);
  const percent = useMemo(() => new Intl.NumberFormat(f.locale, { style: 'percent', maximumFractionDigits: 1 }), [f.locale]);

  return (
    <section>
      <p>
        <Link to="/employer">{t('common.back')}</Link>
      </p>
      <h1>{t('employerWages.title')}</h1>
      <p className="muted">{t('employerWages.intro', { organisation: me?.organisation?.name ?? '' })}</p>
      {problem && <ProblemMessage problem={problem} />}
      {rows.some((m) => m.suspended) && (
        <p className="notice" role="status">
          {t('employerWages.suspended')}
        </p>
      )}

      <h2 id="employer-compliance">{t('employerWages.compliance.title')}</h2>
      {!months && !problem && <Loading />}
      {months && months.length === 0 && <p className="muted">{t('employerWages.none')}</p>}
      {months && months.length > 0 && (
        <>
          <Suspense fallback={<Loading />}>
            <ComplianceChart months={months} label={t('employerWages.compliance.label')} />
          </Suspense>
          <div className="table-scroll">
            <table aria-labelledby="employer-compliance">
              <thead>
                <tr>
                  <th scope="col">{t('employerWages.month')}</th>
                  <th scope="col">{t('employerWages.paid')}</th>
                  <th scope="col">{t('employerWages.contracts')}</th>
                  <th scope="col">{t('employerWages.complianceColumn')}</th>
                  <th scope="col">{t('employerWages.openCases')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((m) => (
                  <tr key={`${m.employer_id}-${m.period}`}>
                    <th scope="row">{f.month(m.period)}</th>
                    <td>{f.number(m.paid)}</td>
                    <td>{f.number(m.contracts)}</td>
                    <td>{percent.format(m.compliance)}</td>
                    <td>{f.number(m.open_cases)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <EmployerWageCases />
      {periods.length > 0 && <EmployerWageMonths periods={periods} />}
    </section>
  );
}
