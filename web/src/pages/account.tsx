import { useSession } from '../auth/session.js';
import { useT } from '../i18n/t.js';

/** Roles whose pages are not built yet see who they are signed in as. */
export default function Account() {
  const { me } = useSession();
  const t = useT();
  return (
    <section>
      <h1>{t('account.title')}</h1>
      <p>{t('account.signedInAs', { name: me?.user?.display_name ?? '', organisation: me?.organisation?.name ?? '' })}</p>
      <p className="muted">{t('account.comingSoon')}</p>
    </section>
  );
}
