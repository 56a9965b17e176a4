import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, type Json } from '../../api/client.js';
import { call, fieldProblems, type Problem } from '../../api/problem.js';
import { Field } from '../../components/field.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/t.js';
import { ScheduleTable } from './loan-parts.js';
import { toMinor } from '../../i18n/money-input.js';

type Product = Json<'/api/v1/loans/products', 'get'>['products'][number];
type Contract = Json<'/api/v1/contracts', 'get'>['contracts'][number];
type Quote = Json<'/api/v1/loans/quote', 'post'>;

/**
 * The worker applies for a pre-departure loan (phone-first): a product offered in the corridor
 * of their registered contract, an amount and a term within its limits (shown at each field),
 * the schedule and total cost before anything is shared, then the consent and the application.
 * Problems come back from the API by JSON pointer and are shown, in the worker's language, at
 * the field they concern.
 */
export default function ApplyLoan() {
  const t = useT();
  const f = useFormat();
  const navigate = useNavigate();
  const [contracts, setContracts] = useState<Contract[]>();
  const [products, setProducts] = useState<Product[]>();
  const [problem, setProblem] = useState<Problem>();
  const [contractId, setContractId] = useState('');
  const [productId, setProductId] = useState('');
  const [amount, setAmount] = useState('');
  const [term, setTerm] = useState('');
  const [consent, setConsent] = useState(false);
  const [quote, setQuote] = useState<Quote>();
  const [local, setLocal] = useState<Record<string, string>>({});

  useEffect(() => {
    void (async () => {
      const list = await call(api.GET('/api/v1/contracts', { params: { query: { limit: 50 } } }));
      const registered = (list.data?.contracts ?? []).filter((c) => c.status === 'registered');
      setContracts(registered);
      setContractId(registered[0]?.id ?? '');
      const corridors = [...new Set(registered.map((c) => c.corridor))];
      const offered = await Promise.all(corridors.map((corridor) => call(api.GET('/api/v1/loans/products', { params: { query: { corridor } } }))));
      setProducts(offered.flatMap((o) => (o.data?.products ?? []).filter((p) => p.status === 'active')));
      setProblem(list.problem ?? offered.find((o) => o.problem)?.problem);
    })();
  }, []);

  const contract = contracts?.find((c) => c.id === contractId);
  const choices = products?.filter((p) => p.corridor_code === contract?.corridor) ?? [];
  const product = choices.find((p) => p.id === productId) ?? choices[0];
  const money = (minor: number) => (product ? f.money(minor, product.currency) : '');

  // Anything changed after the quote: the quote no longer stands, and neither does the consent given for it.
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setQuote(undefined);
    setConsent(false);
    setProblem(undefined);
    setLocal({});
  };

  /** The request body, or field errors found before asking (an amount that is not a number). */
  const request = () => {
    if (!product || !contract) return undefined;
    const minor = toMinor(amount, product.currency);
    const months = /^\d{1,3}$/.test(term.trim()) ? Number(term.trim()) : undefined;
    const errors: Record<string, string> = {};
    if (minor === undefined) errors.amount_minor = t('loans.apply.errorAmountFormat');
    if (months === undefined) errors.term_months = t('loans.apply.errorTerm', { min: product.min_term_months, max: product.max_term_months });
    setLocal(errors);
    if (minor === undefined || months === undefined) return undefined;
    return { product_id: product.id, contract_id: contract.id, amount_minor: minor, term_months: months };
  };

  const askQuote = async (e: FormEvent) => {
    e.preventDefault();
    const body = request();
    if (!body) return;
    const { data, problem } = await call(api.POST('/api/v1/loans/quote', { body }));
    setProblem(problem);
    setQuote(data);
  };

  const apply = async (e: FormEvent) => {
    e.preventDefault();
    const body = request();
    if (!body) return;
    const { problem } = await call(api.POST('/api/v1/loans', { body: { ...body, consent_to_share_key_terms: consent as true } }));
    setProblem(problem);
    if (!problem) void navigate('/worker/loans', { state: { applied: true } });
  };

  // The API's problems, by pointer, in the worker's language: each rule it breaks comes with a code and its
  // amounts (the product's limits, the instalment and the wage's cap), worded by the catalogs (api/problem-messages.ts).
  const api422 = fieldProblems(problem);
  const errors: Record<string, string | undefined> = {
    amount_minor: local.amount_minor ?? api422.amount_minor,
    term_months: local.term_months ?? api422.term_months,
    consent: api422.consent_to_share_key_terms ? t('loans.apply.errorConsent') : undefined,
    product_id: api422.product_id,
    contract_id: api422.contract_id,
  };
  const shownProblem = problem && problem.status !== 422 ? problem : undefined;

  return (
    <section>
      <p>
        <Link to="/worker/loans">{t('common.back')}</Link>
      </p>
      <h1>{t('loans.apply.title')}</h1>
      <p>{t('loans.apply.intro')}</p>
      {shownProblem && <ProblemMessage problem={shownProblem} />}
      {(!contracts || !products) && !problem && <Loading />}
      {contracts && contracts.length === 0 && <p className="notice">{t('loans.apply.noContract')}</p>}
      {contracts && contracts.length > 0 && products && choices.length === 0 && <p className="notice">{t('loans.apply.noProducts')}</p>}
      {contract && product && (
        <>
          <form onSubmit={(e) => void askQuote(e)} noValidate>
            {contracts!.length > 1 ? (
              <Field label={t('loans.apply.contract')} error={errors.contract_id}>
                <select value={contractId} onChange={(e) => changed(setContractId)(e.target.value)}>
                  {contracts!.map((c) => (
                    <option key={c.id} value={c.id}>{t('loans.apply.contractOption', { no: c.contract_no, employer: c.employer.name, start: f.day(c.start_date) })}</option>
                  ))}
                </select>
              </Field>
            ) : (
              <p>{t('loans.apply.contractOption', { no: contract.contract_no, employer: contract.employer.name, start: f.day(contract.start_date) })}</p>
            )}
            <fieldset className="choices">
              <legend>{t('loans.apply.product')}</legend>
              {choices.map((p) => (
                <label key={p.id}>
                  <input type="radio" name="product" value={p.id} checked={p.id === product.id} onChange={() => changed(setProductId)(p.id)} />{' '}
                  <span>
                    <strong>{t('loans.fromLender', { product: p.name, lender: p.lender_name })}</strong>
                    <br />
                    <span className="muted">
                      {t('loans.productLine', {
                        min: f.money(p.min_amount_minor, p.currency), max: f.money(p.max_amount_minor, p.currency), minTerm: p.min_term_months,
                        maxTerm: p.max_term_months, rate: f.number(p.annual_rate_bp / 100), fee: f.money(p.fee_minor, p.currency),
                      })}
                    </span>
                  </span>
                </label>
              ))}
              {errors.product_id && <p className="field-error">{errors.product_id}</p>}
            </fieldset>
            <Field label={t('loans.apply.amount', { currency: product.currency, min: money(product.min_amount_minor), max: money(product.max_amount_minor) })} error={errors.amount_minor}>
              <input name="amount" inputMode="decimal" autoComplete="off" value={amount} onChange={(e) => changed(setAmount)(e.target.value)} />
            </Field>
            <Field label={t('loans.apply.term', { min: product.min_term_months, max: product.max_term_months })} error={errors.term_months}>
              <input name="term" inputMode="numeric" autoComplete="off" value={term} onChange={(e) => changed(setTerm)(e.target.value)} />
            </Field>
            <button type="submit">{t('loans.apply.seeCost')}</button>
          </form>

          {quote && (
            <form onSubmit={(e) => void apply(e)} noValidate aria-labelledby="loan-quote-title">
              <h2 id="loan-quote-title">{t('loans.apply.quoteTitle')}</h2>
              <dl className="terms quote">
                <dt>{t('loans.apply.youReceive')}</dt>
                <dd>{money(quote.amount_minor)}</dd>
                <dt>{t('loans.instalment')}</dt>
                <dd>
                  <strong>{money(quote.instalment_minor)}</strong>
                </dd>
                <dt>{t('loans.apply.months')}</dt>
                <dd>{t('loans.apply.monthsValue', { months: quote.term_months, first: f.month(quote.first_month) })}</dd>
                <dt>{t('loans.apply.total')}</dt>
                <dd>
                  <strong>{money(quote.total_minor)}</strong>
                </dd>
                <dt>{t('loans.apply.cost')}</dt>
                <dd>{money(quote.cost_minor)}</dd>
              </dl>
              <p className="muted">{t('loans.apply.cap', { amount: money(quote.max_instalment_minor) })}</p>
              <details>
                <summary>{t('loans.schedule')}</summary>
                <ScheduleTable schedule={quote.schedule} currency={product!.currency} />
              </details>
              <p className="muted">{t('loans.howRepaid')}</p>
              <div className="field choices">
                <label>
                  <input
                    type="checkbox"
                    name="consent"
                    checked={consent}
                    onChange={(e) => setConsent(e.target.checked)}
                    aria-invalid={errors.consent ? true : undefined}
                    aria-describedby={errors.consent ? 'loan-consent-error' : undefined}
                  />{' '}
                  {t('loans.apply.consent', { lender: product.lender_name })}
                </label>
                {errors.consent && <p className="field-error" id="loan-consent-error">{errors.consent}</p>}
              </div>
              <button type="submit" className="primary">{t('loans.apply.submit')}</button>
            </form>
          )}
        </>
      )}
    </section>
  );
}
