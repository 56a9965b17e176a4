import { useLang } from '../i18n/locale-provider.js';
import { useT } from '../i18n/t.js';

/** A tap target of at least 44 px, as the buttons have (styles.css). */
const TARGET = { display: 'inline-flex', alignItems: 'center', minHeight: 44, fontWeight: 600 } as const;

/**
 * A registered contract's PDF (GET /api/v1/contracts/{id}/pdf) in the language the page is
 * shown in: a plain link, so the phone downloads or opens it the way it opens any file; the
 * server names the file after the contract number.
 */
export function PdfLink({ contractId }: { contractId: string }) {
  const { lang } = useLang();
  const t = useT();
  const href = `/api/v1/contracts/${encodeURIComponent(contractId)}/pdf?lang=${encodeURIComponent(lang)}`;
  return (
    <a href={href} download type="application/pdf" style={TARGET}>
      {t('pdf.download')}
    </a>
  );
}
