import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, type Json, setCsrfToken } from '../api/client.js';
import { call, type Problem } from '../api/problem.js';
import { isLang, rememberedLang } from '../i18n/languages.js';
import { useLang } from '../i18n/locale-provider.js';

export type Me = Json<'/api/v1/auth/me', 'get'>;

interface Session {
  /** undefined while asking the server; null when signed out. */
  me: Me | null | undefined;
  signIn(email: string, password: string): Promise<Problem | undefined>;
  signOut(): Promise<void>;
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
      await load();
      return undefined;
    },
    [load],
  );

  const signOut = useCallback(async () => {
    await call(api.POST('/api/v1/auth/logout'));
    setCsrfToken(undefined);
    setMe(null);
  }, []);

  const value = useMemo(() => ({ me, signIn, signOut }), [me, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** Where each kind of account starts. */
export function homeOf(me: Me): string {
  if (me.user?.role === 'worker') return '/worker';
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
    default:
      return '/account';
  }
}
