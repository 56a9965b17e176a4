import { type MessageId, useT } from '../../i18n/t.js';
import type { VerificationResult } from './offline-verify.js';

const CHECKS = new Set(['format', 'log_key', 'signers', 'signatures', 'proof', 'log_signature']);

/** The verifier's checks by stable name, in words from the catalog (its English messages stay in the code). */
export function ResultCard({ result, offline }: { result: VerificationResult; offline: boolean }) {
  const t = useT();
  const label = (name: string, ok: boolean) => {
    const [kind, role] = name.split(':');
    if (kind === 'signature' && role) return t(ok ? 'check.signature.ok' : 'check.signature.fail', { role: t(`role.${role}` as MessageId) });
    return CHECKS.has(name) ? t(`check.${name}.${ok ? 'ok' : 'fail'}` as MessageId) : name;
  };
  return (
    <section aria-labelledby="result-title" className={`card result ${result.ok ? 'ok' : 'bad'}`}>
      <div role="status">
        <h2 id="result-title">{t(result.ok ? 'verify.genuine' : 'verify.notGenuine')}</h2>
      </div>
      {offline && <p className="muted">{t('verify.checkedOffline')}</p>}
      <ul className="checks">
        {result.checks.map((c) => (
          <li key={c.name} className={c.ok ? 'ok' : 'bad'}>
            <span aria-hidden="true">{c.ok ? '✓' : '✗'}</span> {label(c.name, c.ok)}
          </li>
        ))}
      </ul>
    </section>
  );
}
