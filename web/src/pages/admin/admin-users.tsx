import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { api, type Json } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { useSession } from '../../auth/session.js';
import { Field } from '../../components/field.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { LANGUAGES, nameOf } from '../../i18n/languages.js';
import { type MessageId, useT } from '../../i18n/t.js';
import { AdminTabs, type Organisation, useFieldErrors, useOrganisations } from './admin-parts.js';
import { CopyOnce } from './copy-once.js';

type User = Json<'/api/v1/users', 'get'>['users'][number];
type Role = User['role'];
/** Accounts the desk creates; a worker's account is made with their worker record (by their authority or agency). */
const ROLES = ['org_admin', 'org_staff', 'platform_admin'] as const satisfies readonly Role[];

/** The administrator lists every account, creates one for an organisation with a role, and disables or restores it. */
export default function AdminUsers() {
  const t = useT();
  const { me } = useSession();
  const { organisations, problem: orgProblem } = useOrganisations();
  const [users, setUsers] = useState<User[]>();
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<string>();
  const [created, setCreated] = useState<{ email: string; password?: string }>();

  const load = useCallback(async () => {
    const { data, problem } = await call(api.GET('/api/v1/users', {}));
    setUsers(data?.users);
    setProblem(problem);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const names = useMemo(() => new Map((organisations ?? []).map((o) => [o.id, o.name])), [organisations]);

  const toggle = async (user: User) => {
    const disabled = !user.disabled_at;
    const { data, problem } = await call(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: { disabled } }));
    setProblem(problem);
    if (data) {
      setNotice(t(disabled ? 'admin.users.disabled' : 'admin.users.enabled', { email: data.email }));
      await load();
    }
  };

  return (
    <section>
      <h1>{t('admin.users.title')}</h1>
      <AdminTabs />
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {created && (
        <div className="card" role="status">
          <p>{t('admin.users.created', { email: created.email })}</p>
          {created.password && <CopyOnce label={t('admin.users.oneTimePassword')} secret={created.password} note={t('admin.users.oneTimeNote')} />}
        </div>
      )}
      {orgProblem && <ProblemMessage problem={orgProblem} />}
      {organisations && (
        <CreateUser
          organisations={organisations}
          onCreated={(email, password) => {
            setNotice(undefined);
            setCreated({ email, ...(password ? { password } : {}) });
            void load();
          }}
        />
      )}
      <h2>{t('admin.users.list')}</h2>
      {problem && <ProblemMessage problem={problem} />}
      {!users && !problem && <Loading />}
      {users && (
        <div className="table-scroll">
          <table>
            <caption className="muted">{t('admin.users.count', { count: users.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.users.email')}</th>
                <th scope="col">{t('admin.users.name')}</th>
                <th scope="col">{t('admin.users.role')}</th>
                <th scope="col">{t('admin.users.organisation')}</th>
                <th scope="col">{t('admin.users.language')}</th>
                <th scope="col">{t('admin.users.state')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.email}</th>
                  <td>{u.display_name}</td>
                  <td>{t(`admin.role.${u.role}` as MessageId)}</td>
                  <td>{u.organisation_id ? (names.get(u.organisation_id) ?? '-') : '-'}</td>
                  <td lang={u.language}>{nameOf(u.language)}</td>
                  <td>{t(u.disabled_at ? 'admin.users.stateDisabled' : u.locked_until ? 'admin.users.stateLocked' : 'admin.users.stateActive')}</td>
                  <td>
                    {u.id !== me?.user?.id && (
                      <button type="button" onClick={() => void toggle(u)}>
                        {t(u.disabled_at ? 'admin.users.enable' : 'admin.users.disable', { email: u.email })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CreateUser({ organisations, onCreated }: { organisations: Organisation[]; onCreated(email: string, password?: string): void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('org_admin');
  const [organisationId, setOrganisationId] = useState('');
  const [language, setLanguage] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors(problem);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const body = {
      email: email.trim(),
      display_name: name,
      role,
      ...(organisationId ? { organisation_id: organisationId } : {}),
      ...(language ? { language } : {}),
    };
    const { data, problem } = await call(api.POST('/api/v1/users', { body }));
    setBusy(false);
    setProblem(problem);
    if (data) {
      setEmail('');
      setName('');
      onCreated(data.user.email, data.one_time_password);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="create-user">
      <h2 id="create-user">{t('admin.users.create')}</h2>
      <Field label={t('admin.users.email')} error={errors.email}>
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required autoComplete="off" />
      </Field>
      <Field label={t('admin.users.name')} error={errors.display_name}>
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </Field>
      <Field label={t('admin.users.role')} error={errors.role}>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`admin.role.${r}` as MessageId)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('admin.users.organisation')} error={errors.organisation_id}>
        <select value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
          <option value="">{t('admin.users.chooseOrganisation')}</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.country})
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('admin.users.language')} error={errors.language}>
        <select value={language} onChange={(e) => setLanguage(e.target.value)}>
          <option value="">{t('admin.users.languageDefault')}</option>
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </Field>
      <p className="muted">{t('admin.users.passwordNote')}</p>
      {problem && !problem.errors?.some((e) => e.pointer) && <ProblemMessage problem={problem} />}
      <button type="submit" className="primary" disabled={busy}>
        {t('admin.users.submit')}
      </button>
    </form>
  );
}
