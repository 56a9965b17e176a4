import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useT } from '../../i18n/t.js';
import { type Totals, TotalsTable } from './loan-parts.js';

/** The authorities see totals over the corridors their country is party to, never a single loan. */
export default function AuthorityLoanTotals() {
  const t = useT();
  const [totals, setTotals] = useState<Totals>();
  const [problem, setProblem] = useState<Problem>();
  useEffect(() => {
    void call(api.GET('/api/v1/loans/totals', {})).then(({ data, problem }) => {
      setTotals(data);
      setProblem(problem);
    });
  }, []);
  return (
    <section>
      <h1>{t('loans.totalsTitle')}</h1>
      <p className="muted">{t('loans.totalsIntro')}</p>
      {problem && <ProblemMessage problem={problem} />}
      {!totals && !problem && <Loading />}
      {totals && <TotalsTable totals={totals} />}
    </section>
  );
}
