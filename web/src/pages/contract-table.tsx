import type { ReactNode } from 'react';
import type { Json } from '../api/client.js';
import { useStatusLabel } from '../components/status.js';
import { useFormat } from '../i18n/format.js';
import { useT } from '../i18n/t.js';

export type ContractRow = Json<'/api/v1/contracts', 'get'>['contracts'][number];

/** Contracts as a table for desks (employer, authorities); `action` adds a last column. */
export function ContractTable({
  rows,
  action,
  statusOf,
}: {
  rows: ContractRow[];
  action?: (row: ContractRow) => ReactNode;
  /** A desk's own words for a stage (the employer's "offered" waits for the worker); the shared ones otherwise. */
  statusOf?: (stage: string) => string;
}) {
  const t = useT();
  const f = useFormat();
  const sharedLabel = useStatusLabel();
  const statusLabel = statusOf ?? sharedLabel;
  if (!rows.length) return <p className="muted">{t('table.empty')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('table.number')}</th>
            <th scope="col">{t('table.employer')}</th>
            <th scope="col">{t('table.worker')}</th>
            <th scope="col">{t('table.status')}</th>
            <th scope="col">{t('table.start')}</th>
            {action && <th scope="col">{t('table.action')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.contract_no}</td>
              <td>{r.employer.name}</td>
              <td>{r.worker.initials}</td>
              <td>{statusLabel(r.stage)}</td>
              <td>{f.day(r.start_date)}</td>
              {action && <td>{action(r)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
