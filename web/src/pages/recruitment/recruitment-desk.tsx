import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Json } from '../../api/client.js';
import { call, fieldProblems, type Problem } from '../../api/problem.js';
import { useSession } from '../../auth/session.js';
import { Field } from '../../components/field.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { type MessageId, useT } from '../../i18n/t.js';

type JobOrders = Json<'/api/v1/recruitment/job-orders', 'get'>['job_orders'];
type Shortlist = Json<'/api/v1/recruitment/job-orders/{id}/shortlist', 'get'>;
type Breaches = Json<'/api/v1/recruitment/breaches', 'get'>['breaches'];
type Differences = Json<'/api/v1/recruitment/cost-differences', 'get'>['differences'];
type Costs = Json<'/api/v1/recruitment/costs', 'get'>['costs'];

/**
 * The recruitment desk of an agency, an employer or an origin authority: job orders (the
 * authority verifies them), the ranked shortlist with its reasons (employer and origin agency
 * select), fee-cap breaches against the jointly liable parties (the authority decides), and the
 * declarations where the worker and the agency differ (authority).
 */
export default function RecruitmentDesk() {
  const { me } = useSession();
  const t = useT();
  const f = useFormat();
  const kind = me?.organisation?.kind;
  const authority = kind === 'origin_authority';
  const [orders, setOrders] = useState<JobOrders>();
  const [breaches, setBreaches] = useState<Breaches>();
  const [differences, setDifferences] = useState<Differences>();
  const [costs, setCosts] = useState<Costs>();
  const [shortlist, setShortlist] = useState<Shortlist & { reference: string }>();
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<string>();
  // The job order the authority is refusing (its reason asked in the page), and the API's problem with it.
  const [refusing, setRefusing] = useState<{ id: string; reference: string }>();
  const [refuseProblem, setRefuseProblem] = useState<Problem>();
  // After a step the button that was pressed is gone: the notice saying what happened takes the focus.
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const load = useCallback(async () => {
    const [o, b, d, k] = await Promise.all([
      call(api.GET('/api/v1/recruitment/job-orders')),
      call(api.GET('/api/v1/recruitment/breaches')),
      authority ? call(api.GET('/api/v1/recruitment/cost-differences')) : Promise.resolve({ data: undefined, problem: undefined }),
      call(api.GET('/api/v1/recruitment/costs')),
    ]);
    setCosts(k.data?.costs);
    setOrders(o.data?.job_orders);
    setBreaches(b.data?.breaches);
    setDifferences(d.data?.differences);
    setProblem(o.problem ?? b.problem ?? d.problem);
  }, [authority]);
  useEffect(() => {
    void load();
  }, [load]);

  const verify = async (id: string, reference: string) => {
    const { problem } = await call(api.POST('/api/v1/recruitment/job-orders/{id}/verify', { params: { path: { id } } }));
    setProblem(problem);
    if (!problem) setNotice(t('recruitment.desk.verified', { ref: reference }));
    await load();
  };
  const refuse = async (reason: string) => {
    if (!refusing) return;
    const { problem } = await call(api.POST('/api/v1/recruitment/job-orders/{id}/refuse', { params: { path: { id: refusing.id } }, body: { reason } }));
    setRefuseProblem(problem);
    if (problem) return;
    setRefusing(undefined);
    setNotice(t('picker.recruit.refused', { ref: refusing.reference }));
    await load();
  };
  const openShortlist = async (id: string, reference: string) => {
    const { data, problem } = await call(api.GET('/api/v1/recruitment/job-orders/{id}/shortlist', { params: { path: { id }, query: { limit: 20 } } }));
    setProblem(problem);
    setShortlist(data ? { ...data, reference } : undefined);
  };
  const select = async (candidateId: string, name: string) => {
    if (!shortlist) return;
    const { problem } = await call(api.POST('/api/v1/recruitment/job-orders/{id}/selections', { params: { path: { id: shortlist.job_order_id } }, body: { candidate_id: candidateId } }));
    setProblem(problem);
    if (!problem) setNotice(t('recruitment.desk.selected', { name }));
    await openShortlist(shortlist.job_order_id, shortlist.reference);
    await load();
  };
  const decide = async (id: string, outcome: 'upheld' | 'dismissed') => {
    const { problem } = await call(api.POST('/api/v1/recruitment/breaches/{id}/decide', { params: { path: { id } }, body: { outcome, reason: t(outcome === 'upheld' ? 'recruitment.desk.upheldReason' : 'recruitment.desk.dismissedReason') } }));
    setProblem(problem);
    await load();
  };

  return (
    <section>
      <h1>{t('recruitment.desk.title')}</h1>
      {notice && <p role="status" className="notice" tabIndex={-1} ref={noticeRef}>{notice}</p>}
      {problem && <ProblemMessage problem={problem} />}
      {!orders && !problem && <Loading />}
      <h2>{t('recruitment.desk.jobOrders')}</h2>
      {orders && orders.length === 0 && <p className="muted">{t('recruitment.desk.none')}</p>}
      {orders && orders.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('recruitment.desk.reference')}</th>
              <th scope="col">{t('recruitment.desk.occupation')}</th>
              <th scope="col">{t('recruitment.desk.positions')}</th>
              <th scope="col">{t('recruitment.desk.status')}</th>
              <th scope="col">{t('recruitment.desk.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id}>
                <td>{o.reference}</td>
                <td>{o.occupation_isco} · {String(o.terms.job_title ?? '')}</td>
                <td>{f.number(o.filled)} / {f.number(o.positions)}</td>
                <td>{t(`recruitment.status.${o.status}` as MessageId)}</td>
                <td>
                  {authority && o.status === 'submitted' && (
                    <>
                      <button type="button" onClick={() => void verify(o.id, o.reference)}>{t('recruitment.desk.verify', { ref: o.reference })}</button>{' '}
                      <button type="button" onClick={() => { setRefusing({ id: o.id, reference: o.reference }); setRefuseProblem(undefined); }}>{t('picker.recruit.refuse', { ref: o.reference })}</button>
                    </>
                  )}
                  {!authority && o.status === 'verified' && (kind === 'employer' || o.origin_agency_id === me?.organisation?.id) && (
                    <button type="button" onClick={() => void openShortlist(o.id, o.reference)}>{t('recruitment.desk.shortlist', { ref: o.reference })}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {refusing && (
        <form
          key={refusing.id}
          className="card"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void refuse(String(new FormData(e.currentTarget).get('reason') ?? ''));
          }}
        >
          {refuseProblem && !fieldProblems(refuseProblem).reason && <ProblemMessage problem={refuseProblem} />}
          <Field label={t('picker.recruit.refuseReason', { ref: refusing.reference })} error={fieldProblems(refuseProblem).reason}>
            <textarea name="reason" rows={3} autoFocus />
          </Field>
          <p className="actions">
            <button type="submit">{t('picker.recruit.confirmRefuse')}</button>{' '}
            <button type="button" onClick={() => { setRefusing(undefined); setRefuseProblem(undefined); }}>{t('common.cancel')}</button>
          </p>
        </form>
      )}
      {shortlist && (
        <>
          <h2>{t('recruitment.desk.shortlist', { ref: shortlist.reference })}</h2>
          <ol className="plain">
            {shortlist.candidates.map((c) => (
              <li key={c.candidate_id} className="card">
                <h3>{t('recruitment.desk.rankLine', { rank: c.rank, name: c.worker_name, score: c.score })}</h3>
                <ul>{c.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
                <button type="button" onClick={() => void select(c.candidate_id, c.worker_name)}>{t('recruitment.desk.select', { name: c.worker_name })}</button>
              </li>
            ))}
          </ol>
        </>
      )}
      <h2>{t('recruitment.desk.breaches')}</h2>
      {breaches && breaches.length === 0 && <p className="muted">{t('recruitment.desk.noBreaches')}</p>}
      {breaches && breaches.length > 0 && (
        <ul className="plain">
          {breaches.map((b) => (
            <li key={b.id} className="card">
              <p>{t('recruitment.desk.paid', { paid: f.money(b.paid_minor, b.currency), cap: f.money(b.cap_minor, b.currency) })}</p>
              <p className="muted">{t(`recruitment.side.${b.side}` as MessageId)} · {t(`recruitment.breach.${b.status}` as MessageId)}</p>
              {authority && b.status === 'open' && (
                <p>
                  <button type="button" onClick={() => void decide(b.id, 'upheld')}>{t('recruitment.desk.uphold')}</button>{' '}
                  <button type="button" onClick={() => void decide(b.id, 'dismissed')}>{t('recruitment.desk.dismiss')}</button>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('recruitment.desk.costs')}</h2>
      {costs && costs.length === 0 && <p className="muted">{t('recruitment.desk.noCosts')}</p>}
      {costs && costs.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('recruitment.desk.costs')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('recruitment.desk.contract')}</th>
                <th scope="col">{t('recruitment.desk.agencyDeclared')}</th>
                <th scope="col">{t('recruitment.desk.workerDeclared')}</th>
                <th scope="col">{t('recruitment.desk.sdg')}</th>
              </tr>
            </thead>
            <tbody>
              {costs.map((c) => (
                <tr key={c.contract_id}>
                  <td>{c.contract_no}</td>
                  <td>{c.agency ? f.money(c.agency.total_wage_minor, c.agency.wage_currency) : '—'}</td>
                  <td>{c.worker ? f.money(c.worker.total_wage_minor, c.worker.wage_currency) : '—'}</td>
                  <td>{c.sdg_10_7_1 ? t('recruitment.desk.sdgValue', { ratio: c.sdg_10_7_1.ratio }) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {authority && (
        <>
          <h2>{t('recruitment.desk.differences')}</h2>
          {differences && differences.length === 0 && <p className="muted">{t('recruitment.desk.noDifferences')}</p>}
          <ul className="plain">
            {differences?.map((d) => (
              <li key={d.contract_id} className="card">
                {t('recruitment.desk.difference', { agency: f.money(d.agency_total_minor ?? 0, d.currency), worker: f.money(d.worker_total_minor ?? 0, d.currency) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
