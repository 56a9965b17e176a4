import { Link } from 'react-router';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { useSession } from '../../auth/session.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useT } from '../../i18n/t.js';
import { ContractTable, type ContractRow } from '../contract-table.js';
import { PdfLink } from '../pdf-link.js';
import { REGISTERED } from '../worker/terms.js';

/** The employer's contracts and where each stands. Drafting and wage compliance come next (issue 6). */
export default function EmployerHome() {
  const { me } = useSession();
  const t = useT();
  const [rows, setRows] = useState<ContractRow[]>();
  const [problem, setProblem] = useState<Problem>();
  useEffect(() => {
    void call(api.GET('/api/v1/contracts', { params: { query: { limit: 200 } } })).then(({ data, problem }) => {
      setRows(data?.contracts);
      setProblem(problem);
    });
  }, []);
  return (
    <section>
      <h1>{t('employer.title', { organisation: me?.organisation?.name ?? '' })}</h1>
      <p>
        <Link to="/recruitment">{t('recruitment.desk.title')}</Link>
      </p>
      {problem && <ProblemMessage problem={problem} />}
      {!rows && !problem && <Loading />}
      {rows && <ContractTable rows={rows} action={(row) => (REGISTERED.has(row.status) ? <PdfLink contractId={row.id} /> : null)} />}
    </section>
  );
}
