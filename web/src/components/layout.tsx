import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { homeOf, isAdmin, useSession } from '../auth/session.js';
import { useT } from '../i18n/t.js';
import { LanguagePicker } from './language-picker.js';

export function Layout({ children }: { children: ReactNode }) {
  const { me, signOut } = useSession();
  const t = useT();
  const navigate = useNavigate();
  return (
    <>
      <a className="skip" href="#main">
        {t('layout.skip')}
      </a>
      <header className="top">
        <Link to={me ? homeOf(me) : '/'} className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('layout.nav')}>
          {me && isAdmin(me) && <><Link to="/admin">{t('admin.navLink')}</Link> </>}
          {me && ['origin_authority', 'destination_authority'].includes(me.organisation?.kind ?? '') && <><Link to="/authority/compliance">{t('charts.navLink')}</Link> </>}
          {me?.organisation?.kind === 'employer' && <Link to="/employer">{t('employer.nav.contracts')}</Link>}
          {me?.organisation?.kind === 'employer' && <Link to="/employer/contracts/new">{t('employer.nav.draft')}</Link>}
          {me?.organisation?.kind === 'wage_agent' && <Link to="/agent">{t('agent.nav')}</Link>}
          {me ? (
            <button
              type="button"
              className="link"
              onClick={() => void signOut().then(() => navigate('/sign-in'))}
            >
              {t('layout.signOut')}
            </button>
          ) : (
            <Link to="/sign-in">{t('layout.signIn')}</Link>
          )}
        </nav>
        <LanguagePicker />
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer>
        <Link to="/verify">{t('layout.verify')}</Link> · <Link to="/send-money">{t('remit.nav')}</Link>
      </footer>
    </>
  );
}
