import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { api, type Json, setCsrfToken } from '../api/client.js';
import { call, type Problem } from '../api/problem.js';
import { isLang, type Lang, rememberedLang } from '../i18n/languages.js';
import { useLang } from '../i18n/locale-provider.js';

export type Me = Json<'/api/v1/auth/me', 'get'>;

interface Session {
  /** undefined while asking the server; null when signed out. */
  me: Me | null | undefined;
  signIn(email: string, password: string): Promise<Problem | undefined>;
  signOut(): Promise<void>;
  /** The person picked a language: kept on their account (now if signed in, else at sign-in), so any device shows it. */
  saveLanguage(lang: Lang): Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>();
  const { setLang } = useLang();
  // A language picked before signing in (on the sign-in page) is saved once the person is in.
  const pickedSignedOut = useRef<Lang>(undefined);

  const load = useCallback(async () => {
    const { data } = await call(api.GET('/api/v1/auth/me'));
    setCsrfToken(data?.csrf_token);
    setMe(data ?? null);
    // The account's language applies unless the person chose one on this device.
    const own = data?.user?.language;
    if (isLang(own) && !rememberedLang()) setLang(own, false);
  }, [setLang]);

  useEffect(() => {
    void load();
  }, [load]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const { data, problem } = await call(api.POST('/api/v1/auth/login', { body: { email, password } }));
      if (problem) return problem;
      setCsrfToken(data?.csrf_token);
      const picked = pickedSignedOut.current;
      pickedSignedOut.current = undefined;
      if (picked && picked !== data?.user?.language) await call(api.PATCH('/api/v1/auth/me', { body: { language: picked } }));
      await load();
      return undefined;
    },
    [load],
  );

  const saveLanguage = useCallback(
    async (lang: Lang) => {
      if (!me?.user) {
        pickedSignedOut.current = lang;
        return;
      }
      if (me.user.language === lang) return;
      // Best effort: if it cannot be saved (offline), the choice still holds on this device.
      const { data } = await call(api.PATCH('/api/v1/auth/me', { body: { language: lang } }));
      if (data) setMe((current) => (current?.user ? { ...current, user: data } : current));
    },
    [me],
  );

  const signOut = useCallback(async () => {
    await call(api.POST('/api/v1/auth/logout'));
    setCsrfToken(undefined);
    setMe(null);
  }, []);

  const value = useMemo(() => ({ me, signIn, signOut, saveLanguage }), [me, signIn, signOut, saveLanguage]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** Where each kind of account starts. */
export function homeOf(me: Me): string {
  if (me.user?.role === 'worker') return '/worker';
  if (isAdmin(me)) return '/admin';
  switch (me.organisation?.kind) {
    case 'employer':
      return '/employer';
    case 'origin_authority':
    case 'destination_authority':
      return '/authority';
    case 'remittance_provider':
      return '/provider';
    case 'lender':
      return '/lender';
    case 'recruitment_agency':
      return '/recruitment';
    case 'wage_agent':
      return '/agent';
    default:
      return '/account';
  }
}

/** The platform's operators: they enrol organisations, accounts and API tokens (only the platform has organisations:manage). */
export const isAdmin = (me: Me) => me.scopes.includes('organisations:manage');
