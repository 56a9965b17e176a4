import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, type Json } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { type MessageId, useT } from '../../i18n/t.js';

type Escalation = Json<'/api/v1/wages/escalations', 'get'>['escalations'][number];

/**
 * Unpaid, underpaid and late wages on the follow-up ladder, as far as this authority sees
 * (the API narrows: its nationals for the origin, its employers for the destination): where
 * each case stands, the employer's justification and whether the worker contested it.
 */
export default function EscalationsPage() {
  const t = useT();
  const f = useFormat();
  const [state, setState] = useState<'open' | 'closed'>('open');
  const [rows, setRows] = useState<Escalation[]>();
  const [problem, setProblem] = useState<Problem>();

  useEffect(() => {
    setRows(undefined);
    void call(api.GET('/api/v1/wages/escalations', { params: { query: { state } } })).then(({ data, problem }) => {
      setRows(data?.escalations);
      setProblem(problem);
    });
  }, [state]);

  return (
    <section>
      <p>
        <Link to="/authority">{t('common.back')}</Link>
      </p>
      <h1>{t('escalations.title')}</h1>
      <fieldset className="choice">
        <legend>{t('escalations.show')}</legend>
        {(['open', 'closed'] as const).map((s) => (
          <label key={s}>
            <input type="radio" name="state" value={s} checked={state === s} onChange={() => setState(s)} /> {t(`escalations.state.${s}`)}
          </label>
        ))}
      </fieldset>
      {problem && <ProblemMessage problem={problem} />}
      {!rows && !problem && <Loading />}
      {rows && rows.length === 0 && <p className="muted">{t('escalations.none')}</p>}
      {rows && rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('escalations.month')}</th>
                <th scope="col">{t('table.employer')}</th>
                <th scope="col">{t('table.number')}</th>
                <th scope="col">{t('escalations.wage')}</th>
                <th scope="col">{t('escalations.step')}</th>
                <th scope="col">{t('escalations.justification')}</th>
                <th scope="col">{t('escalations.worker')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id}>
                  <td>{f.month(`${e.period}-01`)}</td>
                  <td>{e.employer_name}</td>
                  <td>{e.contract_no}</td>
                  <td>{t(`wageStatus.${e.wage_status}` as MessageId)}</td>
                  <td>
                    {e.state === 'closed'
                      ? t(`escalations.resolution.${e.resolution ?? 'cleared'}` as MessageId)
                      : e.step
                        ? t(`escalations.ladder.${e.step}` as MessageId, { date: f.day(e.steps.at(-1)?.on ?? e.deadline) })
                        : t('escalations.due', { date: f.day(e.deadline) })}
                  </td>
                  <td>{e.justification ? e.justification.text : t('escalations.noJustification')}</td>
                  <td>
                    {e.justification?.worker_response
                      ? t(`escalations.response.${e.justification.worker_response}` as MessageId)
                      : e.justification
                        ? t('escalations.awaitingWorker')
                        : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
