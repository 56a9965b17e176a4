import { useEffect, useState } from 'react';
import { api, type Json } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { type MessageId, useT } from '../../i18n/t.js';
import { MonthSelect } from '../../components/month-select.js';

type Results = Json<'/api/v1/wages/results/contracts', 'get'>['results'];

/** The employer's workers in one reconciled month (newest first): what the contract says, what was paid, and when. */
export function EmployerWageMonths({ periods }: { periods: string[] }) {
  const t = useT();
  const f = useFormat();
  const [period, setPeriod] = useState(periods[0]!);
  const [rows, setRows] = useState<Results>();
  const [problem, setProblem] = useState<Problem>();

  useEffect(() => {
    setRows(undefined);
    void call(api.GET('/api/v1/wages/results/contracts', { params: { query: { period } } })).then(({ data, problem }) => {
      setRows(data?.results);
      setProblem(problem);
    });
  }, [period]);

  return (
    <section aria-labelledby="employer-months">
      <h2 id="employer-months">{t('employerWages.results.title')}</h2>
      <MonthSelect id="employer-months-period" label={t('employerWages.month')} months={periods} value={period} onChange={setPeriod} />
      {problem && <ProblemMessage problem={problem} />}
      {!rows && !problem && <Loading />}
      {rows && rows.length === 0 && <p className="muted">{t('employerWages.none')}</p>}
      {rows && rows.length > 0 && (
        <div className="table-scroll">
          <table aria-labelledby="employer-months">
            <thead>
              <tr>
                <th scope="col">{t('employerWages.results.contract')}</th>
                <th scope="col">{t('employerWages.results.worker')}</th>
                <th scope="col">{t('employerWages.results.expected')}</th>
                <th scope="col">{t('employerWages.results.paid')}</th>
                <th scope="col">{t('employerWages.results.status')}</th>
                <th scope="col">{t('employerWages.results.when')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.contract_id}-${r.period}`} className={`wage-${r.status}`}>
                  <th scope="row">{r.contract_no}</th>
                  <td>{r.worker_initials}</td>
                  <td>{f.money(r.expected_minor, r.currency)}</td>
                  <td>{f.money(r.paid_minor, r.currency)}</td>
                  <td>{t(`wageStatus.${r.status}` as MessageId)}</td>
                  <td>
                    {r.paid_on ? t('employerWages.results.paidOn', { date: f.day(r.paid_on) }) : t('employerWages.results.deadline', { date: f.day(r.deadline) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
