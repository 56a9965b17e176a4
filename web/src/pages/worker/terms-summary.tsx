import { useFormat } from '../../i18n/format.js';
import { type MessageId, useT } from '../../i18n/t.js';
import { COST_ITEMS, type Terms } from './terms.js';

/** The terms in plain words, the ones that matter most first: pay, time, rest, leave, who pays what. */
export function TermsSummary({ terms, monthlyMinor }: { terms: Terms; monthlyMinor: number }) {
  const t = useT();
  const f = useFormat();
  const currency = terms.wage.currency;
  const allowances = terms.wage.allowances ?? [];
  const employerPays = COST_ITEMS.filter((item) => terms.costs[item] === 'employer');
  const workerPays = COST_ITEMS.filter((item) => terms.costs[item] === 'worker');
  const list = (items: readonly string[]) => f.list(items.map((i) => t(`cost.${i}` as MessageId)));
  const fee = terms.worker_recruitment_fee_minor ?? 0;
  return (
    <section aria-labelledby="summary-title" className="card summary">
      <h2 id="summary-title">{t('summary.title')}</h2>
      <ul className="plain">
        <li>
          <strong>{t('summary.pay', { amount: f.money(monthlyMinor, currency) })}</strong>
          {allowances.length > 0 && (
            <> {t('summary.payParts', { basic: f.money(terms.wage.basic_monthly_minor, currency), count: allowances.length })}</>
          )}
        </li>
        <li>{t('summary.hours', { hours: terms.hours_per_week, rest: terms.rest_days_per_week })}</li>
        <li>{t('summary.overtime', { pct: terms.wage.overtime_rate_pct })}</li>
        <li>{t('summary.leave', { days: terms.annual_leave_days })}</li>
        <li>{t('summary.dates', { start: f.day(terms.start_date), end: f.day(terms.end_date) })}</li>
        {employerPays.length > 0 && <li>{t('summary.employerPays', { items: list(employerPays) })}</li>}
        {workerPays.length > 0 && <li className="warn">{t('summary.workerPays', { items: list(workerPays) })}</li>}
        <li className={fee > 0 ? 'warn' : undefined}>
          {fee > 0 ? t('summary.fee', { amount: f.money(fee, currency) }) : t('summary.noFee')}
        </li>
        <li>{t(`summary.housing.${terms.accommodation}` as MessageId)}</li>
        <li>{t(terms.passport_retained_by_worker ? 'summary.passportKept' : 'summary.passportTaken')}</li>
      </ul>
    </section>
  );
}
