import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, type Json } from '../../api/client.js';
import { call, type Problem, problemText } from '../../api/problem.js';
import { problemMessageId } from '../../api/problem-messages.js';
import { useSession } from '../../auth/session.js';
import { Field } from '../../components/field.js';
import { Loading, ProblemMessage, useDeskStatusLabel } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { type MessageId, useT } from '../../i18n/t.js';
import { COST_ITEMS, type Contract, type Terms } from '../worker/terms.js';
import { type Breach, languageName, useBreachText } from './breach-text.js';
import { type DraftForm, fieldKey, formFromRules, formFromTerms, type Provision, type Rules, toTerms } from './draft-terms.js';
import { WorkerPicker } from './worker-picker.js';


type Corridor = Json<'/api/v1/corridors', 'get'>['corridors'][number];
type RulesInForce = Json<'/api/v1/corridors/{code}/rules', 'get'>;

/** The languages a worker's copy is usually asked in: the app's own, plus any the corridor requires. */
const COPY_LANGUAGES = ['en', 'ar', 'hi', 'ne', 'bn', 'tl', 'ur', 'id'];
const PROVISIONS: Provision[] = ['provided', 'allowance', 'none'];

/**
 * The employer drafts a contract from the corridor's template (its rules in force fill in the
 * minimums), sees every breach next to the term concerned before offering, saves the draft and
 * offers it to the worker. /employer/contracts/new, or /employer/contracts/:id for a saved one.
 */
export default function DraftContract() {
  const { id } = useParams();
  const { me } = useSession();
  const t = useT();
  const f = useFormat();
  const navigate = useNavigate();
  const location = useLocation();
  const breachText = useBreachText();
  const statusLabel = useDeskStatusLabel();

  const [corridors, setCorridors] = useState<Corridor[]>();
  const [rules, setRules] = useState<RulesInForce | null>();
  const [form, setForm] = useState<DraftForm>();
  const [contract, setContract] = useState<Contract>();
  const [breaches, setBreaches] = useState<Breach[]>();
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);

  const loadRules = async (code: string) => {
    const { data } = await call(api.GET('/api/v1/corridors/{code}/rules', { params: { path: { code } } }));
    setRules(data ?? null);
    return data;
  };

  useEffect(() => {
    let live = true;
    void (async () => {
      setProblem(undefined);
      if (id) {
        const { data, problem } = await call(api.GET('/api/v1/contracts/{id}', { params: { path: { id } } }));
        if (!live) return;
        if (problem || !data) return setProblem(problem);
        const current = data.versions.find((v) => v.version === data.current_version) ?? data.versions[data.versions.length - 1]!;
        setContract(data);
        setForm(formFromTerms(current.terms as unknown as Terms));
        setBreaches(current.breaches);
        void loadRules(data.corridor);
        const after = (location.state as { after?: string } | null)?.after;
        if (after === 'saved') setNotice(t('employer.draft.saved', { number: data.contract_no }));
        if (after === 'offered') setNotice(t('employer.draft.offered', { number: data.contract_no, status: statusLabel(data.stage) }));
        if (after === 'refused') setNotice(t('employer.draft.fixFirst'));
        return;
      }
      const { data, problem } = await call(api.GET('/api/v1/corridors'));
      if (!live) return;
      if (problem || !data) return setProblem(problem);
      setCorridors(data.corridors);
      const first = data.corridors.find((c) => c.in_force) ?? data.corridors[0];
      if (!first) return setRules(null);
      const inForce = await loadRules(first.code);
      if (live) setForm(formFromRules(first.code, inForce?.rules ?? {}));
    })();
    return () => {
      live = false;
    };
    // location.state is read once per contract: what was just done to it.
  }, [id]);

  if (problem && !form) return <ProblemMessage problem={problem} />;
  if (!form || rules === undefined) return <Loading />;

  const editable = !contract || contract.status === 'draft';
  const currency = form.currency || (typeof rules?.rules.currency === 'string' ? rules.rules.currency : 'AED');
  const set = <K extends keyof DraftForm>(key: K, value: DraftForm[K]) => {
    setForm((old) => (old ? { ...old, [key]: value } : old));
  };
  const changeCorridor = async (code: string) => {
    const inForce = await loadRules(code);
    // The template of the other corridor, keeping the worker and the job the person typed.
    setForm((old) => old && { ...formFromRules(code, inForce?.rules ?? {}), worker_id: old.worker_id, occupation_isco: old.occupation_isco, job_title: old.job_title, city: old.city, address: old.address });
    setBreaches(undefined);
  };

  // What the API said, by field: its 422 field problems, and every breach of the rules at its term.
  const apiErrors = new Map<string, string[]>();
  const add = (key: string, text: string) => apiErrors.set(key, [...(apiErrors.get(key) ?? []), text]);
  // An empty field gets the catalog's words; a problem with a code is worded from the catalogs (problem-messages.ts);
  // any other keeps the API's English detail inside a translated sentence.
  const typed = (key: string) => {
    const value = FORM_KEY_OF[key] ? form[FORM_KEY_OF[key]] : undefined;
    return typeof value === 'string' ? value.trim() : value;
  };
  for (const e of problem?.errors ?? []) {
    if (!e.pointer) continue;
    const key = fieldKey(e.pointer).replace(/^languages\/\d+$/, 'languages');
    add(key, typed(key) === '' ? t('form.required') : problemMessageId(e) ? problemText(e) : t('employer.draft.apiSays', { message: e.message }));
  }
  for (const b of breaches ?? []) add(fieldKey(b.term), breachText(b, currency));
  const errorOf = (key: string) => apiErrors.get(key)?.join(' ');
  const at = errorOf;

  const terms = () => {
    const allowances = contract ? ((contract.versions.find((v) => v.version === contract.current_version)?.terms as unknown as Terms | undefined)?.wage.allowances ?? []) : [];
    return toTerms(form, me?.organisation?.id ?? '', allowances);
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setNotice(undefined);
    await work();
    setBusy(false);
  };

  const check = () =>
    run(async () => {
      const { data, problem } = await call(api.POST('/api/v1/contracts/check', { body: { terms: terms() } }));
      setProblem(problem);
      // A refused check (a field the API could not read) checked no rule: no breach list is better than a stale one.
      setBreaches(data?.breaches);
      if (data) setNotice(data.breaches.length ? t('employer.draft.breachesTitle', { count: data.breaches.length }) : t('employer.draft.clean', { version: data.rules_version }));
    });

  /** Saves the draft (a new contract, or a new version of this one); the answer lists the breaches so far. */
  const save = async (): Promise<Contract | undefined> => {
    const body = { terms: terms() };
    const { data, problem } = contract
      ? await call(api.PUT('/api/v1/contracts/{id}/terms', { params: { path: { id: contract.id } }, body }))
      : await call(api.POST('/api/v1/contracts', { body }));
    setProblem(problem);
    if (!data) return undefined;
    setContract(data);
    setBreaches(data.versions.find((v) => v.version === data.current_version)?.breaches ?? []);
    return data;
  };

  /** A new draft gets its own address (a reload keeps it); the page then reads it back from the API. */
  const settle = (saved: Contract, after: 'saved' | 'offered' | 'refused', notice: string) => {
    if (!contract) navigate(`/employer/contracts/${saved.id}`, { replace: true, state: { after } });
    else setNotice(notice);
  };

  const saveOnly = () =>
    run(async () => {
      const saved = await save();
      if (saved) settle(saved, 'saved', t('employer.draft.saved', { number: saved.contract_no }));
    });

  const offer = () =>
    run(async () => {
      const saved = await save();
      if (!saved) return;
      const { data, problem } = await call(api.POST('/api/v1/contracts/{id}/offer', { params: { path: { id: saved.id } } }));
      if (data) {
        setContract(data);
        setBreaches([]);
        return settle(data, 'offered', t('employer.draft.offered', { number: data.contract_no, status: statusLabel(data.stage) }));
      }
      // Refused: the breaches of the rules in force today are those of the saved version, already shown in words.
      setProblem(problem?.code === 'validation_failed' ? undefined : problem);
      settle(saved, 'refused', t('employer.draft.fixFirst'));
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void check();
  };

  const rulesLine = rules
    ? t('employer.draft.rulesInForce', { corridor: rules.corridor, version: rules.version, date: f.day(rules.valid_from) })
    : t('employer.draft.noRules');

  const textField = (key: keyof DraftForm, label: MessageId, props: Record<string, unknown> = {}, values?: Record<string, string>) => (
    <Field label={t(label, values)} error={at(fieldKeyOf(key))}>
      <input value={form[key] as string} onChange={(e) => set(key, e.target.value as never)} disabled={!editable} {...props} />
    </Field>
  );
  const provision = (key: 'accommodation' | 'food' | 'transport', label: MessageId) => (
    <Field label={t(label)} error={at(key)}>
      <select value={form[key]} onChange={(e) => set(key, e.target.value as Provision)} disabled={!editable}>
        {PROVISIONS.map((p) => (
          <option key={p} value={p}>
            {t(`employer.draft.provision.${p}` as MessageId)}
          </option>
        ))}
      </select>
    </Field>
  );
  const languageChoices = [...new Set([...COPY_LANGUAGES, ...form.languages, ...(Array.isArray(rules?.rules.languages) ? (rules.rules.languages as string[]) : [])])];
  // Problems at no field of the form (the terms as a whole, an allowance kept from the saved draft) are listed below it.
  const leftOver = [...apiErrors.keys()].filter((k) => !FIELD_KEYS.has(k) && !k.startsWith('costs/'));

  return (
    <section>
      <p>
        <Link to="/employer">{t('employer.backToContracts')}</Link>
      </p>
      <h1>{contract ? t('employer.draft.titleSaved', { number: contract.contract_no }) : t('employer.draft.title')}</h1>
      <p className="muted">{t('employer.draft.intro')}</p>
      <p className="notice">{rulesLine}</p>
      {contract && (
        <p>
          {t('employer.draft.status', { status: statusLabel(contract.stage) })}
        </p>
      )}
      {!editable && <p className="notice">{t('employer.draft.notEditable')}</p>}

      <form onSubmit={submit} noValidate>
        <fieldset disabled={!editable || busy} className="card">
          <legend>{t('employer.draft.section.job')}</legend>
          {!contract && corridors && corridors.length > 1 ? (
            <Field label={t('employer.draft.corridor')} error={at('corridor')}>
              <select value={form.corridor} onChange={(e) => void changeCorridor(e.target.value)}>
                {corridors.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.code}
                  </option>
                ))}
              </select>
            </Field>
          ) : (
            <Field label={t('employer.draft.corridor')} error={at('corridor')}>
              <input value={form.corridor} readOnly />
            </Field>
          )}
          <WorkerPicker value={form.worker_id} onChange={(id) => set('worker_id', id)} error={at('worker_id')} locked={Boolean(contract)} />
          {textField('occupation_isco', 'employer.draft.occupation', { inputMode: 'numeric', maxLength: 4 })}
          {textField('job_title', 'employer.draft.jobTitle')}
          {textField('city', 'employer.draft.city')}
          {textField('address', 'employer.draft.address')}
          {textField('start_date', 'employer.draft.startDate', { type: 'date' })}
          {textField('end_date', 'employer.draft.endDate', { type: 'date' })}
          {textField('probation_months', 'employer.draft.probation', { inputMode: 'numeric' })}
        </fieldset>

        <fieldset disabled={!editable || busy} className="card">
          <legend>{t('employer.draft.section.pay')}</legend>
          {textField('currency', 'employer.draft.currency', { maxLength: 3 })}
          {textField('basic', 'employer.draft.basic', { inputMode: 'decimal' }, { currency })}
          {textField('overtime_rate_pct', 'employer.draft.overtime', { inputMode: 'numeric' })}
          {textField('fee', 'employer.draft.fee', { inputMode: 'decimal' }, { currency })}
        </fieldset>

        <fieldset disabled={!editable || busy} className="card">
          <legend>{t('employer.draft.section.time')}</legend>
          {textField('hours_per_week', 'employer.draft.hours', { inputMode: 'numeric' })}
          {textField('rest_days_per_week', 'employer.draft.restDays', { inputMode: 'numeric' })}
          {textField('annual_leave_days', 'employer.draft.leave', { inputMode: 'numeric' })}
          {textField('notice_days', 'employer.draft.notice', { inputMode: 'numeric' })}
          {textField('end_of_service_days_per_year', 'employer.draft.endOfService', { inputMode: 'numeric' })}
        </fieldset>

        <fieldset disabled={!editable || busy} className="card">
          <legend>{t('employer.draft.section.living')}</legend>
          {provision('accommodation', 'employer.draft.accommodation')}
          {provision('food', 'employer.draft.food')}
          {provision('transport', 'employer.draft.transport')}
        </fieldset>

        <fieldset disabled={!editable || busy} className="card">
          <legend>{t('employer.draft.section.costs')}</legend>
          {COST_ITEMS.map((item) => (
            <Field key={item} label={t(`employer.draft.cost.${item}` as MessageId)} error={at(`costs/${item}`)}>
              <select value={form.costs[item]} onChange={(e) => set('costs', { ...form.costs, [item]: e.target.value as 'employer' | 'worker' })}>
                <option value="employer">{t('employer.draft.payer.employer')}</option>
                <option value="worker">{t('employer.draft.payer.worker')}</option>
              </select>
            </Field>
          ))}
        </fieldset>

        <fieldset disabled={!editable || busy} className="card">
          <legend>{t('employer.draft.section.protection')}</legend>
          <Check label={t('employer.draft.health')} checked={form.health} onChange={(v) => set('health', v)} error={errorOf('insurance/health')} />
          <Check label={t('employer.draft.injury')} checked={form.work_injury} onChange={(v) => set('work_injury', v)} error={errorOf('insurance/work_injury')} />
          <Check
            label={t('employer.draft.passport')}
            checked={form.passport_retained_by_worker}
            onChange={(v) => set('passport_retained_by_worker', v)}
            error={errorOf('passport_retained_by_worker')}
          />
          <Choices legend={t('employer.draft.languages')} error={errorOf('languages')}>
            {languageChoices.map((code) => (
              <label key={code}>
                <input
                  type="checkbox"
                  checked={form.languages.includes(code)}
                  onChange={(e) => set('languages', e.target.checked ? [...form.languages, code] : form.languages.filter((l) => l !== code))}
                />
                {languageName(f.locale, code)}
              </label>
            ))}
          </Choices>
        </fieldset>

        <div aria-live="polite">
          {notice && <p className="notice">{notice}</p>}
          {breaches && breaches.length > 0 && (
            <div className="card warn">
              <h2>{t('employer.draft.breachesTitle', { count: breaches.length })}</h2>
              <ul className="breaches">
                {breaches.map((b, i) => (
                  <li key={`${b.code}-${b.term}-${i}`}>
                    {breachText(b, currency)} <span className="muted">{t('employer.draft.rule', { rule: b.rule })}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {leftOver.length > 0 && (
            <ul className="problem">
              {leftOver.map((k) => (
                <li key={k}>
                  <code>{k || '/'}</code> {errorOf(k)}
                </li>
              ))}
            </ul>
          )}
          {problem && !problem.errors && <ProblemMessage problem={problem} />}
        </div>

        {editable && (
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t('employer.draft.check')}
            </button>
            <button type="button" disabled={busy} onClick={() => void saveOnly()}>
              {t('employer.draft.save')}
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void offer()}>
              {t('employer.draft.offer')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}

/** Pointers (without /terms) of the terms the form has a field for; errors elsewhere are listed under the form. */
const FIELD_KEYS = new Set([
  'corridor', 'worker_id', 'occupation_isco', 'job_title', 'workplace/city', 'workplace/address', 'start_date', 'end_date', 'probation_months',
  'wage/currency', 'wage/basic_monthly_minor', 'wage/overtime_rate_pct', 'worker_recruitment_fee_minor', 'hours_per_week', 'rest_days_per_week',
  'annual_leave_days', 'notice_days', 'end_of_service_days_per_year', 'accommodation', 'food', 'transport', 'insurance/health',
  'insurance/work_injury', 'passport_retained_by_worker', 'languages',
]);

/** The form field behind a terms pointer, where they differ in name. */
const FORM_KEY_OF: Record<string, keyof DraftForm> = {
  corridor: 'corridor', worker_id: 'worker_id', occupation_isco: 'occupation_isco', job_title: 'job_title', 'workplace/city': 'city',
  'workplace/address': 'address', start_date: 'start_date', end_date: 'end_date', probation_months: 'probation_months', 'wage/currency': 'currency',
  'wage/basic_monthly_minor': 'basic', 'wage/overtime_rate_pct': 'overtime_rate_pct', worker_recruitment_fee_minor: 'fee',
  hours_per_week: 'hours_per_week', rest_days_per_week: 'rest_days_per_week', annual_leave_days: 'annual_leave_days', notice_days: 'notice_days',
  end_of_service_days_per_year: 'end_of_service_days_per_year',
};

/** The terms' pointer of a form field ("basic" is /wage/basic_monthly_minor). */
function fieldKeyOf(key: keyof DraftForm): string {
  switch (key) {
    case 'basic':
      return 'wage/basic_monthly_minor';
    case 'currency':
      return 'wage/currency';
    case 'overtime_rate_pct':
      return 'wage/overtime_rate_pct';
    case 'fee':
      return 'worker_recruitment_fee_minor';
    case 'city':
      return 'workplace/city';
    case 'address':
      return 'workplace/address';
    default:
      return key;
  }
}

/** A checkbox with its label, and the API's words about it tied by aria-describedby. */
function Check({ label, checked, onChange, error }: { label: string; checked: boolean; onChange: (value: boolean) => void; error?: string | undefined }) {
  const id = useId();
  return (
    <div className="field">
      <label>
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />{' '}
        {label}
      </label>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A group of checkboxes under one legend, with the API's words about the group. */
function Choices({ legend, error, children }: { legend: string; error?: string | undefined; children: ReactNode }) {
  const id = useId();
  return (
    <fieldset className="choices" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {children}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
