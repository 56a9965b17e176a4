import { Link } from 'react-router';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { useSession } from '../../auth/session.js';
import { Loading, ProblemMessage, useDeskStatusLabel } from '../../components/status.js';
import { useT } from '../../i18n/t.js';
import { ContractTable, type ContractRow } from '../contract-table.js';

/** What the list can show besides the queue: every contract of the authority's side, or those at one status. */
const SHOWN = ['all', 'accepted', 'approved', 'registered', 'active', 'completed', 'terminated', 'rejected', 'withdrawn', 'declined', 'offered'] as const;
type Shown = 'waiting' | (typeof SHOWN)[number];

/**
 * The origin authority approves contracts the worker accepted; the destination authority
 * registers approved ones; each can be opened to see its breaches, the worker's acceptance and
 * history, and to reject it with a reason (contract-review.tsx). The same list shows, on
 * request, every contract of its side (the origin: its nationals'; the destination: those in
 * its country) by status.
 */
export default function AuthorityQueue() {
  const { me } = useSession();
  const t = useT();
  const origin = me?.organisation?.kind === 'origin_authority';
  const waiting = origin ? 'accepted' : 'approved';
  const statusLabel = useDeskStatusLabel();
  const [shown, setShown] = useState<Shown>('waiting');
  const [rows, setRows] = useState<ContractRow[]>();
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState<string>();

  const load = useCallback(async () => {
    const status = shown === 'waiting' ? waiting : shown === 'all' ? undefined : shown;
    const { data, problem } = await call(api.GET('/api/v1/contracts', { params: { query: { ...(status ? { status } : {}), limit: 200 } } }));
    setRows(data?.contracts);
    setProblem(problem);
  }, [waiting, shown]);
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
      <p>
        <label htmlFor="shown">{t('authority.show')}</label>{' '}
        <select id="shown" value={shown} onChange={(e) => setShown(e.target.value as Shown)}>
          <option value="waiting">{t(origin ? 'authority.approvalQueue' : 'authority.registrationQueue')}</option>
          <option value="all">{t('authority.showAll')}</option>
          {SHOWN.filter((s) => s !== 'all').map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </p>
      {problem && <ProblemMessage problem={problem} />}
      {!rows && !problem && <Loading />}
      {rows && (
        <ContractTable
          rows={rows}
          statusOf={statusLabel}
          action={(row) => (
            <>
              <Link to={`/authority/contracts/${row.id}`}>{t('review.open', { no: row.contract_no })}</Link>{' '}
              {row.status === waiting && (
                <button type="button" onClick={() => void act(row)}>
                  {t(origin ? 'authority.approve' : 'authority.register', { no: row.contract_no })}
                </button>
              )}
            </>
          )}
        />
      )}
    </section>
  );
}
