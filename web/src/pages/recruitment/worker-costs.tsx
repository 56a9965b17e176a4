import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, type Json } from '../../api/client.js';
import { call, fieldProblems, type Problem } from '../../api/problem.js';
import { Field } from '../../components/field.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { type MessageId, useT } from '../../i18n/t.js';
import { minorOrTyped } from '../../i18n/money-input.js';

type Costs = Json<'/api/v1/recruitment/costs', 'get'>['costs'];
type Contracts = Json<'/api/v1/contracts', 'get'>['contracts'];
const CATEGORIES = ['recruitment_fee', 'medical', 'insurance', 'skills_test', 'training_orientation', 'equipment', 'travel_lodging', 'administrative', 'illegitimate', 'other'] as const;
type Category = (typeof CATEGORIES)[number];
interface Item { category: Category; amount: string; currency: string; rate: string }


/**
 * The worker's own account of what they paid to get the job (phone-first): what they and the
 * agency declared, SDG 10.7.1 in plain words (months of pay), a breach notice, the declaration
 * form (every payment, each in its own currency), and the rating of the agency that recruited them.
 */
export default function WorkerCosts() {
  const t = useT();
  const f = useFormat();
  const [costs, setCosts] = useState<Costs>();
  const [contracts, setContracts] = useState<Contracts>();
  const [problem, setProblem] = useState<Problem>();
  const [contractId, setContractId] = useState('');
  const [items, setItems] = useState<Item[]>([{ category: 'recruitment_fee', amount: '', currency: 'NPR', rate: '' }]);
  const [saved, setSaved] = useState(false);
  const [stars, setStars] = useState('5');
  const [rated, setRated] = useState(false);

  const load = useCallback(async () => {
    const [c, k] = await Promise.all([call(api.GET('/api/v1/recruitment/costs')), call(api.GET('/api/v1/contracts', { params: { query: { limit: 50 } } }))]);
    setCosts(c.data?.costs);
    setContracts(k.data?.contracts);
    setProblem(c.problem ?? k.problem);
    setContractId((id) => id || (k.data?.contracts[0]?.id ?? ''));
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const wageCurrency = (id: string) => costs?.find((c) => c.contract_id === id)?.worker?.wage_currency ?? 'AED';
  const update = (i: number, change: Partial<Item>) => setItems((list) => list.map((item, j) => (j === i ? { ...item, ...change } : item)));

  const declare = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const body = {
      contract_id: contractId,
      items: items.map((i) => ({
        category: i.category,
        amount_minor: minorOrTyped(i.amount || '0', i.currency),
        currency: i.currency.trim().toUpperCase(),
        ...(i.rate.trim() ? { rate_to_wage_currency: i.rate.trim().replace(',', '.') } : {}),
      })),
    };
    const { problem } = await call(api.POST('/api/v1/recruitment/costs', { body }));
    setProblem(problem);
    if (!problem) {
      setSaved(true);
      await load();
    }
  };

  const rate = async (agencyId: string) => {
    setRated(false);
    const { problem } = await call(api.POST('/api/v1/recruitment/agencies/{id}/ratings', { params: { path: { id: agencyId } }, body: { stars: Number(stars) } }));
    setProblem(problem);
    if (!problem) setRated(true);
  };

  const errors = fieldProblems(problem);
  const agencyId = costs?.find((c) => c.origin_agency_id)?.origin_agency_id;

  return (
    <section>
      <p>
        <Link to="/worker">{t('common.back')}</Link>
      </p>
      <h1>{t('recruitment.worker.title')}</h1>
      <p>{t('recruitment.worker.intro')}</p>
      {problem && <ProblemMessage problem={problem} />}
      {!costs && !problem && <Loading />}
      {costs?.map((c) => (
        <article key={c.contract_id} className="card">
          <h2>{t('recruitment.worker.contract', { no: contracts?.find((k) => k.id === c.contract_id)?.contract_no ?? '' })}</h2>
          <p>{c.worker ? t('recruitment.worker.youDeclared', { amount: f.money(c.worker.total_wage_minor, c.worker.wage_currency) }) : t('recruitment.worker.notDeclared')}</p>
          {c.agency && <p className="muted">{t('recruitment.worker.agencyDeclared', { amount: f.money(c.agency.total_wage_minor, c.agency.wage_currency) })}</p>}
          {c.sdg_10_7_1 && <p><strong>{t('recruitment.worker.months', { months: c.sdg_10_7_1.ratio })}</strong></p>}
          {c.breaches.length > 0 && <p className="notice">{t('recruitment.worker.breach')}</p>}
        </article>
      ))}
      {contracts && contracts.length > 0 && (
        <form onSubmit={(e) => void declare(e)} noValidate>
          <h2>{t('recruitment.worker.declareTitle')}</h2>
          <Field label={t('recruitment.worker.contractLabel')} error={errors.contract_id}>
            <select value={contractId} onChange={(e) => setContractId(e.target.value)}>
              {contracts.map((k) => (
                <option key={k.id} value={k.id}>{k.contract_no}</option>
              ))}
            </select>
          </Field>
          {items.map((item, i) => (
            <fieldset key={i}>
              <Field label={t('recruitment.item.category')} error={errors[`items/${i}/category`]}>
                <select value={item.category} onChange={(e) => update(i, { category: e.target.value as Category })}>
                  {CATEGORIES.map((c) => (
                    <option key={c} value={c}>{t(`recruitment.category.${c}` as MessageId)}</option>
                  ))}
                </select>
              </Field>
              <Field label={t('recruitment.item.amount')} error={errors[`items/${i}/amount_minor`]}>
                <input inputMode="decimal" value={item.amount} onChange={(e) => update(i, { amount: e.target.value })} />
              </Field>
              <Field label={t('recruitment.item.currency')} error={errors[`items/${i}/currency`]}>
                <input value={item.currency} maxLength={3} autoCapitalize="characters" onChange={(e) => update(i, { currency: e.target.value })} />
              </Field>
              <Field label={t('recruitment.item.rate', { currency: wageCurrency(contractId) })} error={errors[`items/${i}/rate_to_wage_currency`]}>
                <input inputMode="decimal" value={item.rate} onChange={(e) => update(i, { rate: e.target.value })} />
              </Field>
              {items.length > 1 && (
                <button type="button" onClick={() => setItems((list) => list.filter((_, j) => j !== i))}>{t('recruitment.worker.removeItem')}</button>
              )}
            </fieldset>
          ))}
          <p>
            <button type="button" onClick={() => setItems((list) => [...list, { category: 'medical', amount: '', currency: 'NPR', rate: '' }])}>
              {t('recruitment.worker.addItem')}
            </button>
          </p>
          <button type="submit">{t('recruitment.worker.submit')}</button>
          {saved && <p role="status" className="notice">{t('recruitment.worker.saved')}</p>}
        </form>
      )}
      {agencyId && (
        <form onSubmit={(e) => { e.preventDefault(); void rate(agencyId); }}>
          <h2>{t('recruitment.worker.rateTitle')}</h2>
          <Field label={t('recruitment.worker.stars')}>
            <select value={stars} onChange={(e) => setStars(e.target.value)}>
              {['1', '2', '3', '4', '5'].map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </Field>
          <button type="submit">{t('recruitment.worker.rate')}</button>
          {rated && <p role="status" className="notice">{t('recruitment.worker.rated')}</p>}
        </form>
      )}
    </section>
  );
}
