import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, type Json } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { useSession } from '../../auth/session.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { type MessageId, useT } from '../../i18n/t.js';
import { WageCases } from './wage-cases.js';

type History = Json<'/api/v1/wages/workers/{workerId}/history', 'get'>;

/** Month by month: what the contract says, what was paid, and when. Always the signed-in worker's own id. */
export default function WagesPage() {
  const { me } = useSession();
  const t = useT();
  const f = useFormat();
  const [history, setHistory] = useState<History>();
  const [problem, setProblem] = useState<Problem>();
  const workerId = me?.user?.worker_id;

  useEffect(() => {
    if (!workerId) return;
    void call(api.GET('/api/v1/wages/workers/{workerId}/history', { params: { path: { workerId } } })).then(({ data, problem }) => {
      setHistory(data);
      setProblem(problem);
    });
  }, [workerId]);

  return (
    <section>
      <p>
        <Link to="/worker">{t('common.back')}</Link>
      </p>
      <h1>{t('wages.title')}</h1>
      {problem && <ProblemMessage problem={problem} />}
      <WageCases />
      {!history && !problem && <Loading />}
      {history && history.months.length === 0 && <p className="muted">{t('wages.none')}</p>}
      {history && history.months.length > 0 && (
        <ul className="plain">
          {history.months.map((m) => (
            <li key={`${m.contract_no}-${m.period}`} className={`card wage wage-${m.status}`}>
              <h2>{f.month(m.period)}</h2>
              <p>
                <strong>{t(`wageStatus.${m.status}` as MessageId)}</strong>
              </p>
              <p>{t('wages.expectedPaid', { expected: f.money(m.expected_minor, m.currency), paid: f.money(m.paid_minor, m.currency) })}</p>
              <p className="muted">
                {m.paid_on ? t('wages.paidOn', { date: f.day(m.paid_on) }) : t('wages.deadline', { date: f.day(m.deadline) })}
              </p>
              <p className="muted">{t('wages.employer', { employer: m.employer_name, no: m.contract_no })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
