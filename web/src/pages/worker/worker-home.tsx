import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, type Json } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { useSession } from '../../auth/session.js';
import { Loading, ProblemMessage, useStatusLabel } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/t.js';

type Row = Json<'/api/v1/contracts', 'get'>['contracts'][number];

/** The worker's own contracts (the API returns only theirs): offers to answer first, then the rest. */
export default function WorkerHome() {
  const { me } = useSession();
  const t = useT();
  const f = useFormat();
  const statusLabel = useStatusLabel();
  const [rows, setRows] = useState<Row[]>();
  const [problem, setProblem] = useState<Problem>();

  useEffect(() => {
    void call(api.GET('/api/v1/contracts', { params: { query: { limit: 50 } } })).then(({ data, problem }) => {
      setRows(data?.contracts ?? []);
      setProblem(problem);
    });
  }, []);

  const offers = rows?.filter((r) => r.status === 'offered') ?? [];
  const others = rows?.filter((r) => r.status !== 'offered') ?? [];
  const item = (r: Row) => (
    <li key={r.id} className="card">
      <Link to={`/worker/contracts/${r.id}`}>{t('worker.contractWith', { employer: r.employer.name })}</Link>
      <p className="muted">
        {t('worker.contractLine', { no: r.contract_no, status: statusLabel(r.status), start: f.day(r.start_date), end: f.day(r.end_date) })}
      </p>
    </li>
  );
  return (
    <section>
      <h1>{t('worker.hello', { name: me?.user?.display_name ?? '' })}</h1>
      {problem && <ProblemMessage problem={problem} />}
      {!rows && !problem && <Loading />}
      {rows && (
        <>
          <h2>{t('worker.offers')}</h2>
          {offers.length ? <ul className="plain">{offers.map(item)}</ul> : <p className="muted">{t('worker.noOffers')}</p>}
          <h2>{t('worker.contracts')}</h2>
          {others.length ? <ul className="plain">{others.map(item)}</ul> : <p className="muted">{t('worker.noContracts')}</p>}
        </>
      )}
      <h2>{t('worker.wagesTitle')}</h2>
      <p>
        <Link to="/worker/wages">{t('worker.wagesLink')}</Link>
      </p>
      <ul className="plain links">
        <li><Link to="/worker/loans">{t('loans.workerTitle')}</Link></li>
        <li><Link to="/worker/recruitment">{t('recruitment.worker.title')}</Link></li>
        <li><Link to="/send-money">{t('remit.nav')}</Link></li>
      </ul>
    </section>
  );
}
