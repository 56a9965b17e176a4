import { type FormEvent, lazy, type ReactNode, Suspense, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, type Json } from '../../api/client.js';
import { call, fieldProblems, type Problem } from '../../api/problem.js';
import { Field } from '../../components/field.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/t.js';

// The chart library is loaded only when the chart scrolls into use: the ranking comes first on a slow phone.
const CostHistory = lazy(() => import('./cost-history.js'));

type Comparison = Json<'/api/v1/remittances/compare', 'get'>;
type Corridors = Json<'/api/v1/remittances/corridors', 'get'>['corridors'];
const SPEEDS = ['Less than one hour', 'Same day', 'Next day', '2 days', '3-5 days', '6 days or more'] as const;
type Speed = (typeof SPEEDS)[number];
const SPEED_KEYS: Record<Speed, string> = {
  'Less than one hour': 'hour', 'Same day': 'sameDay', 'Next day': 'nextDay', '2 days': 'twoDays', '3-5 days': 'threeToFive', '6 days or more': 'sixPlus',
};

/**
 * The worker's price comparison (public, phone first): an amount in either currency, the
 * services ranked by what the family receives, with fee, margin, speed, pickup and the
 * price's age. Nobody pays for a place here; there is no advertising.
 */
export default function ComparePage() {
  const t = useT();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const [corridors, setCorridors] = useState<Corridors>();
  const [corridorKey, setCorridorKey] = useState(params.get('corridor') ?? '');
  const [amount, setAmount] = useState(params.get('amount') ?? '');
  const [currency, setCurrency] = useState(params.get('currency') ?? '');
  const [speed, setSpeed] = useState(params.get('speed') ?? '');
  const [pickup, setPickup] = useState(params.get('pickup') ?? '');
  const [result, setResult] = useState<Comparison>();
  const [problem, setProblem] = useState<Problem>();
  const [amountError, setAmountError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call(api.GET('/api/v1/remittances/corridors')).then(({ data, problem }) => {
      setProblem(problem);
      const list = data?.corridors ?? [];
      setCorridors(list);
      const first = list[0];
      if (first && !corridorKey) setCorridorKey(`${first.from}-${first.to}`);
      if (first && !currency) setCurrency(first.send_currency);
    });
    // Only once: the corridor list does not change while the page is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const corridor = corridors?.find((c) => `${c.from}-${c.to}` === corridorKey);

  const compare = async (query: { amount: string; currency: string; speed: string; pickup: string }) => {
    if (!corridor) return;
    setBusy(true);
    const { data, problem } = await call(
      api.GET('/api/v1/remittances/compare', {
        params: { query: { from: corridor.from, to: corridor.to, amount: query.amount, currency: query.currency, ...(query.speed ? { speed: query.speed as Speed } : {}), ...(query.pickup ? { pickup: query.pickup } : {}) } },
      }),
    );
    setBusy(false);
    const fields = fieldProblems(problem);
    setAmountError(fields.amount ? t('remit.amountInvalid') : fields.currency ? t('remit.currencyInvalid') : undefined);
    setProblem(fields.amount || fields.currency ? undefined : problem);
    setResult(data);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = amount.trim().replace(',', '.');
    if (!/^[0-9]+(\.[0-9]+)?$/.test(value) || Number(value) <= 0) return setAmountError(t('remit.amountInvalid'));
    setAmountError(undefined);
    setParams({ corridor: corridorKey, amount: value, currency, ...(speed ? { speed } : {}), ...(pickup ? { pickup } : {}) }, { replace: true });
    void compare({ amount: value, currency, speed, pickup });
  };

  // A shared link (or the back button) shows the same comparison again.
  useEffect(() => {
    if (corridor && params.get('amount') && !result) void compare({ amount: params.get('amount')!, currency: params.get('currency') ?? corridor.send_currency, speed, pickup });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [corridor]);

  if (!corridors) return problem ? <ProblemMessage problem={problem} /> : <Loading />;
  const currencyName = (code: string) => new Intl.DisplayNames([f.locale], { type: 'currency' }).of(code) ?? code;
  const regions = new Intl.DisplayNames([f.locale, 'en'], { type: 'region' });
  const countryName = (alpha2: string) => regions.of(alpha2) ?? alpha2;

  return (
    <section className="remit">
      <h1>{t('remit.title')}</h1>
      <p>{t('remit.intro')}</p>
      <form onSubmit={submit} className="card" noValidate>
        {corridors.length > 1 && (
          <Field label={t('remit.corridor')}>
            <select value={corridorKey} onChange={(e) => setCorridorKey(e.target.value)}>
              {corridors.map((c) => (
                <option key={`${c.from}-${c.to}`} value={`${c.from}-${c.to}`}>
                  {t('remit.corridorName', { from: countryName(c.from_alpha2), to: countryName(c.to_alpha2) })}
                </option>
              ))}
            </select>
          </Field>
        )}
        {corridor && corridors.length === 1 && <p>{t('remit.corridorName', { from: countryName(corridor.from_alpha2), to: countryName(corridor.to_alpha2) })}</p>}
        <Field label={t('remit.amount')} error={amountError}>
          <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" autoComplete="off" />
        </Field>
        {corridor && (
          <fieldset className="choices">
            <legend>{t('remit.amountMeans')}</legend>
            <label>
              <input type="radio" name="currency" value={corridor.send_currency} checked={currency === corridor.send_currency} onChange={() => setCurrency(corridor.send_currency)} />
              {t('remit.iPay', { currency: currencyName(corridor.send_currency) })}
            </label>
            <label>
              <input type="radio" name="currency" value={corridor.receive_currency} checked={currency === corridor.receive_currency} onChange={() => setCurrency(corridor.receive_currency)} />
              {t('remit.theyGet', { currency: currencyName(corridor.receive_currency) })}
            </label>
          </fieldset>
        )}
        <details>
          <summary>{t('remit.filters')}</summary>
          <Field label={t('remit.speedFilter')}>
            <select value={speed} onChange={(e) => setSpeed(e.target.value)}>
              <option value="">{t('remit.anySpeed')}</option>
              {SPEEDS.slice(0, 5).map((s) => (
                <option key={s} value={s}>{t(`remit.speed.${SPEED_KEYS[s]}` as never)}</option>
              ))}
            </select>
          </Field>
          <Field label={t('remit.pickupFilter')}>
            <select value={pickup} onChange={(e) => setPickup(e.target.value)}>
              <option value="">{t('remit.anyPickup')}</option>
              {(result?.pickup_methods ?? []).map((p) => (
                <option key={p} value={p}>{p}</option>
              ))}
            </select>
          </Field>
        </details>
        <button type="submit" disabled={busy}>{t('remit.compare')}</button>
      </form>
      {problem && <ProblemMessage problem={problem} />}
      {busy && <Loading />}
      {result && <Results result={result} />}
      <p className="muted">{t('remit.fairness')}</p>
      {/* Below the ranking, so that its code loads only when the person scrolls to it. */}
      {corridor && result && (
        <section className="card">
          <h2>{t('remit.chart.title')}</h2>
          <p className="muted">{t('remit.chart.targets')}</p>
          <WhenVisible>
            <Suspense fallback={<Loading />}>
              <CostHistory from={corridor.from} to={corridor.to} />
            </Suspense>
          </WhenVisible>
        </section>
      )}
    </section>
  );
}

/** Renders its children once they scroll near the screen: the chart's code is not part of the first load. */
function WhenVisible({ children }: { children: ReactNode }) {
  const [seen, setSeen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node || seen) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setSeen(true), { rootMargin: '100px' });
    observer.observe(node);
    return () => observer.disconnect();
  }, [seen]);
  return <div ref={ref} style={{ minHeight: 1 }}>{seen ? children : null}</div>;
}

function Results({ result }: { result: Comparison }) {
  const t = useT();
  const f = useFormat();
  const pct = (v: number) => new Intl.NumberFormat(f.locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(v) + '%';
  const opaque = result.left_out.filter((l) => l.reason === 'not_comparable');
  const tooSmall = result.left_out.filter((l) => l.reason === 'amount_below_fee');
  return (
    <div aria-live="polite">
      <h2>{t('remit.results', { count: result.services.length })}</h2>
      <p className="muted">{result.mode === 'send' ? t('remit.rankedBySend') : t('remit.rankedByReceive')}</p>
      <ol className="plain">
        {result.services.map((s) => (
          <li key={s.quote_id} className="card remit-service">
            <h3>
              <span className="rank">{f.number(s.rank)}</span> {s.firm}
              {s.product ? <span className="muted"> · {s.product}</span> : null}
            </h3>
            <p className="big">{t('remit.familyGets', { amount: f.money(s.family_receives_minor, result.receive_currency) })}</p>
            <p>{t('remit.youPay', { amount: f.money(s.you_pay_minor, result.send_currency), fee: f.money(s.fee_minor, result.send_currency) })}</p>
            <dl className="facts">
              <dt>{t('remit.rate')}</dt>
              <dd>{t('remit.rateValue', { rate: s.offered_rate, from: result.send_currency, to: result.receive_currency })}</dd>
              <dt>{t('remit.margin')}</dt>
              <dd>{pct(s.fx_margin_pct)}</dd>
              <dt>{t('remit.totalCost')}</dt>
              <dd>{pct(s.total_cost_pct)}</dd>
              <dt>{t('remit.speedLabel')}</dt>
              <dd>{s.speed ? t(`remit.speed.${SPEED_KEYS[s.speed as Speed]}` as never) : '-'}</dd>
              <dt>{t('remit.pickup')}</dt>
              <dd>{s.pickup_method ?? '-'}</dd>
              <dt>{t('remit.age')}</dt>
              <dd>{s.age_days === null ? '-' : t('remit.ageValue', { days: s.age_days })}</dd>
            </dl>
          </li>
        ))}
      </ol>
      {opaque.length > 0 && <p className="muted">{t('remit.opaque', { count: opaque.length, names: f.list([...new Set(opaque.map((o) => o.firm))]) })}</p>}
      {tooSmall.length > 0 && <p className="muted">{t('remit.belowFee', { count: tooSmall.length })}</p>}
      {result.stale_services > 0 && <p className="muted">{t('remit.stale', { count: result.stale_services, days: result.stale_after_days })}</p>}
      <p className="muted">{t('remit.pricePoints')}</p>
    </div>
  );
}
