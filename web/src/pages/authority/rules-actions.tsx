import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { ProblemMessage } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/t.js';
import type { Side, Version } from './rules-table.js';

type Action = 'approve' | 'withdraw';

/**
 * What this side may do with a pending version: approve the other side's proposal, or withdraw
 * its own; each asks once more before it is sent. The API's answer is shown as it came: a refusal
 * (409: withdrawn or approved meanwhile) in the page's language, and an approval that changed
 * nothing (this side had approved already) as such.
 */
export function VersionActions({ version, side, onChanged }: { version: Version; side: Side; onChanged: () => Promise<void> }) {
  const t = useT();
  const f = useFormat();
  const [asking, setAsking] = useState<Action>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [problem, setProblem] = useState<Problem>();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  // The question takes the focus; cancelling gives it back to the button that asked.
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (refocus) {
      openerRef.current?.focus();
      setRefocus(false);
    }
  }, [asking, refocus]);

  const pending = version.status === 'pending';
  const mineApproved = version[`${side}_approved_at`] !== null;
  const action: Action | undefined = pending ? (mineApproved ? 'withdraw' : 'approve') : undefined;
  const n = version.version;

  const send = async (what: Action) => {
    setBusy(true);
    setProblem(undefined);
    setNotice(undefined);
    const path = { params: { path: { code: version.corridor, version: n } } };
    const { data, problem } = await call(
      what === 'approve'
        ? api.POST('/api/v1/corridors/{code}/versions/{version}/approve', path)
        : api.POST('/api/v1/corridors/{code}/versions/{version}/withdraw', path),
    );
    setBusy(false);
    setAsking(undefined);
    if (problem) setProblem(problem);
    else if (data && what === 'withdraw') setNotice(t('rules.done.withdrawn', { version: n }));
    else if (data?.status === 'approved') setNotice(t('rules.done.approved', { version: n, date: f.day(data.valid_from) }));
    else if (data) setNotice(t('rules.done.unchanged', { version: n }));
    await onChanged();
    // The button is gone: the focus goes to the version's heading, right above the answer.
    document.getElementById('rules-open')?.focus();
  };

  return (
    <>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {problem && (problem.code === 'invalid_transition' ? (
        <div role="alert" className="problem">
          <p>{t('rules.problem.changed', { version: n })}</p>
        </div>
      ) : (
        <ProblemMessage problem={problem} />
      ))}
      {action && !asking && (
        <div className="actions">
          <button ref={openerRef} type="button" className={action === 'approve' ? 'primary' : undefined} onClick={() => setAsking(action)}>
            {t(action === 'approve' ? 'rules.approve' : 'rules.withdraw', { version: n })}
          </button>
        </div>
      )}
      {asking && (
        <div role="group" aria-labelledby="rules-confirm-question" className="card">
          <p id="rules-confirm-question">
            {t(asking === 'approve' ? 'rules.confirm.approveQuestion' : 'rules.confirm.withdrawQuestion', { version: n, date: f.day(version.valid_from) })}
          </p>
          <div className="actions">
            <button ref={confirmRef} type="button" className="primary" disabled={busy} onClick={() => void send(asking)}>
              {t(asking === 'approve' ? 'rules.confirm.approve' : 'rules.confirm.withdraw', { version: n })}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setAsking(undefined);
                setRefocus(true);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
