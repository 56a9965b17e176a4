import type { Json } from '../../api/client.js';
import { useFormat } from '../../i18n/format.js';
import { type MessageId, useT } from '../../i18n/t.js';

export type Loan = Json<'/api/v1/loans/{id}', 'get'>;
export type Totals = Json<'/api/v1/loans/totals', 'get'>;

/** A loan's figures: amount, repaid, balance, refunds owed to the worker. */
export function LoanFigures({ loan }: { loan: Omit<Loan, 'schedule' | 'repayments' | 'key_terms'> }) {
  const t = useT();
  const f = useFormat();
  const m = (minor: number) => f.money(minor, loan.currency);
  return (
    <dl className="terms">
      <dt>{t('loans.status')}</dt>
      <dd>{t(`loans.state.${loan.status}` as MessageId)}</dd>
      <dt>{t('loans.amount')}</dt>
      <dd>{m(loan.amount_minor)}</dd>
      <dt>{t('loans.rateTerm')}</dt>
      <dd>{t('loans.rateTermValue', { rate: f.number(loan.annual_rate_bp / 100), months: loan.term_months })}</dd>
      <dt>{t('loans.instalment')}</dt>
      <dd>{m(loan.instalment_minor)}</dd>
      <dt>{t('loans.repaid')}</dt>
      <dd>{m(loan.repaid_minor)}</dd>
      <dt>{t('loans.balance')}</dt>
      <dd>
        <strong>{m(loan.balance_minor)}</strong>
      </dd>
      {loan.refunds_owed_minor > 0 && (
        <>
          <dt>{t('loans.refundsOwed')}</dt>
          <dd>{m(loan.refunds_owed_minor)}</dd>
          <dt>{t('loans.refundsPaid')}</dt>
          <dd>{m(loan.refunds_paid_minor)}</dd>
          {loan.refunds_owed_minor > loan.refunds_paid_minor && (
            <>
              <dt>{t('loans.refundsStill')}</dt>
              <dd>
                <strong>{m(loan.refunds_owed_minor - loan.refunds_paid_minor)}</strong>
              </dd>
            </>
          )}
        </>
      )}
    </dl>
  );
}

/** Each refund the lender recorded as paid back to the worker: amount, day, reference. */
export function RefundPayments({ loan }: { loan: Loan }) {
  const t = useT();
  const f = useFormat();
  if (loan.refund_payments.length === 0) return null;
  return (
    <>
      <h2>{t('loans.refundPaymentsTitle')}</h2>
      <ul className="plain">
        {loan.refund_payments.map((r) => (
          <li key={r.id} className="card refund-payment">
            {t('loans.refundPayment', { amount: f.money(r.amount_minor, r.currency), day: f.day(r.paid_on), reference: r.reference })}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The schedule, month by month, with what the wage system did in each matched month. */
export function Schedule({ loan }: { loan: Loan }) {
  const t = useT();
  const f = useFormat();
  const m = (minor: number) => f.money(minor, loan.currency);
  return (
    <>
      <h2>{t('loans.repayments')}</h2>
      {loan.repayments.length === 0 ? (
        <p className="muted">{t('loans.noRepayments')}</p>
      ) : (
        <ul className="plain">
          {loan.repayments.map((r) => (
            <li key={r.month} className={`card repayment repayment-${r.outcome}`}>
              <h3>{f.month(r.month)}</h3>
              <p>
                <strong>{t(`loans.outcome.${r.outcome}` as MessageId)}</strong>
              </p>
              <p>{t('loans.deductedApplied', { deducted: m(r.deducted_minor), applied: m(r.applied_minor) })}</p>
              {r.flag && <p role="note">{t(`loans.flag.${r.flag}` as MessageId, { refund: m(r.refund_minor) })}</p>}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('loans.schedule')}</h2>
      <ScheduleTable schedule={loan.schedule} currency={loan.currency} />
    </>
  );
}

interface ScheduleRow {
  seq: number;
  due_month: string;
  amount_minor: number;
  interest_minor: number;
  status?: string;
  deferrals?: number;
}

/** Instalments month by month: a loan's (with each one's state) or a quote's before applying. */
export function ScheduleTable({ schedule, currency }: { schedule: ScheduleRow[]; currency: string }) {
  const t = useT();
  const f = useFormat();
  const m = (minor: number) => f.money(minor, currency);
  const withStatus = schedule.some((s) => s.status !== undefined);
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('loans.schedule')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('loans.month')}</th>
            <th scope="col">{t('loans.instalment')}</th>
            <th scope="col">{t('loans.interest')}</th>
            {withStatus && <th scope="col">{t('loans.status')}</th>}
          </tr>
        </thead>
        <tbody>
          {schedule.map((s) => (
            <tr key={s.seq}>
              <td>{f.month(s.due_month)}</td>
              <td>{m(s.amount_minor)}</td>
              <td>{m(s.interest_minor)}</td>
              {withStatus && (
                <td>
                  {t(`loans.instalmentState.${s.status}` as MessageId)}
                  {(s.deferrals ?? 0) > 0 && ` · ${t('loans.deferredTimes', { n: s.deferrals! })}`}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Totals by corridor and currency: a lender's portfolio, or the authorities' view. */
export function TotalsTable({ totals }: { totals: Totals }) {
  const t = useT();
  const f = useFormat();
  if (totals.rows.length === 0) return <p className="muted">{t('loans.noLoans')}</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('loans.totalsTitle')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('loans.corridor')}</th>
            <th scope="col">{t('loans.applications')}</th>
            <th scope="col">{t('loans.disbursed')}</th>
            <th scope="col">{t('loans.repaid')}</th>
            <th scope="col">{t('loans.balance')}</th>
            <th scope="col">{t('loans.refundsOwedWorkers')}</th>
            <th scope="col">{t('loans.refundsPaidWorkers')}</th>
            <th scope="col">{t('loans.monthsDeferred')}</th>
            <th scope="col">{t('loans.monthsFlagged')}</th>
          </tr>
        </thead>
        <tbody>
          {totals.rows.map((r) => (
            <tr key={`${r.corridor_code}-${r.currency}`}>
              <td>{r.corridor_code}</td>
              <td>{f.number(r.applications)}</td>
              <td>{t('loans.disbursedValue', { n: r.disbursed, amount: f.money(r.disbursed_minor, r.currency) })}</td>
              <td>{f.money(r.repaid_minor, r.currency)}</td>
              <td>{f.money(r.balance_minor, r.currency)}</td>
              <td>{f.money(r.refunds_owed_minor, r.currency)}</td>
              <td>{f.money(r.refunds_paid_minor, r.currency)}</td>
              <td>{f.number(r.months_deferred)}</td>
              <td>{f.number(r.months_flagged)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
