import { useId } from 'react';
import { LANGUAGES, isLang } from '../i18n/languages.js';
import { useSession } from '../auth/session.js';
import { useLang } from '../i18n/locale-provider.js';
import { useT } from '../i18n/t.js';

export function LanguagePicker() {
  const { lang, setLang } = useLang();
  const { saveLanguage } = useSession();
  const t = useT();
  const id = useId();
  return (
    <div className="language-picker">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={lang} onChange={(e) => {
          const chosen = e.target.value;
          if (!isLang(chosen)) return;
          setLang(chosen);
          void saveLanguage(chosen);
        }}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}
