import { Link } from 'react-router';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { useSession } from '../../auth/session.js';
import { Loading, ProblemMessage, useDeskStatusLabel } from '../../components/status.js';
import { useT } from '../../i18n/t.js';
import { ContractTable, type ContractRow } from '../contract-table.js';
import { PdfLink } from '../pdf-link.js';
import { REGISTERED } from '../worker/terms.js';


/** The employer's contracts and where each stands; a draft opens in the drafting page, a registered one has its PDF. */
export default function EmployerHome() {
  const { me } = useSession();
  const t = useT();
  const statusLabel = useDeskStatusLabel();
  const [rows, setRows] = useState<ContractRow[]>();
  const [problem, setProblem] = useState<Problem>();
  useEffect(() => {
    void call(api.GET('/api/v1/contracts', { params: { query: { limit: 200 } } })).then(({ data, problem }) => {
      setRows(data?.contracts);
      setProblem(problem);
    });
  }, []);
  const action = (row: ContractRow) => {
    if (REGISTERED.has(row.status)) return <PdfLink contractId={row.id} />;
    return (
      <Link to={`/employer/contracts/${row.id}`}>
        {row.status === 'draft' ? t('employer.openDraft') : t('employer.open')}
      </Link>
    );
  };
  return (
    <section>
      <h1>{t('employer.title', { organisation: me?.organisation?.name ?? '' })}</h1>
      <ul className="inline">
        <li>
          <Link to="/employer/contracts/new">{t('employer.draft.title')}</Link>
        </li>
        <li>
          <Link to="/recruitment">{t('recruitment.desk.title')}</Link>
        </li>
        <li>
          <Link to="/employer/wages">{t('employerWages.navLink')}</Link>
        </li>
      </ul>
      {problem && <ProblemMessage problem={problem} />}
      {!rows && !problem && <Loading />}
      {rows && <ContractTable rows={rows} action={action} statusOf={statusLabel} />}
    </section>
  );
}
