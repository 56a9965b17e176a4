import { useEffect, useId, useState } from 'react';
import { api, type Json } from '../../api/client.js';
import { call } from '../../api/problem.js';
import { Field } from '../../components/field.js';
import { useT } from '../../i18n/t.js';

type EligibleWorker = Json<'/api/v1/recruitment/eligible-workers', 'get'>['workers'][number];

/** How long the search waits after the last key before asking the API. */
const SEARCH_DELAY_MS = 250;

/**
 * The employer picks the worker of a new contract by name: a search box narrows the workers it may
 * contract (selected for its job orders, or who accepted a contract with it: GET
 * /recruitment/eligible-workers), and a native select holds the choice, so the keyboard, a screen
 * reader and a phone all work as they do with any select. A saved draft shows its worker, not editable.
 */
export function WorkerPicker({ value, onChange, error, locked }: { value: string; onChange: (id: string) => void; error?: string | undefined; locked: boolean }) {
  const t = useT();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<EligibleWorker[]>();
  const [chosen, setChosen] = useState<EligibleWorker>();
  const [failed, setFailed] = useState(false);

  // The workers matching what was typed, asked once the typing pauses.
  useEffect(() => {
    if (locked) return;
    let live = true;
    const timer = setTimeout(async () => {
      const q = query.trim();
      const { data } = await call(api.GET('/api/v1/recruitment/eligible-workers', { params: { query: { limit: 50, ...(q ? { q } : {}) } } }));
      if (!live) return;
      setFailed(!data);
      setFound(data?.workers ?? []);
    }, query ? SEARCH_DELAY_MS : 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, locked]);

  // The chosen worker stays shown (and chosen) when a new search no longer lists them.
  useEffect(() => {
    if (!value) return setChosen(undefined);
    if (chosen?.id === value) return;
    const listed = found?.find((w) => w.id === value);
    if (listed) return setChosen(listed);
    let live = true;
    void (async () => {
      const { data } = await call(api.GET('/api/v1/recruitment/eligible-workers', { params: { query: { worker_id: value, limit: 1 } } }));
      if (live) setChosen(data?.workers[0]);
    })();
    return () => {
      live = false;
    };
  }, [value, found]);

  const label = (w: EligibleWorker) =>
    w.passport_last4
      ? t('picker.option', { name: w.full_name, nationality: w.nationality, last4: w.passport_last4 })
      : t('picker.optionNoPassport', { name: w.full_name, nationality: w.nationality });

  if (locked)
    return (
      <Field label={t('picker.worker')} error={error}>
        <input value={chosen ? label(chosen) : value} readOnly />
      </Field>
    );

  const options = [...(chosen && !found?.some((w) => w.id === chosen.id) ? [chosen] : []), ...(found ?? [])];
  const status = failed
    ? undefined
    : found === undefined
      ? undefined
      : found.length === 0 && !query.trim()
        ? t('picker.noneYet')
        : t('picker.found', { count: found.length });
  return (
    <>
      <div className="field">
        <label htmlFor={searchId}>{t('picker.search')}</label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${searchId}-hint ${searchId}-status`}
        />
        <p className="muted" id={`${searchId}-hint`}>
          {t('picker.hint')}
        </p>
        <p className="muted" id={`${searchId}-status`} aria-live="polite">
          {status}
        </p>
      </div>
      <Field label={t('picker.worker')} error={error}>
        <select value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('picker.choose')}</option>
          {options.map((w) => (
            <option key={w.id} value={w.id}>
              {label(w)}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
