import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, type Json } from '../../api/client.js';
import { call, fieldProblems, type Problem } from '../../api/problem.js';
import { Field } from '../../components/field.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/t.js';
import { minorDigits, toMinor } from '../../i18n/money-input.js';

type Mine = Json<'/api/v1/remittances/my-quotes', 'get'>;
type PricePoints = Json<'/api/v1/remittances/corridors/{from}/{to}/price-points', 'get'>;
const SPEEDS = ['Less than one hour', 'Same day', 'Next day', '2 days', '3-5 days', '6 days or more'] as const;

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '-' : `${v.toFixed(2)}%`);

/** A remittance provider's desk: where each of its services ranks, and a form to publish a new price. */
export default function ProviderPage() {
  const t = useT();
  const f = useFormat();
  const [mine, setMine] = useState<Mine>();
  const [problem, setProblem] = useState<Problem>();
  const load = useCallback(() => {
    void call(api.GET('/api/v1/remittances/my-quotes')).then(({ data, problem }) => {
      setMine(data);
      setProblem(problem);
    });
  }, []);
  useEffect(load, [load]);

  if (!mine) return problem ? <ProblemMessage problem={problem} /> : <Loading />;
  return (
    <section>
      <h1>{t('remit.provider.title')}</h1>
      {mine.corridors.map((c) => (
        <article key={`${c.from}-${c.to}`} className="card">
          <h2>{t('remit.provider.corridor', { from: c.from, to: c.to, count: c.services_compared })}</h2>
          {c.own.length === 0 && <p className="muted">{t('remit.provider.none')}</p>}
          <ul className="plain">
            {c.own.map((s) => (
              <li key={s.quote_id}>
                <strong>{s.product ?? s.payment_instrument}</strong> · {s.pickup_method} ·{' '}
                {s.rank_200 ? t('remit.provider.rank', { rank: s.rank_200, total: c.services_compared, cost: pct(s.total_cost_pct_200) }) : t('remit.provider.unranked')}
              </li>
            ))}
          </ul>
          <PublishForm from={c.from} to={c.to} onPublished={load} />
        </article>
      ))}
      <h2>{t('remit.provider.history')}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('remit.chart.period')}</th>
              <th scope="col">{t('remit.provider.product')}</th>
              <th scope="col">{t('remit.provider.pickupField')}</th>
              <th scope="col">{t('remit.totalCost')} (USD 200)</th>
              <th scope="col">{t('remit.totalCost')} (USD 500)</th>
              <th scope="col">{t('remit.age')}</th>
            </tr>
          </thead>
          <tbody>
            {mine.history.map((q) => (
              <tr key={q.id}>
                <td>{q.period}</td>
                <td>{q.product ?? '-'}</td>
                <td>{q.pickup_method}</td>
                <td>{pct(q.price_points[0]?.total_cost_pct)}</td>
                <td>{pct(q.price_points[1]?.total_cost_pct)}</td>
                <td>{q.observed_at ? f.instant(q.observed_at) : '-'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function PublishForm({ from, to, onPublished }: { from: string; to: string; onPublished: () => void }) {
  const t = useT();
  const f = useFormat();
  const [points, setPoints] = useState<PricePoints>();
  const [form, setForm] = useState({ product: '', instrument: 'Cash', access: 'Branch', pickup: 'Cash pick-up', speed: 'Same day', transparent: true, fee200: '', rate200: '', fee500: '', rate500: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState<string>();
  useEffect(() => {
    void call(api.GET('/api/v1/remittances/corridors/{from}/{to}/price-points', { params: { path: { from, to } } })).then(({ data }) => setPoints(data));
  }, [from, to]);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const digits = points ? minorDigits(points.currency) : 2;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!points?.usd_200_minor || !points.usd_500_minor) return;
    const local: Record<string, string> = {};
    const fee200 = toMinor(form.fee200, digits);
    const fee500 = toMinor(form.fee500, digits);
    if (fee200 === undefined) local['price_points/0/fee/minor'] = t('remit.amountInvalid');
    if (fee500 === undefined) local['price_points/1/fee/minor'] = t('remit.amountInvalid');
    setErrors(local);
    if (Object.keys(local).length) return;
    const money = (minor: number) => ({ minor, currency: points.currency });
    const rate = (v: string) => (form.transparent ? v.trim().replace(',', '.') : null);
    const { data, problem } = await call(
      api.POST('/api/v1/remittances/quotes', {
        body: {
          source_country: from, destination_country: to, ...(form.product.trim() ? { product: form.product.trim() } : {}),
          payment_instrument: form.instrument, access_point: form.access, pickup_method: form.pickup, speed: form.speed as (typeof SPEEDS)[number],
          transparent: form.transparent,
          price_points: [
            { usd: 200, amount: money(points.usd_200_minor), fee: money(fee200!), offered_rate: rate(form.rate200) },
            { usd: 500, amount: money(points.usd_500_minor), fee: money(fee500!), offered_rate: rate(form.rate500) },
          ],
        },
      }),
    );
    setErrors(fieldProblems(problem));
    setProblem(problem && !problem.errors?.length ? problem : undefined);
    if (data) {
      setDone(t('remit.provider.published', { cost: pct(data.price_points[0]?.total_cost_pct) }));
      onPublished();
    }
  };

  if (!points) return <Loading />;
  if (!points.usd_200_minor || !points.usd_500_minor) return <p className="muted">{t('remit.provider.noRate')}</p>;
  return (
    <details>
      <summary>{t('remit.provider.publish')}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('remit.provider.product')} error={errors.product}>
          <input value={form.product} onChange={set('product')} />
        </Field>
        <Field label={t('remit.provider.instrument')} error={errors.payment_instrument}>
          <input value={form.instrument} onChange={set('instrument')} />
        </Field>
        <Field label={t('remit.provider.access')} error={errors.access_point}>
          <input value={form.access} onChange={set('access')} />
        </Field>
        <Field label={t('remit.provider.pickupField')} error={errors.pickup_method}>
          <input value={form.pickup} onChange={set('pickup')} />
        </Field>
        <Field label={t('remit.provider.speed')} error={errors.speed}>
          <select value={form.speed} onChange={set('speed')}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        </Field>
        <label className="check">
          <input type="checkbox" checked={form.transparent} onChange={(e) => setForm({ ...form, transparent: e.target.checked })} /> {t('remit.provider.transparent')}
        </label>
        {([[0, 200, points.usd_200_minor, 'fee200', 'rate200'], [1, 500, points.usd_500_minor, 'fee500', 'rate500']] as const).map(([i, usd, amount, fee, rate]) => (
          <fieldset key={usd}>
            <legend>{t('remit.provider.point', { amount: f.money(amount, points.currency), usd })}</legend>
            <Field label={t('remit.provider.fee')} error={errors[`price_points/${i}/fee/minor`]}>
              <input value={form[fee]} onChange={set(fee)} inputMode="decimal" />
            </Field>
            {form.transparent && (
              <Field label={t('remit.provider.rateField')} error={errors[`price_points/${i}/offered_rate`]}>
                <input value={form[rate]} onChange={set(rate)} inputMode="decimal" />
              </Field>
            )}
          </fieldset>
        ))}
        {errors.observed_at && <p className="field-error">{errors.observed_at}</p>}
        {errors.destination_country && <p className="field-error">{errors.destination_country}</p>}
        {problem && <ProblemMessage problem={problem} />}
        {done && <p role="status">{done}</p>}
        <button type="submit">{t('remit.provider.submit')}</button>
      </form>
    </details>
  );
}
