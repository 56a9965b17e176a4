import { useId, useState } from 'react';
import { useT } from '../../i18n/t.js';

/** A secret the server shows this once (a token, a one-time password): readable, selectable, and copied with one button. */
export function CopyOnce({ label, secret, note }: { label: string; secret: string; note: string }) {
  const t = useT();
  const id = useId();
  const [copied, setCopied] = useState<boolean>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false); // clipboard refused (insecure origin): the field is selectable
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} readOnly value={secret} dir="ltr" onFocus={(e) => e.target.select()} aria-describedby={`${id}-note`} />
      <p id={`${id}-note`} className="muted">
        {note}
      </p>
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          {t('admin.copy')}
        </button>
        <span aria-live="polite">{copied === true ? t('admin.copied') : copied === false ? t('admin.copyFailed') : ''}</span>
      </div>
    </div>
  );
}
