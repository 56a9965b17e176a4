import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { Field } from '../../components/field.js';
import { useT } from '../../i18n/t.js';

/** Look a contract up by the number printed on it (online). A QR code opens /verify/<no>#<payload> itself. */
export function LookupForm() {
  const t = useT();
  const navigate = useNavigate();
  const [no, setNo] = useState('');
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = no.trim();
    if (!value) return setError(t('form.required'));
    setError(undefined);
    void navigate(`/verify/${encodeURIComponent(value)}`);
  };
  return (
    <form onSubmit={submit} className="card" noValidate>
      <h2>{t('verify.lookupTitle')}</h2>
      <Field label={t('verify.number')} error={error}>
        <input value={no} onChange={(e) => setNo(e.target.value)} autoCapitalize="characters" spellCheck={false} />
      </Field>
      <button type="submit">{t('verify.lookup')}</button>
      <p className="muted">{t('verify.scanHint')}</p>
    </form>
  );
}
