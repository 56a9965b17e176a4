import { useCallback, useEffect, useState } from 'react';
import { NavLink } from 'react-router';
import { api, type Json } from '../../api/client.js';
import { call, fieldProblems, type Problem } from '../../api/problem.js';
import { type MessageId, useT } from '../../i18n/t.js';

export type Organisation = Json<'/api/v1/organisations', 'get'>['organisations'][number];
export type OrganisationKind = Organisation['kind'];

/** The kinds of organisation, in the order the operator thinks of them (the server's enum; the words are the catalog's). */
export const KINDS = [
  'origin_authority', 'destination_authority', 'employer', 'recruitment_agency', 'wage_agent', 'lender', 'remittance_provider', 'platform',
] as const satisfies readonly OrganisationKind[];

export const kindLabel = (kind: OrganisationKind): MessageId => `admin.kind.${kind}` as MessageId;

/** The three desks of the administrator, each a page of its own. */
export function AdminTabs() {
  const t = useT();
  return (
    <nav aria-label={t('admin.nav')} className="links">
      <NavLink to="/admin" end>{t('admin.organisations.title')}</NavLink> · <NavLink to="/admin/users">{t('admin.users.title')}</NavLink> ·{' '}
      <NavLink to="/admin/tokens">{t('admin.tokens.title')}</NavLink>
    </nav>
  );
}

/** Every organisation (the platform sees all), reloadable after a change. */
export function useOrganisations() {
  const [organisations, setOrganisations] = useState<Organisation[]>();
  const [problem, setProblem] = useState<Problem>();
  const reload = useCallback(async () => {
    const { data, problem } = await call(api.GET('/api/v1/organisations', {}));
    setOrganisations(data?.organisations);
    setProblem(problem);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { organisations, problem, reload };
}

/**
 * The API's field problems by the first segment of their JSON pointer ("/scopes/3" -> "scopes"),
 * in the page's language where the catalogs word the problem (api/problem-messages.ts), else as the server wrote it.
 */
export function useFieldErrors(problem: Problem | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [pointer, message] of Object.entries(fieldProblems(problem))) out[pointer.split('/')[0]!] ??= message;
  return out;
}
