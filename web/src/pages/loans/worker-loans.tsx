import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useT } from '../../i18n/t.js';
import { type Loan, LoanFigures, Schedule } from './loan-parts.js';

/** The worker's own loans (the API returns only theirs): balance first, then what the wage system did each month, then the schedule. */
export default function WorkerLoans() {
  const t = useT();
  const [loans, setLoans] = useState<Loan[]>();
  const [problem, setProblem] = useState<Problem>();

  useEffect(() => {
    void (async () => {
      const list = await call(api.GET('/api/v1/loans', {}));
      if (list.problem) return setProblem(list.problem);
      const details = await Promise.all((list.data?.loans ?? []).map((l) => call(api.GET('/api/v1/loans/{id}', { params: { path: { id: l.id } } }))));
      setProblem(details.find((d) => d.problem)?.problem);
      setLoans(details.flatMap((d) => (d.data ? [d.data] : [])));
    })();
  }, []);

  return (
    <section>
      <p>
        <Link to="/worker">{t('common.back')}</Link>
      </p>
      <h1>{t('loans.workerTitle')}</h1>
      {problem && <ProblemMessage problem={problem} />}
      {!loans && !problem && <Loading />}
      {loans && loans.length === 0 && <p className="muted">{t('loans.noLoans')}</p>}
      {loans?.map((loan) => (
        <article key={loan.id} className="card">
          <h2>{t('loans.fromLender', { product: loan.product_name, lender: loan.lender_name })}</h2>
          <LoanFigures loan={loan} />
          {loan.decision_reason && <p className="muted">{t('loans.reason', { reason: loan.decision_reason })}</p>}
          <p className="muted">{t('loans.howRepaid')}</p>
          {loan.schedule.length > 0 && <Schedule loan={loan} />}
        </article>
      ))}
    </section>
  );
}
