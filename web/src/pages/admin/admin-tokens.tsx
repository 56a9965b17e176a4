import { type FormEvent, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { api, type Json } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { useSession } from '../../auth/session.js';
import { Field } from '../../components/field.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/t.js';
import { AdminTabs, type Organisation, useFieldErrors, useOrganisations } from './admin-parts.js';
import { CopyOnce } from './copy-once.js';

/** Scopes are many: in columns, so the form stays short. */
const SCOPE_GRID = { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))', gap: '0 1rem' } as const;

type Token = Json<'/api/v1/tokens', 'get'>['tokens'][number];
type Scope = Token['scopes'][number];

/** API tokens of machines (wage agents, remittance providers): created with their secret shown once, listed without it, revoked. */
export default function AdminTokens() {
  const t = useT();
  const f = useFormat();
  const { organisations, problem: orgProblem } = useOrganisations();
  const [tokens, setTokens] = useState<Token[]>();
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<string>();
  const [secret, setSecret] = useState<{ name: string; token: string }>();
  const [revoking, setRevoking] = useState<Token>();

  const load = useCallback(async () => {
    const { data, problem } = await call(api.GET('/api/v1/tokens', {}));
    setTokens(data?.tokens);
    setProblem(problem);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const names = useMemo(() => new Map((organisations ?? []).map((o) => [o.id, o.name])), [organisations]);

  const revoke = async (token: Token) => {
    const { data, problem } = await call(api.POST('/api/v1/tokens/{id}/revoke', { params: { path: { id: token.id } } }));
    setProblem(problem);
    setRevoking(undefined);
    if (data) {
      setSecret(undefined);
      setNotice(t('admin.tokens.revoked', { name: data.name }));
      await load();
    }
  };

  return (
    <section>
      <h1>{t('admin.tokens.title')}</h1>
      <AdminTabs />
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {secret && (
        <div className="card" role="status">
          <p>{t('admin.tokens.created', { name: secret.name })}</p>
          <CopyOnce label={t('admin.tokens.secret')} secret={secret.token} note={t('admin.tokens.secretNote')} />
          <button type="button" onClick={() => setSecret(undefined)}>
            {t('admin.tokens.secretDone')}
          </button>
        </div>
      )}
      {orgProblem && <ProblemMessage problem={orgProblem} />}
      {organisations && (
        <CreateToken
          organisations={organisations}
          onCreated={(name, token) => {
            setNotice(undefined);
            setSecret({ name, token });
            void load();
          }}
        />
      )}
      <h2>{t('admin.tokens.list')}</h2>
      {revoking && (
        <div className="card" role="alertdialog" aria-labelledby="revoke-question">
          <p id="revoke-question">{t('admin.tokens.revokeQuestion', { name: revoking.name })}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void revoke(revoking)}>
              {t('admin.tokens.confirmRevoke')}
            </button>
            <button type="button" onClick={() => setRevoking(undefined)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {problem && <ProblemMessage problem={problem} />}
      {!tokens && !problem && <Loading />}
      {tokens && (
        <div className="table-scroll">
          <table>
            <caption className="muted">{t('admin.tokens.count', { count: tokens.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.tokens.name')}</th>
                <th scope="col">{t('admin.tokens.prefix')}</th>
                <th scope="col">{t('admin.tokens.organisation')}</th>
                <th scope="col">{t('admin.tokens.scopes')}</th>
                <th scope="col">{t('admin.tokens.createdAt')}</th>
                <th scope="col">{t('admin.tokens.state')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((tok) => {
                const expired = tok.expires_at !== null && Date.parse(tok.expires_at) <= Date.now();
                return (
                  <tr key={tok.id}>
                    <th scope="row">{tok.name}</th>
                    <td dir="ltr">{tok.prefix}</td>
                    <td>{names.get(tok.organisation_id) ?? '-'}</td>
                    <td dir="ltr">{tok.scopes.join(' ')}</td>
                    <td>{f.instant(tok.created_at)}</td>
                    <td>
                      {tok.revoked_at
                        ? t('admin.tokens.stateRevoked', { when: f.instant(tok.revoked_at) })
                        : expired
                          ? t('admin.tokens.stateExpired')
                          : tok.expires_at
                            ? t('admin.tokens.stateUntil', { when: f.instant(tok.expires_at) })
                            : t('admin.tokens.stateActive')}
                    </td>
                    <td>
                      {!tok.revoked_at && (
                        <button type="button" onClick={() => setRevoking(tok)}>
                          {t('admin.tokens.revoke', { name: tok.name })}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CreateToken({ organisations, onCreated }: { organisations: Organisation[]; onCreated(name: string, token: string): void }) {
  const t = useT();
  const { me } = useSession();
  const scopesId = useId();
  // The scopes a token may carry are the administrator's own, less the management of people and tokens (never for a machine).
  const offered = (me?.scopes ?? []).filter((s) => s !== 'users:manage' && s !== 'tokens:manage') as Scope[];
  const [organisationId, setOrganisationId] = useState('');
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [expires, setExpires] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors(problem);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const body = { name, scopes, ...(organisationId ? { organisation_id: organisationId } : {}), ...(expires ? { expires_at: expires } : {}) };
    const { data, problem } = await call(api.POST('/api/v1/tokens', { body }));
    setBusy(false);
    setProblem(problem);
    if (data) {
      setName('');
      setScopes([]);
      setExpires('');
      onCreated(data.name, data.token);
    }
  };
  const toggle = (scope: Scope, on: boolean) => setScopes((list) => (on ? [...list, scope] : list.filter((s) => s !== scope)));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="create-token">
      <h2 id="create-token">{t('admin.tokens.create')}</h2>
      <Field label={t('admin.tokens.organisation')} error={errors.organisation_id}>
        <select value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
          <option value="">{t('admin.tokens.chooseOrganisation')}</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.country})
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('admin.tokens.name')} error={errors.name}>
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </Field>
      <fieldset className="choices" style={SCOPE_GRID} aria-describedby={errors.scopes ? `${scopesId}-error` : undefined}>
        <legend>{t('admin.tokens.scopes')}</legend>
        {offered.map((s) => (
          <label key={s} dir="ltr">
            <input type="checkbox" checked={scopes.includes(s)} onChange={(e) => toggle(s, e.target.checked)} />
            {s}
          </label>
        ))}
        {errors.scopes && (
          <p className="field-error" id={`${scopesId}-error`} style={{ gridColumn: '1 / -1' }}>
            {errors.scopes}
          </p>
        )}
      </fieldset>
      <Field label={t('admin.tokens.expires')} error={errors.expires_at}>
        <input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
      </Field>
      {problem && !problem.errors?.some((e) => e.pointer) && <ProblemMessage problem={problem} />}
      <button type="submit" className="primary" disabled={busy}>
        {t('admin.tokens.submit')}
      </button>
    </form>
  );
}
