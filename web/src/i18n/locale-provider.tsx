import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { setProblemLanguage } from '../api/problem.js';
import { dirOf, initialLang, type Lang, rememberLang } from './languages.js';

// One chunk per catalog: a phone downloads only the language it shows.
const catalogs = import.meta.glob<Record<string, string>>('./catalogs/*.json', { import: 'default' });

interface LangState {
  lang: Lang;
  /** Switch language; `remember` keeps the choice on this device (a person's explicit choice). */
  setLang(lang: Lang, remember?: boolean): void;
}

const LangContext = createContext<LangState | undefined>(undefined);

export function useLang(): LangState {
  const state = useContext(LangContext);
  if (!state) throw new Error('useLang outside LocaleProvider');
  return state;
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [wanted, setWanted] = useState<Lang>(initialLang);
  const [loaded, setLoaded] = useState<{ lang: Lang; messages: Record<string, string> }>();

  useEffect(() => {
    let live = true;
    void catalogs[`./catalogs/${wanted}.json`]!().then((messages) => {
      if (live) setLoaded({ lang: wanted, messages });
    });
    return () => {
      live = false;
    };
  }, [wanted]);

  // The page switches language and direction only once the catalog is there, all at once.
  useEffect(() => {
    if (!loaded) return;
    document.documentElement.lang = loaded.lang;
    document.documentElement.dir = dirOf(loaded.lang);
  }, [loaded]);

  const setLang = useCallback((lang: Lang, remember = true) => {
    if (remember) rememberLang(lang);
    setWanted(lang);
  }, []);
  const state = useMemo(() => ({ lang: loaded?.lang ?? wanted, setLang }), [loaded, wanted, setLang]);

  if (!loaded) return null;
  return (
    <LangContext.Provider value={state}>
      <IntlProvider locale={loaded.lang} messages={loaded.messages} defaultLocale="en">
        <ProblemLanguage />
        {children}
      </IntlProvider>
    </LangContext.Provider>
  );
}

/** Renders before the pages, so that field problems they show are in the language just loaded. */
function ProblemLanguage() {
  const intl = useIntl();
  setProblemLanguage((id, values) => intl.formatMessage({ id }, values), intl.locale);
  return null;
}
