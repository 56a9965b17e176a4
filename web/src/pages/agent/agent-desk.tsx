import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { api, type Json } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { useSession } from '../../auth/session.js';
import { Field } from '../../components/field.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/t.js';
import { type Ack, Acknowledgement, useAckStatus } from './acknowledgement.js';

type Listed = Json<'/api/v1/wages/files', 'get'>['files'][number];
type Format = '' | 'uae-sif' | 'qatar-sif' | 'csv';
const EXTRA_PROFILES = ['evp', 'lenient-id'] as const;

/** Corridor's CSV layout with sample lines (docs/examples/salary-template.csv), served by the wages module. */
export const TEMPLATE_URL = '/api/v1/wages/template.csv';

/**
 * The wage agent's desk (a bank or exchange house): send a salary file, read its acknowledgement
 * (accepted whole, refused whole with every error by line, or a duplicate), and the files sent before.
 */
export default function AgentDesk() {
  const { me } = useSession();
  const t = useT();
  const f = useFormat();
  const ackStatus = useAckStatus();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [format, setFormat] = useState<Format>('');
  const [profiles, setProfiles] = useState<string[]>([]);
  const [fileError, setFileError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [ack, setAck] = useState<Ack>();
  const [problem, setProblem] = useState<Problem>();
  const [files, setFiles] = useState<Listed[]>();
  const [listProblem, setListProblem] = useState<Problem>();
  const [shown, setShown] = useState<Ack>();
  const ackHeading = useId();
  const shownHeading = useId();

  const loadFiles = useCallback(async () => {
    const { data, problem } = await call(api.GET('/api/v1/wages/files', { params: { query: { limit: 100 } } }));
    setFiles(data?.files);
    setListProblem(problem);
  }, []);
  useEffect(() => {
    void loadFiles();
  }, [loadFiles]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileError(t('agent.chooseFile'));
      fileInput.current?.focus();
      return;
    }
    setFileError(undefined);
    setBusy(true);
    setAck(undefined);
    setProblem(undefined);
    try {
      // The file's exact bytes as the body: the acknowledgement's sha256 recognises a resubmission.
      const { data, error, response } = await api.POST('/api/v1/wages/files', {
        params: {
          query: {
            name: file.name,
            ...(format ? { format } : {}),
            ...(profiles.length ? { profiles: ['strict', ...profiles].join(',') } : {}),
          },
        },
        // The route takes the raw body, which the OpenAPI document does not describe as a schema.
        body: file as never,
        bodySerializer: (body: unknown) => body as BodyInit,
        headers: { 'content-type': 'application/octet-stream' },
      });
      // 201 accepted, 200 duplicate, 422 rejected: all three answer with an acknowledgement.
      const answer = (data ?? (response.status === 422 ? error : undefined)) as Ack | undefined;
      if (answer && typeof answer === 'object' && 'status' in answer) setAck(answer);
      else setProblem({ status: response.status, code: (error as { code?: string } | undefined)?.code ?? 'unknown' });
    } catch {
      setProblem({ status: 0, code: 'network' });
    }
    setBusy(false);
    void loadFiles();
  };

  const show = async (id: string) => {
    const { data, problem } = await call(api.GET('/api/v1/wages/files/{id}', { params: { path: { id } } }));
    setShown(data);
    setListProblem(problem);
  };

  return (
    <section>
      <h1>{t('agent.title', { organisation: me?.organisation?.name ?? '' })}</h1>

      <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="agent-upload-title">
        <h2 id="agent-upload-title">{t('agent.upload.title')}</h2>
        <p className="muted">{t('agent.upload.intro')}</p>
        <p>
          <a href={TEMPLATE_URL} download="salary-template.csv">
            {t('agent.template')}
          </a>
        </p>
        <Field label={t('agent.file')} error={fileError}>
          <input ref={fileInput} type="file" accept=".sif,.SIF,.csv,.txt,text/csv,text/plain" onChange={(e) => setFile(e.target.files?.[0])} />
        </Field>
        <Field label={t('agent.format')}>
          <select value={format} onChange={(e) => setFormat(e.target.value as Format)}>
            <option value="">{t('agent.format.auto')}</option>
            <option value="uae-sif">{t('agent.format.uae-sif')}</option>
            <option value="qatar-sif">{t('agent.format.qatar-sif')}</option>
            <option value="csv">{t('agent.format.csv')}</option>
          </select>
        </Field>
        <fieldset className="choices">
          <legend>{t('agent.profiles')}</legend>
          {EXTRA_PROFILES.map((p) => (
            <label key={p}>
              <input
                type="checkbox"
                checked={profiles.includes(p)}
                onChange={(e) => setProfiles(e.target.checked ? [...profiles, p] : profiles.filter((x) => x !== p))}
              />
              {t(p === 'evp' ? 'agent.profile.evp' : 'agent.profile.lenientId')}
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('agent.sending') : t('agent.send')}
          </button>
        </div>
      </form>

      <div aria-live="polite" className="sent-ack">
        {problem && <ProblemMessage problem={problem} />}
        {ack && <Acknowledgement ack={ack} headingId={ackHeading} />}
      </div>

      <h2>{t('agent.history.title')}</h2>
      {listProblem && <ProblemMessage problem={listProblem} />}
      {!files && !listProblem && <Loading />}
      {files && !files.length && <p className="muted">{t('agent.history.empty')}</p>}
      {files && files.length > 0 && (
        <div className="table-wrap">
          <table className="agent-files">
            <thead>
              <tr>
                <th scope="col">{t('agent.col.received')}</th>
                <th scope="col">{t('agent.col.file')}</th>
                <th scope="col">{t('agent.col.month')}</th>
                <th scope="col">{t('agent.col.status')}</th>
                <th scope="col">{t('agent.col.records')}</th>
                <th scope="col">{t('agent.col.total')}</th>
                <th scope="col">{t('agent.col.errors')}</th>
                <th scope="col">{t('table.action')}</th>
              </tr>
            </thead>
            <tbody>
              {files.map((row) => (
                <tr key={row.id}>
                  <td>{f.instant(row.received_at)}</td>
                  <td>{row.file_name}</td>
                  <td>{row.salary_month ? f.month(row.salary_month) : '—'}</td>
                  <td>{ackStatus(row.status)}</td>
                  <td>{f.number(row.records)}</td>
                  <td>{row.currency ? f.money(row.total_minor, row.currency) : '—'}</td>
                  <td>{f.number(row.error_count)}</td>
                  <td>
                    <button type="button" className="link" onClick={() => void show(row.id)}>
                      {t('agent.show', { file: row.file_name })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div aria-live="polite" className="shown-ack">
        {shown && <Acknowledgement ack={shown} headingId={shownHeading} />}
      </div>
    </section>
  );
}
