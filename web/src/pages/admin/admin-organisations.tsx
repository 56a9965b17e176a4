import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { Field } from '../../components/field.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { type MessageId, useT } from '../../i18n/t.js';
import { AdminTabs, KINDS, kindLabel, type Organisation, type OrganisationKind, useFieldErrors, useOrganisations } from './admin-parts.js';

/** The administrator enrols organisations and suspends or reactivates them (with a reason kept in the audit trail). */
export default function AdminOrganisations() {
  const t = useT();
  const { organisations, problem, reload } = useOrganisations();
  const [notice, setNotice] = useState<string>();
  const [changing, setChanging] = useState<Organisation>();

  return (
    <section>
      <h1>{t('admin.organisations.title')}</h1>
      <AdminTabs />
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <CreateOrganisation
        onCreated={(org) => {
          setNotice(t('admin.organisations.created', { name: org.name }));
          void reload();
        }}
      />
      {changing && (
        <StatusForm
          organisation={changing}
          onDone={(org) => {
            setChanging(undefined);
            if (org) {
              setNotice(t(org.status === 'suspended' ? 'admin.organisations.suspended' : 'admin.organisations.reactivated', { name: org.name }));
              void reload();
            }
          }}
        />
      )}
      <h2>{t('admin.organisations.list')}</h2>
      {problem && <ProblemMessage problem={problem} />}
      {!organisations && !problem && <Loading />}
      {organisations && <OrganisationTable organisations={organisations} onChange={setChanging} />}
    </section>
  );
}

function OrganisationTable({ organisations, onChange }: { organisations: Organisation[]; onChange(org: Organisation): void }) {
  const t = useT();
  const f = useFormat();
  return (
    <div className="table-scroll">
      <table>
        <caption className="muted">{t('admin.organisations.count', { count: organisations.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.organisations.name')}</th>
            <th scope="col">{t('admin.organisations.kind')}</th>
            <th scope="col">{t('admin.organisations.country')}</th>
            <th scope="col">{t('admin.organisations.externalId')}</th>
            <th scope="col">{t('admin.organisations.status')}</th>
            <th scope="col">{t('admin.organisations.since')}</th>
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((org) => (
            <tr key={org.id}>
              <th scope="row">{org.name}</th>
              <td>{t(kindLabel(org.kind))}</td>
              <td>{org.country}</td>
              <td>{org.external_id ?? '-'}</td>
              <td>{t(`admin.orgStatus.${org.status}` as MessageId)}</td>
              <td>{f.instant(org.created_at)}</td>
              <td>
                {org.kind !== 'platform' && org.status !== 'closed' && (
                  <button type="button" onClick={() => onChange(org)}>
                    {t(org.status === 'active' ? 'admin.organisations.suspend' : 'admin.organisations.reactivate', { name: org.name })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CreateOrganisation({ onCreated }: { onCreated(org: Organisation): void }) {
  const t = useT();
  const [kind, setKind] = useState<OrganisationKind>('employer');
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [externalId, setExternalId] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors(problem);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const body = { kind, name, country: country.trim().toUpperCase(), ...(externalId.trim() ? { external_id: externalId.trim() } : {}) };
    const { data, problem } = await call(api.POST('/api/v1/organisations', { body }));
    setBusy(false);
    setProblem(problem);
    if (data) {
      setName('');
      setCountry('');
      setExternalId('');
      onCreated(data);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="create-organisation">
      <h2 id="create-organisation">{t('admin.organisations.create')}</h2>
      <Field label={t('admin.organisations.kind')} error={errors.kind}>
        <select value={kind} onChange={(e) => setKind(e.target.value as OrganisationKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(kindLabel(k))}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('admin.organisations.name')} error={errors.name}>
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </Field>
      <Field label={t('admin.organisations.countryField')} error={errors.country}>
        <input value={country} onChange={(e) => setCountry(e.target.value)} required maxLength={3} autoCapitalize="characters" />
      </Field>
      <Field label={t('admin.organisations.externalIdField')} error={errors.external_id}>
        <input value={externalId} onChange={(e) => setExternalId(e.target.value)} maxLength={100} />
      </Field>
      {problem && !problem.errors?.some((e) => e.pointer) && <ProblemMessage problem={problem} />}
      <button type="submit" className="primary" disabled={busy}>
        {t('admin.organisations.submit')}
      </button>
    </form>
  );
}

/** Suspend or reactivate: the reason is required and kept in the audit trail. */
function StatusForm({ organisation, onDone }: { organisation: Organisation; onDone(org?: Organisation): void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const errors = useFieldErrors(problem);
  const status = organisation.status === 'active' ? 'suspended' : 'active';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { data, problem } = await call(
      api.PATCH('/api/v1/organisations/{id}/status', { params: { path: { id: organisation.id } }, body: { status, reason } }),
    );
    setProblem(problem);
    if (data) onDone(data);
  };

  const title = t(status === 'suspended' ? 'admin.organisations.suspend' : 'admin.organisations.reactivate', { name: organisation.name });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="card" aria-label={title}>
      <h2>{title}</h2>
      <Field label={t('admin.organisations.reason')} error={errors.reason}>
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={1000} autoFocus />
      </Field>
      {problem && !problem.errors?.some((e) => e.pointer) && <ProblemMessage problem={problem} />}
      <div className="actions">
        <button type="submit" className="primary">
          {t(status === 'suspended' ? 'admin.organisations.confirmSuspend' : 'admin.organisations.confirmReactivate')}
        </button>
        <button type="button" onClick={() => onDone()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
