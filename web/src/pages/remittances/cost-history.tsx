import * as Plot from '@observablehq/plot';
import { useEffect, useRef, useState } from 'react';
import { api, type Json } from '../../api/client.js';
import { call } from '../../api/problem.js';
import { useT } from '../../i18n/t.js';

type History = Json<'/api/v1/remittances/corridors/{from}/{to}/history', 'get'>;

/**
 * (Its heading is the page's, so the page can place it before this code loads.)
 * The corridor's average cost and SmaRT over time, against the 3% target and the 5% ceiling,
 * with the World Bank's published averages as history; the same numbers in a table beside it.
 */
export default function CostHistory({ from, to }: { from: string; to: string }) {
  const t = useT();
  const [history, setHistory] = useState<History>();
  const chart = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void call(api.GET('/api/v1/remittances/corridors/{from}/{to}/history', { params: { path: { from, to } } })).then(({ data }) => setHistory(data));
  }, [from, to]);

  const points = history?.points ?? [];
  useEffect(() => {
    const node = chart.current;
    if (!node || points.length === 0) return;
    type Row = { period: string; series: string; value: number };
    const rows: Row[] = points.flatMap((p) => [
      ...(p.world_bank_pct !== null ? [{ period: p.period, series: t('remit.chart.worldBank'), value: p.world_bank_pct }] : []),
      ...(p.derived_mean_pct !== null ? [{ period: p.period, series: t('remit.chart.derived'), value: p.derived_mean_pct }] : []),
      ...(p.avg_total_cost_pct_200 !== null ? [{ period: p.period, series: t('remit.chart.corridor'), value: p.avg_total_cost_pct_200 }] : []),
      ...(p.smart_pct !== null ? [{ period: p.period, series: t('remit.chart.smart'), value: p.smart_pct }] : []),
    ]);
    const periods = points.map((p) => p.period);
    const svg = Plot.plot({
      width: Math.min(node.clientWidth || 340, 720),
      height: 260,
      marginLeft: 40,
      x: { type: 'point', domain: periods, label: null, tickFormat: (d: string) => (d.endsWith('1Q') ? d.slice(0, 4) : '') },
      y: { grid: true, label: t('remit.chart.axis'), zero: true },
      color: { legend: true },
      marks: [
        Plot.ruleY([3], { stroke: 'green', strokeDasharray: '4,3' }),
        Plot.ruleY([5], { stroke: 'firebrick', strokeDasharray: '4,3' }),
        Plot.line(rows, { x: 'period', y: 'value', stroke: 'series' }),
        Plot.dot(rows, { x: 'period', y: 'value', fill: 'series', r: 2 }),
      ],
    });
    // One image with one label (the table below carries the numbers): Plot's labels on its groups would be prohibited ARIA.
    for (const g of svg.querySelectorAll('g[aria-label]')) g.removeAttribute('aria-label');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', t('remit.chart.label'));
    node.replaceChildren(svg);
    return () => node.replaceChildren();
  }, [points, t]);

  if (!history || points.length === 0) return null;
  const pct = (v: number | null) => (v === null ? '-' : `${v.toFixed(2)}%`);
  return (
    <>
      <div ref={chart} />
      <details>
        <summary>{t('remit.chart.table')}</summary>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('remit.chart.period')}</th>
                <th scope="col">{t('remit.chart.corridor')}</th>
                <th scope="col">{t('remit.chart.smart')}</th>
                <th scope="col">{t('remit.chart.worldBank')}</th>
                <th scope="col">{t('remit.chart.derived')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.period}>
                  <th scope="row">{p.period}</th>
                  <td>{pct(p.avg_total_cost_pct_200)}</td>
                  <td>{pct(p.smart_pct)}</td>
                  <td>{pct(p.world_bank_pct)}</td>
                  <td>{pct(p.derived_mean_pct)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
