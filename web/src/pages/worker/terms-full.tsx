import type { ReactNode } from 'react';
import { useFormat } from '../../i18n/format.js';
import { nameOf } from '../../i18n/languages.js';
import { type MessageId, useT } from '../../i18n/t.js';
import { COST_ITEMS, type Terms } from './terms.js';

/** Every term, in the order of the contract, as label and value. */
export function TermsFull({ terms }: { terms: Terms }) {
  const t = useT();
  const f = useFormat();
  const c = terms.wage.currency;
  const yes = (v: boolean) => t(v ? 'common.yes' : 'common.no');
  const rows: [MessageId, ReactNode][] = [
    ['terms.job', t('terms.jobValue', { title: terms.job_title, isco: terms.occupation_isco })],
    ['terms.workplace', t('terms.workplaceValue', { address: terms.workplace.address, city: terms.workplace.city })],
    ['terms.start', f.day(terms.start_date)],
    ['terms.end', f.day(terms.end_date)],
    ['terms.probation', t('terms.months', { count: terms.probation_months })],
    ['terms.basic', f.money(terms.wage.basic_monthly_minor, c)],
    ...(terms.wage.allowances ?? []).map(
      (a): [MessageId, ReactNode] => [`allowance.${a.kind}` as MessageId, t(a.fixed === false ? 'terms.variable' : 'terms.fixed', { amount: f.money(a.amount_minor, c) })],
    ),
    ['terms.overtime', t('terms.percent', { pct: terms.wage.overtime_rate_pct })],
    ['terms.hours', f.number(terms.hours_per_week)],
    ['terms.rest', f.number(terms.rest_days_per_week)],
    ['terms.leave', t('terms.days', { count: terms.annual_leave_days })],
    ['terms.accommodation', t(`provision.${terms.accommodation}` as MessageId)],
    ['terms.food', t(`provision.${terms.food}` as MessageId)],
    ['terms.transport', t(`provision.${terms.transport}` as MessageId)],
    ...COST_ITEMS.map((item): [MessageId, ReactNode] => [`cost.${item}` as MessageId, t(`payer.${terms.costs[item]}` as MessageId)]),
    ['terms.fee', f.money(terms.worker_recruitment_fee_minor ?? 0, c)],
    ['terms.healthInsurance', yes(terms.insurance.health)],
    ['terms.injuryInsurance', yes(terms.insurance.work_injury)],
    ['terms.endOfService', t('terms.daysPerYear', { count: terms.end_of_service_days_per_year })],
    ['terms.notice', t('terms.days', { count: terms.notice_days })],
    ['terms.passport', yes(terms.passport_retained_by_worker)],
    ['terms.languages', f.list(terms.languages.map(nameOf))],
  ];
  return (
    <section aria-labelledby="full-title" className="card">
      <h2 id="full-title">{t('terms.title')}</h2>
      <dl className="terms">
        {rows.map(([label, value], i) => (
          <div key={i}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
