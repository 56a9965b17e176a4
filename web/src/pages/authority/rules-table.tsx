import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, type Json } from '../../api/client.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/t.js';
import { type Change, RULE_TERMS, type Rules, valueAt, type Words } from './rules-terms.js';

export type Version = Json<'/api/v1/corridors/{code}', 'get'>['versions'][number];
export type Side = 'origin' | 'destination';

/** The words every rule is put in on this page: the page's language, and the ISCO-08 unit groups' titles, read once. */
export function useWords(codes: string[]): Words {
  const t = useT();
  const f = useFormat();
  const [titles, setTitles] = useState<Record<string, string>>({});
  const needed = codes.length > 0;
  useEffect(() => {
    if (!needed) return;
    // Corridor rules name unit groups (4 digits): all 436 of them in one request, not one request per code.
    void api
      .GET('/api/v1/reference/occupations', { params: { query: { level: 4, limit: 1000 } } })
      .then(({ data }) => setTitles(Object.fromEntries((data?.occupations ?? []).map((o) => [o.code, o.title]))))
      .catch(() => undefined);
  }, [needed]);
  return useMemo(
    // Titles are ISCO-08's English ones: isolated (U+2068..2069) so that a right-to-left page keeps code and title in order.
    () => ({ t, f, occupation: (isco: string) => (titles[isco] ? `\u2068${t('rules.value.occupation', { code: isco, title: titles[isco] })}\u2069` : isco) }),
    [t, f, titles],
  );
}

/** Every rule of a version in plain words, as a list of terms. */
export function RulesList({ rules, words }: { rules: Rules; words: Words }) {
  return (
    <dl className="terms">
      {RULE_TERMS.map((term) => (
        <div key={term.path}>
          <dt>{words.t(term.label)}</dt>
          <dd>{term.words(valueAt(rules, term.path), rules, words)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What a proposal changes, term by term, against the version in force (or "no rules" when none is). */
export function ChangesTable({ changes, from, to, id }: { changes: Change[]; from: number | null; to: number; id: string }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table aria-labelledby={id}>
        <thead>
          <tr>
            <th scope="col">{t('rules.diff.term')}</th>
            <th scope="col">{from === null ? t('rules.diff.noneInForce') : t('rules.diff.inForce', { version: from })}</th>
            <th scope="col">{t('rules.diff.proposed', { version: to })}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.term.path}>
              <th scope="row">{t(c.term.label)}</th>
              <td>{c.before}</td>
              <td>
                <strong>{c.after}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Who proposed a version, as a side of the corridor (or the operator's import of an agreed file). */
export function proposer(v: Version): 'operator' | Side {
  if (v.approved_via === 'operator_import' && v.proposed_by_organisation_id === null) return 'operator';
  if (v.status === 'pending' || v.status === 'withdrawn') return v.origin_approved_at ? 'origin' : 'destination';
  // Approved by both: the side that approved first proposed it.
  const o = v.origin_approved_at ?? '';
  const d = v.destination_approved_at ?? '';
  return o <= d ? 'origin' : 'destination';
}

/** The versions of the corridor: when each applies, its status, who proposed it and when each side approved. */
export function VersionsTable({
  versions,
  inForce,
  open,
  id,
  href,
}: {
  versions: Version[];
  inForce: number | null;
  open: number | undefined;
  id: string;
  href: (version: number) => string;
}) {
  const t = useT();
  const f = useFormat();
  const approval = (v: Version, at: string | null) =>
    at ? t('rules.versions.approvedOn', { when: f.instant(at) }) : v.status === 'withdrawn' ? '' : t('rules.versions.awaiting');
  const status = (v: Version) =>
    v.version === inForce ? t('rules.status.inForce') : v.status === 'approved' ? t('rules.status.approved') : t(`rules.status.${v.status}`);
  return (
    <div className="table-wrap">
      <table aria-labelledby={id}>
        <thead>
          <tr>
            <th scope="col">{t('rules.versions.version')}</th>
            <th scope="col">{t('rules.versions.validFrom')}</th>
            <th scope="col">{t('rules.versions.status')}</th>
            <th scope="col">{t('rules.versions.proposedBy')}</th>
            <th scope="col">{t('rules.versions.origin')}</th>
            <th scope="col">{t('rules.versions.destination')}</th>
            <th scope="col">{t('rules.versions.details')}</th>
          </tr>
        </thead>
        <tbody>
          {[...versions].reverse().map((v) => (
            <tr key={v.version} aria-current={v.version === open ? 'true' : undefined}>
              <td>{v.version}</td>
              <td>{f.day(v.valid_from)}</td>
              <td>{status(v)}</td>
              <td>{t(`rules.proposer.${proposer(v)}`)}</td>
              <td>{approval(v, v.origin_approved_at)}</td>
              <td>{approval(v, v.destination_approved_at)}</td>
              <td>
                <Link to={href(v.version)}>{t('rules.versions.openVersion', { version: v.version })}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
