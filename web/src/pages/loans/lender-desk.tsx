import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, type Json } from '../../api/client.js';
import { call, fieldProblems, type Problem } from '../../api/problem.js';
import { Field } from '../../components/field.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { type MessageId, useT } from '../../i18n/t.js';
import { type Loan, LoanFigures, type Totals, TotalsTable } from './loan-parts.js';
import { minorOrTyped } from '../../i18n/money-input.js';

type Product = Json<'/api/v1/loans/products', 'get'>['products'][number];

const today = () => new Date().toISOString().slice(0, 10);

/** A lender's desk: its products, the applications workers consented to show it, decisions, disbursements, the portfolio. */
export default function LenderDesk() {
  const t = useT();
  const f = useFormat();
  const [products, setProducts] = useState<Product[]>();
  const [loans, setLoans] = useState<Loan[]>();
  const [portfolio, setPortfolio] = useState<Totals>();
  const [problem, setProblem] = useState<Problem>();
  const [formProblem, setFormProblem] = useState<Problem>();

  const load = useCallback(async () => {
    const [p, l, totals] = await Promise.all([call(api.GET('/api/v1/loans/products', {})), call(api.GET('/api/v1/loans', {})), call(api.GET('/api/v1/loans/portfolio', {}))]);
    const details = await Promise.all((l.data?.loans ?? []).map((x) => call(api.GET('/api/v1/loans/{id}', { params: { path: { id: x.id } } }))));
    setProducts(p.data?.products);
    setLoans(details.flatMap((d) => (d.data ? [d.data] : [])));
    setPortfolio(totals.data);
    setProblem(p.problem ?? l.problem ?? totals.problem);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const publish = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = new FormData(e.currentTarget);
    const n = (k: string) => Number(v.get(k));
    const currency = String(v.get('currency'));
    const minor = (k: string) => minorOrTyped(String(v.get(k)), currency);
    const { problem } = await call(
      api.POST('/api/v1/loans/products', {
        body: {
          corridor: String(v.get('corridor')), name: String(v.get('name')), currency,
          min_amount_minor: minor('min'), max_amount_minor: minor('max'), min_term_months: n('minTerm'), max_term_months: n('maxTerm'),
          // A percentage with two decimals is a whole number of basis points: "7.25" -> 725.
          annual_rate_bp: minorOrTyped(String(v.get('rate')), 2), fee_minor: minor('fee'),
        },
      }),
    );
    setFormProblem(problem);
    if (!problem) await load();
  };

  // A decline asks for its reason in the page (the worker is told why); a refused step keeps its problem next to its loan's field.
  const [declining, setDeclining] = useState<string>();
  /** The loan just approved: its disbursement date takes the focus the Approve button had. */
  const [approved, setApproved] = useState<string>();
  const [stepProblem, setStepProblem] = useState<{ loanId: string; problem: Problem }>();
  const decide = async (loan: Loan, decision: 'approve' | 'decline', reason?: string) => {
    const { problem } = await call(api.POST('/api/v1/loans/{id}/decision', { params: { path: { id: loan.id } }, body: { decision, ...(reason?.trim() ? { reason: reason.trim() } : {}) } }));
    setStepProblem(problem ? { loanId: loan.id, problem } : undefined);
    if (!problem) {
      setDeclining(undefined);
      setApproved(decision === 'approve' ? loan.id : undefined);
      await load();
    }
  };
  const disburse = async (loan: Loan, on: string) => {
    const { problem } = await call(api.POST('/api/v1/loans/{id}/disbursement', { params: { path: { id: loan.id } }, body: { disbursed_on: on } }));
    setStepProblem(problem ? { loanId: loan.id, problem } : undefined);
    if (!problem) await load();
  };

  const [refundProblem, setRefundProblem] = useState<{ loanId: string; problem: Problem }>();
  const [refundSaved, setRefundSaved] = useState<string>();
  const recordRefund = async (loan: Loan, e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = new FormData(e.currentTarget);
    const { problem } = await call(
      api.POST('/api/v1/loans/{id}/refunds', {
        params: { path: { id: loan.id } },
        body: { amount_minor: minorOrTyped(String(v.get('amount')), loan.currency), currency: loan.currency, paid_on: String(v.get('paidOn')), reference: String(v.get('reference')) },
      }),
    );
    setRefundProblem(problem ? { loanId: loan.id, problem } : undefined);
    setRefundSaved(problem ? undefined : loan.id);
    if (!problem) await load();
  };

  const fp = fieldProblems(formProblem);
  const waiting = loans?.filter((l) => l.status === 'applied' || l.status === 'approved') ?? [];
  const others = loans?.filter((l) => l.status !== 'applied' && l.status !== 'approved') ?? [];
  return (
    <section>
      <h1>{t('loans.lenderTitle')}</h1>
      {problem && <ProblemMessage problem={problem} />}
      {!loans && !problem && <Loading />}

      <h2>{t('loans.portfolio')}</h2>
      {portfolio && <TotalsTable totals={portfolio} />}

      <h2>{t('loans.applicationsTitle')}</h2>
      {loans && waiting.length === 0 && <p className="muted">{t('loans.noApplications')}</p>}
      {waiting.map((loan) => {
        const sp = stepProblem?.loanId === loan.id ? fieldProblems(stepProblem.problem) : {};
        const stepOther = stepProblem?.loanId === loan.id && !Object.keys(sp).length ? stepProblem.problem : undefined;
        return (
          <article key={loan.id} className="card">
            <h3>{t('loans.applicationFor', { product: loan.product_name })}</h3>
            {loan.key_terms && (
              <p>
                {t('loans.keyTerms', {
                  employer: loan.key_terms.employer_name,
                  job: loan.key_terms.job_title ?? loan.key_terms.occupation_isco ?? '',
                  start: f.day(loan.key_terms.start_date),
                  end: f.day(loan.key_terms.end_date),
                  wage: f.money(loan.key_terms.monthly_wage_minor, loan.key_terms.currency),
                })}
              </p>
            )}
            <LoanFigures loan={loan} />
            {stepOther && <ProblemMessage problem={stepOther} />}
            {loan.status === 'applied' && declining !== loan.id && (
              <p className="actions">
                <button type="button" className="primary" onClick={() => void decide(loan, 'approve')}>{t('loans.approve')}</button>{' '}
                <button type="button" onClick={() => setDeclining(loan.id)}>{t('loans.decline')}</button>
              </p>
            )}
            {loan.status === 'applied' && declining === loan.id && (
              <form
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  void decide(loan, 'decline', String(new FormData(e.currentTarget).get('reason') ?? ''));
                }}
              >
                <Field label={t('loans.declineReason')} error={sp.reason}>
                  <textarea name="reason" rows={3} autoFocus />
                </Field>
                <p className="actions">
                  <button type="submit">{t('picker.lender.confirmDecline')}</button>{' '}
                  <button type="button" onClick={() => { setDeclining(undefined); setStepProblem(undefined); }}>{t('common.cancel')}</button>
                </p>
              </form>
            )}
            {loan.status === 'approved' && (
              <form
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  void disburse(loan, String(new FormData(e.currentTarget).get('on')));
                }}
              >
                <Field label={t('loans.disbursedOn')} error={sp.disbursed_on}>
                  <input name="on" type="date" defaultValue={today()} required autoFocus={approved === loan.id} />
                </Field>
                <button type="submit" className="primary">{t('loans.disburse')}</button>
              </form>
            )}
          </article>
        );
      })}

      <h2>{t('loans.loansTitle')}</h2>
      {loans && others.length === 0 && <p className="muted">{t('loans.noLoans')}</p>}
      {others.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('loans.loansTitle')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('loans.product')}</th>
                <th scope="col">{t('loans.status')}</th>
                <th scope="col">{t('loans.amount')}</th>
                <th scope="col">{t('loans.repaid')}</th>
                <th scope="col">{t('loans.balance')}</th>
                <th scope="col">{t('loans.disbursedOn')}</th>
                <th scope="col">{t('loans.refundsOwed')}</th>
                <th scope="col">{t('loans.refundsPaid')}</th>
              </tr>
            </thead>
            <tbody>
              {others.map((l) => (
                <tr key={l.id}>
                  <td>{l.product_name}</td>
                  <td>{t(`loans.state.${l.status}` as MessageId)}</td>
                  <td>{f.money(l.amount_minor, l.currency)}</td>
                  <td>{f.money(l.repaid_minor, l.currency)}</td>
                  <td>{f.money(l.balance_minor, l.currency)}</td>
                  <td>{l.disbursed_on ? f.day(l.disbursed_on) : ''}</td>
                  <td>{f.money(l.refunds_owed_minor, l.currency)}</td>
                  <td>{f.money(l.refunds_paid_minor, l.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {others.filter((l) => l.refunds_owed_minor > l.refunds_paid_minor || refundSaved === l.id).map((l) => {
        const rp = refundProblem?.loanId === l.id ? fieldProblems(refundProblem.problem) : {};
        return (
          <form key={l.id} className="card" onSubmit={(e) => void recordRefund(l, e)} noValidate>
            <h3>{t('loans.recordRefund', { product: l.product_name })}</h3>
            <p>{t('loans.refundOwedLine', { owed: f.money(l.refunds_owed_minor, l.currency), paid: f.money(l.refunds_paid_minor, l.currency) })}</p>
            {refundProblem?.loanId === l.id && !Object.keys(rp).length && <ProblemMessage problem={refundProblem.problem} />}
            <Field label={t('loans.refundAmount', { currency: l.currency })} error={rp.amount_minor ?? rp.currency}><input name="amount" inputMode="decimal" required /></Field>
            <Field label={t('loans.refundPaidOn')} error={rp.paid_on}><input name="paidOn" type="date" defaultValue={today()} required /></Field>
            <Field label={t('loans.refundReference')} error={rp.reference}><input name="reference" required /></Field>
            <button type="submit">{t('loans.recordRefundButton')}</button>
            {refundSaved === l.id && <p role="status" className="notice">{t('loans.refundRecorded')}</p>}
          </form>
        );
      })}

      <h2>{t('loans.productsTitle')}</h2>
      {products && products.length === 0 && <p className="muted">{t('loans.noProducts')}</p>}
      <ul className="plain">
        {products?.map((p) => (
          <li key={p.id} className="card">
            <strong>{p.name}</strong> · {p.corridor_code}
            <p className="muted">
              {t('loans.productLine', {
                min: f.money(p.min_amount_minor, p.currency), max: f.money(p.max_amount_minor, p.currency),
                minTerm: p.min_term_months, maxTerm: p.max_term_months, rate: f.number(p.annual_rate_bp / 100), fee: f.money(p.fee_minor, p.currency),
              })}
            </p>
          </li>
        ))}
      </ul>
      <h3>{t('loans.publish')}</h3>
      {formProblem && <ProblemMessage problem={formProblem} />}
      <form onSubmit={(e) => void publish(e)} noValidate>
        <Field label={t('loans.productName')} error={fp.name}><input name="name" required /></Field>
        <Field label={t('loans.corridor')} error={fp.corridor}><input name="corridor" defaultValue="NPL-ARE" required /></Field>
        <Field label={t('loans.currency')} error={fp.currency}><input name="currency" defaultValue="AED" required /></Field>
        <Field label={t('loans.minAmount')} error={fp.min_amount_minor}><input name="min" type="number" step="0.01" min="0" required /></Field>
        <Field label={t('loans.maxAmount')} error={fp.max_amount_minor}><input name="max" type="number" step="0.01" min="0" required /></Field>
        <Field label={t('loans.minTerm')} error={fp.min_term_months}><input name="minTerm" type="number" min="1" required /></Field>
        <Field label={t('loans.maxTerm')} error={fp.max_term_months}><input name="maxTerm" type="number" min="1" required /></Field>
        <Field label={t('loans.rate')} error={fp.annual_rate_bp}><input name="rate" type="number" step="0.01" min="0" required /></Field>
        <Field label={t('loans.fee')} error={fp.fee_minor}><input name="fee" type="number" step="0.01" min="0" defaultValue="0" /></Field>
        <button type="submit" className="primary">{t('loans.publish')}</button>
      </form>
    </section>
  );
}
