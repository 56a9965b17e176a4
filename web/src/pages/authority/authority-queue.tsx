import { Link } from 'react-router';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { useSession } from '../../auth/session.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useT } from '../../i18n/t.js';
import { ContractTable, type ContractRow } from '../contract-table.js';

/**
 * The origin authority approves contracts the worker accepted; the destination authority
 * registers approved ones; each can be opened to see its breaches, the worker's acceptance and
 * history, and to reject it with a reason (contract-review.tsx).
 */
export default function AuthorityQueue() {
  const { me } = useSession();
  const t = useT();
  const origin = me?.organisation?.kind === 'origin_authority';
  const waiting = origin ? 'accepted' : 'approved';
  const [rows, setRows] = useState<ContractRow[]>();
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState<string>();

  const load = useCallback(async () => {
    const { data, problem } = await call(api.GET('/api/v1/contracts', { params: { query: { status: waiting, limit: 200 } } }));
    setRows(data?.contracts);
    setProblem(problem);
  }, [waiting]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (row: ContractRow) => {
    const params = { path: { id: row.id } };
    const { problem } = await call(
      origin ? api.POST('/api/v1/contracts/{id}/approve', { params }) : api.POST('/api/v1/contracts/{id}/register', { params }),
    );
    setProblem(problem);
    if (!problem) setDone(row.contract_no);
    await load();
  };

  return (
    <section>
      <h1>{t(origin ? 'authority.approvalQueue' : 'authority.registrationQueue')}</h1>
      <p className="links">
        {origin && <><Link to="/recruitment">{t('recruitment.desk.title')}</Link> · </>}
        <Link to="/authority/loans">{t('loans.totalsTitle')}</Link> · <Link to="/authority/escalations">{t('escalations.title')}</Link> · <Link to="/authority/rules">{t('rules.navLink')}</Link>
      </p>
      {done && (
        <p role="status" className="notice">
          {t(origin ? 'authority.approved' : 'authority.registered', { no: done })}
        </p>
      )}
      {problem && <ProblemMessage problem={problem} />}
      {!rows && !problem && <Loading />}
      {rows && (
        <ContractTable
          rows={rows}
          action={(row) => (
            <>
              <Link to={`/authority/contracts/${row.id}`}>{t('review.open', { no: row.contract_no })}</Link>{' '}
              <button type="button" onClick={() => void act(row)}>
                {t(origin ? 'authority.approve' : 'authority.register', { no: row.contract_no })}
              </button>
            </>
          )}
        />
      )}
    </section>
  );
}
