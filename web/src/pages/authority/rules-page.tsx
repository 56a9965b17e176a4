import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type Json } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { useSession } from '../../auth/session.js';
import { Loading, ProblemMessage } from '../../components/status.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/t.js';
import { ChangesTable, RulesList, type Side, useWords, type Version, VersionsTable } from './rules-table.js';
import { changedTerms, occupationsOf, type Rules } from './rules-terms.js';
import { VersionActions } from './rules-actions.js';
import { ProposeRules } from './rules-propose.js';

type Corridor = Json<'/api/v1/corridors', 'get'>['corridors'][number];
type Detail = Json<'/api/v1/corridors/{code}', 'get'>;
type WithRules = Json<'/api/v1/corridors/{code}/versions/{version}', 'get'>;

/**
 * The corridor's rules as the two authorities agreed them (PRODUCT.md 5.1): the version in
 * force today in plain words, every version with who approved it when, and a version the other
 * side proposed with what it changes term by term, to approve; or one's own proposal, to withdraw.
 */
export default function RulesPage() {
  const { me } = useSession();
  const t = useT();
  const f = useFormat();
  const side: Side = me?.organisation?.kind === 'origin_authority' ? 'origin' : 'destination';
  const country = me?.organisation?.country ?? '';
  const [params, setParams] = useSearchParams();
  const [corridors, setCorridors] = useState<Corridor[]>();
  const [detail, setDetail] = useState<Detail>();
  const [inForce, setInForce] = useState<WithRules | null>();
  const [opened, setOpened] = useState<WithRules>();
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<string>();

  const mine = useMemo(() => (corridors ?? []).filter((c) => (side === 'origin' ? c.origin : c.destination) === country), [corridors, side, country]);
  const code = params.get('corridor') ?? mine[0]?.code;
  const openVersion = Number(params.get('version')) || undefined;

  useEffect(() => {
    void call(api.GET('/api/v1/corridors')).then(({ data, problem }) => {
      setCorridors(data?.corridors);
      setProblem(problem);
    });
  }, []);

  const load = useCallback(async () => {
    if (!code) return;
    const path = { params: { path: { code } } };
    const [d, r] = await Promise.all([call(api.GET('/api/v1/corridors/{code}', path)), call(api.GET('/api/v1/corridors/{code}/rules', path))]);
    setDetail(d.data);
    setInForce(r.data ?? (r.problem?.status === 404 ? null : undefined));
    setProblem(d.problem ?? (r.problem?.status === 404 ? undefined : r.problem));
    if (openVersion) {
      const v = await call(api.GET('/api/v1/corridors/{code}/versions/{version}', { params: { path: { code, version: openVersion } } }));
      setOpened(v.data);
      if (v.problem) setProblem(v.problem);
    } else setOpened(undefined);
  }, [code, openVersion]);
  useEffect(() => {
    void load();
  }, [load]);

  const words = useWords([...occupationsOf(inForce?.rules), ...occupationsOf(opened?.rules)]);
  const href = (version: number) => `?${new URLSearchParams({ ...(code ? { corridor: code } : {}), version: String(version) }).toString()}`;

  return (
    <section>
      <p>
        <Link to="/authority">{t('common.back')}</Link>
      </p>
      <h1>{code ? t('rules.titleOf', { corridor: code }) : t('rules.title')}</h1>
      <p className="muted">{t('rules.intro')}</p>
      {mine.length > 1 && (
        <div className="field narrow">
          <label htmlFor="rules-corridor">{t('rules.corridor')}</label>
          <select id="rules-corridor" value={code} onChange={(e) => setParams({ corridor: e.target.value })}>
            {mine.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code}
              </option>
            ))}
          </select>
        </div>
      )}
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {problem && <ProblemMessage problem={problem} />}
      {corridors && mine.length === 0 && <p className="muted">{t('rules.noCorridor')}</p>}
      {code && (!detail || inForce === undefined) && !problem && <Loading />}

      {opened && detail && (
        <OpenedVersion
          key={`${code}-${opened.version}`}
          version={opened}
          inForce={inForce ?? null}
          side={side}
          words={words}
          onChanged={load}
        />
      )}

      {inForce !== undefined && (
        <section aria-labelledby="rules-in-force" className="card">
          <h2 id="rules-in-force">
            {inForce ? t('rules.inForce', { version: inForce.version, date: f.day(inForce.valid_from) }) : t('rules.noneInForce')}
          </h2>
          {inForce && <RulesList rules={inForce.rules as Rules} words={words} />}
        </section>
      )}

      {code && inForce && (
        <ProposeRules
          key={`${code}-${inForce.version}`}
          code={code}
          base={inForce.rules as Rules}
          onProposed={(version, created) => {
            setNotice(t(created ? 'rules.done.proposed' : 'rules.done.same', { version }));
            setParams({ corridor: code, version: String(version) });
          }}
        />
      )}

      {detail && (
        <section aria-labelledby="rules-versions">
          <h2 id="rules-versions">{t('rules.versions.title')}</h2>
          <VersionsTable versions={detail.versions} inForce={detail.in_force_version} open={openVersion} id="rules-versions" href={href} />
        </section>
      )}
    </section>
  );
}

/** One version opened: for a pending one, what it changes against the rules in force, and what this side may do. */
function OpenedVersion({
  version,
  inForce,
  side,
  words,
  onChanged,
}: {
  version: WithRules;
  inForce: WithRules | null;
  side: Side;
  words: ReturnType<typeof useWords>;
  onChanged: () => Promise<void>;
}) {
  const t = useT();
  const f = useFormat();
  const pending = version.status === 'pending';
  const changes = pending ? changedTerms((inForce?.rules ?? {}) as Rules, version.rules as Rules, words) : [];
  const mineApproved = version[`${side}_approved_at`] !== null;
  return (
    <section aria-labelledby="rules-open" className="card">
      <h2 id="rules-open" tabIndex={-1}>
        {t('rules.open.title', { version: version.version })}
      </h2>
      <p>
        {pending
          ? t(mineApproved ? 'rules.open.awaitingOther' : 'rules.open.awaitingYou', { date: f.day(version.valid_from) })
          : version.status === 'approved'
            ? t('rules.open.approved', { date: f.day(version.valid_from) })
            : t('rules.open.withdrawn')}
      </p>
      {pending && (
        <>
          <h3 id="rules-changes">{t('rules.diff.title', { count: changes.length })}</h3>
          {changes.length > 0 && <ChangesTable changes={changes} from={inForce?.version ?? null} to={version.version} id="rules-changes" />}
        </>
      )}
      <VersionActions version={version as Version} side={side} onChanged={onChanged} />
      {pending ? (
        <details>
          <summary>{t('rules.open.allRules', { version: version.version })}</summary>
          <RulesList rules={version.rules as Rules} words={words} />
        </details>
      ) : (
        <RulesList rules={version.rules as Rules} words={words} />
      )}
    </section>
  );
}
