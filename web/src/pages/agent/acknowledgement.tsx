import { Fragment } from 'react';
import { useIntl } from 'react-intl';
import { fileProblemMessage } from '../../api/problem-messages.js';
import type { paths } from '../../api/schema.js';
import { useFormat } from '../../i18n/format.js';
import { type MessageId, useT } from '../../i18n/t.js';

export type Ack = paths['/api/v1/wages/files/{id}']['get']['responses'][200]['content']['application/json'];
type FileProblem = Ack['errors'][number];

/** The three answers to a file, in words: accepted whole, refused whole, or the same bytes again. */
export function useAckStatus(): (status: string) => string {
  const t = useT();
  return (status) => (['accepted', 'rejected', 'duplicate'].includes(status) ? t(`agent.status.${status}` as MessageId) : status);
}

/**
 * One acknowledgement: what Corridor did with the file, its counts and totals as money, and
 * every error and warning by line and field. `headingLevel` keeps the outline right where it sits.
 */
export function Acknowledgement({ ack, headingId }: { ack: Ack; headingId?: string }) {
  const t = useT();
  const f = useFormat();
  const money = (minor: number | null) => (minor === null ? '—' : ack.currency ? f.money(minor, ack.currency) : f.number(minor));
  const summary =
    ack.status === 'accepted'
      ? t('agent.ack.accepted', { records: ack.records, total: money(ack.total_minor) })
      : ack.status === 'duplicate'
        ? t('agent.ack.duplicate')
        : t('agent.ack.rejected', { count: ack.error_count });
  const facts: [MessageId, string][] = [
    ['agent.ack.file', ack.file_name],
    ['agent.ack.format', formatName(t, ack.format)],
    ['agent.ack.employer', ack.employer_external_id ?? '—'],
    ['agent.ack.month', ack.salary_month ? f.month(ack.salary_month) : '—'],
    ['agent.ack.paidOn', ack.file_created_on ? f.day(ack.file_created_on) : '—'],
    ['agent.ack.records', f.number(ack.records)],
    ['agent.ack.total', money(ack.total_minor)],
    ['agent.ack.controlCount', ack.control_count === null ? '—' : f.number(ack.control_count)],
    ['agent.ack.controlTotal', money(ack.control_total_minor)],
    ['agent.ack.received', f.instant(ack.received_at)],
  ];
  return (
    <article className={`card result ${ack.status === 'rejected' ? 'bad' : 'ok'}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('agent.ack.title', { file: ack.file_name })}</h2>
      <p className="ack-status">
        <strong>{t(`agent.status.${ack.status}` as MessageId)}</strong> — {summary}
      </p>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <ProblemTable title={t('agent.errors', { count: ack.error_count })} rows={ack.errors} className="ack-errors" />
      <ProblemTable title={t('agent.warnings', { count: ack.warning_count })} rows={ack.warnings} className="ack-warnings" />
    </article>
  );
}

function formatName(t: ReturnType<typeof useT>, format: string): string {
  return ['uae-sif', 'qatar-sif', 'csv'].includes(format) ? t(`agent.format.${format}` as MessageId) : t('agent.format.unknown');
}

/**
 * Problems by line (0 = the file as a whole) and field, each worded in the page's language from its
 * code (wages.file_problem.<code>); a problem without a known code keeps the checks' English words.
 */
function ProblemTable({ title, rows, className }: { title: string; rows: FileProblem[]; className: string }) {
  const t = useT();
  const f = useFormat();
  const intl = useIntl();
  const word = (p: FileProblem) =>
    fileProblemMessage(p, (id, values) => intl.formatMessage({ id }, values), (id) => intl.messages[id] !== undefined, intl.locale);
  if (!rows.length) return null;
  return (
    <div className={`table-wrap ${className}`}>
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agent.col.line')}</th>
            <th scope="col">{t('agent.col.field')}</th>
            <th scope="col">{t('agent.col.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p, i) => {
            const { text, translated } = word(p);
            return (
              <tr key={`${p.line}-${i}`}>
                <td>{p.line === 0 ? t('agent.wholeFile') : f.number(p.line)}</td>
                <td lang="en">{p.field}</td>
                <td lang={translated ? undefined : 'en'} data-code={p.code}>{text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
