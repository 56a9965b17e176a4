import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';

/**
 * The authority's charts (Observable Plot, a chunk of its own). Axes run left to right in every
 * language (the page around them follows the language's direction). Each is one image with one label:
 * the numbers are in the table the page puts beside it, so Plot's own ARIA labels are removed.
 */
function usePlot(draw: (width: number) => SVGSVGElement | HTMLElement, label: string, deps: unknown[]) {
  const node = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = node.current;
    if (!el) return;
    const figure = draw(Math.min(el.clientWidth || 640, 760));
    for (const g of figure.querySelectorAll('[aria-label]')) g.removeAttribute('aria-label');
    for (const g of figure.querySelectorAll('[aria-description]')) g.removeAttribute('aria-description');
    figure.setAttribute('role', 'img');
    figure.setAttribute('aria-label', label);
    el.replaceChildren(figure);
    return () => el.replaceChildren();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [label, ...deps]);
  return node;
}

/** Counts have whole ticks only. */
const countTicks = (locale: string, max: number) => {
  const format = new Intl.NumberFormat(locale);
  return { ticks: Math.max(1, Math.min(10, max)), tickFormat: (v: number) => (Number.isInteger(v) ? format.format(v) : '') };
};

const monthTick = (locale: string) => {
  const format = Intl.DateTimeFormat.supportedLocalesOf([locale]).length
    ? new Intl.DateTimeFormat(locale, { year: '2-digit', month: 'short', timeZone: 'UTC' })
    : { format: (d: Date) => d.toISOString().slice(0, 7) };
  return (period: string) => format.format(new Date(`${period}-01T00:00:00Z`));
};

/** Compliance (paid / contracts) of each employer, month by month, from 0 to 100%. */
export function ComplianceChart({ months, label }: { months: { employer_name: string; period: string; compliance: number }[]; label: string }) {
  const { locale } = useIntl();
  const node = usePlot(
    (width) => {
      const periods = [...new Set(months.map((m) => m.period))].sort();
      const rows = [...months].sort((a, b) => a.period.localeCompare(b.period));
      return Plot.plot({
        width,
        height: 260,
        marginLeft: 48,
        x: { type: 'point', domain: periods, label: null, tickFormat: monthTick(locale), inset: 20 },
        y: { domain: [0, 1], grid: true, label: null, tickFormat: (v: number) => new Intl.NumberFormat(locale, { style: 'percent' }).format(v) },
        color: { legend: true },
        marks: [
          Plot.ruleY([0]),
          Plot.line(rows, { x: 'period', y: 'compliance', stroke: 'employer_name' }),
          Plot.dot(rows, { x: 'period', y: 'compliance', fill: 'employer_name', r: 4 }),
        ],
      });
    },
    label,
    [months, locale],
  );
  return <div ref={node} className="chart" dir="ltr" />;
}

/** One month's wage statuses of each employer, stacked. */
export function StatusChart({
  rows,
  statuses,
  label,
}: {
  rows: ({ employer_name: string } & Record<string, unknown>)[];
  statuses: { key: string; label: string }[];
  label: string;
}) {
  const { locale } = useIntl();
  const node = usePlot(
    (width) => {
      const data = rows.flatMap((r) => statuses.map((s) => ({ employer: r.employer_name, status: s.label, count: Number(r[s.key] ?? 0) })));
      return Plot.plot({
        width,
        height: 60 + rows.length * 36,
        marginLeft: 180,
        x: { grid: true, label: null, ...countTicks(locale, Math.max(...rows.map((r) => Number(r.contracts ?? 0)))) },
        y: { label: null },
        color: { legend: true, domain: statuses.map((s) => s.label), range: ['#1a7f37', '#bf8700', '#d4620b', '#cf222e', '#8c959f'] },
        marks: [Plot.barX(data, { x: 'count', y: 'employer', fill: 'status', order: statuses.map((s) => s.label) }), Plot.ruleX([0])],
      });
    },
    label,
    [rows, statuses, locale],
  );
  return <div ref={node} className="chart" dir="ltr" />;
}

/** How many contracts are at each stage of the lifecycle. */
export function StageChart({ stages, label }: { stages: { label: string; contracts: number }[]; label: string }) {
  const { locale } = useIntl();
  const node = usePlot(
    (width) =>
      Plot.plot({
        width,
        height: 60 + stages.length * 26,
        marginLeft: 180,
        x: { grid: true, label: null, ...countTicks(locale, Math.max(...stages.map((s) => s.contracts))) },
        y: { domain: stages.map((s) => s.label), label: null },
        marks: [Plot.barX(stages, { x: 'contracts', y: 'label', fill: '#1d4ed8' }), Plot.ruleX([0])],
      }),
    label,
    [stages, locale],
  );
  return <div ref={node} className="chart" dir="ltr" />;
}
