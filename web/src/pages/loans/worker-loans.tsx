import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { api } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/t.js';
import { type Loan, LoanFigures, RefundPayments, Schedule } from './loan-parts.js';

/** The worker's own loans (the API returns only theirs): balance first, then what the wage system did each month, then the schedule. */
export default function WorkerLoans() {
  const t = useT();
  const f = useFormat();
  const [loans, setLoans] = useState<Loan[]>();
  const [problem, setProblem] = useState<Problem>();
  const applied = (useLocation().state as { applied?: boolean } | null)?.applied === true;

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
      {applied && <p role="status" className="notice">{t('loans.apply.applied')}</p>}
      <p>
        <Link to="/worker/loans/apply">{t('loans.apply.link')}</Link>
      </p>
      {problem && <ProblemMessage problem={problem} />}
      {!loans && !problem && <Loading />}
      {loans && loans.length === 0 && <p className="muted">{t('loans.noLoans')}</p>}
      {loans?.map((loan) => (
        <article key={loan.id} className="card">
          <h2>{t('loans.fromLender', { product: loan.product_name, lender: loan.lender_name })}</h2>
          {loan.disbursed_on && loan.key_terms && (
            <p className="disbursed">{t('loans.paidOutBefore', { day: f.day(loan.disbursed_on), start: f.day(loan.key_terms.start_date), employer: loan.key_terms.employer_name })}</p>
          )}
          <LoanFigures loan={loan} />
          {loan.decision_reason && <p className="muted">{t('loans.reason', { reason: loan.decision_reason })}</p>}
          <p className="muted">{t('loans.howRepaid')}</p>
          <RefundPayments loan={loan} />
          {loan.schedule.length > 0 && <Schedule loan={loan} />}
        </article>
      ))}
    </section>
  );
}
