import { useT } from '../../i18n/t.js';
import { LookupForm } from './lookup-form.js';
import { QrScanner } from './qr-scanner.js';

export default function VerifyStart() {
  const t = useT();
  return (
    <section>
      <h1>{t('verify.title')}</h1>
      <p>{t('verify.intro')}</p>
      <LookupForm />
      <QrScanner />
    </section>
  );
}
