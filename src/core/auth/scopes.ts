/**
 * What each kind of actor may do, decided in one place. A route declares the scope
 * it needs; records are then narrowed by the actor's organisation or worker id.
 */
export const ORGANISATION_KINDS = [
  'platform',
  'origin_authority',
  'destination_authority',
  'employer',
  'recruitment_agency',
  'wage_agent',
  'lender',
  'remittance_provider',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = ['platform_admin', 'org_admin', 'org_staff', 'worker'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPES = [
  'reference:read',
  'corridors:read',
  'corridors:propose',
  'corridors:approve',
  'organisations:read',
  'organisations:manage',
  'users:manage',
  'tokens:manage',
  'audit:read',
  'workers:read',
  'workers:register',
  'self:read',
  // Contracts: which kind of actor may ask for which step; the actor's part in the contract
  // and the transition table (modules/contracts/transitions.ts) decide the rest.
  'contracts:read',
  'contracts:draft',
  'contracts:accept',
  'contracts:approve',
  'contracts:register',
  'contracts:reject',
  'contracts:employment',
  'safeguards:record',
  // Contracts counted by stage over the authority's side (charts): authorities and the platform only.
  'contracts:stages',
  // Wage protection: submit salary files (agents), read results in scope, record mandates, reconcile (and run the
  // follow-up), justify a late wage (employers), answer a justification (workers).
  'wages:submit',
  'wages:read',
  'wages:mandate',
  'wages:reconcile',
  'wages:justify',
  'wages:respond',
  // Remittances: providers publish their own quotes; the operator loads rates, surveys and which provider serves which corridor.
  'remittances:quote',
  'remittances:manage',
  // Fair recruitment (modules/recruitment): licences (authorities), job orders (employers post, the origin authority
  // verifies), candidates and selection (agencies, workers themselves), declared costs (agency and worker), ratings (workers).
  'recruitment:read',
  'recruitment:license',
  'recruitment:order',
  'recruitment:verify',
  'recruitment:candidates',
  'recruitment:select',
  'recruitment:costs',
  'recruitment:rate',
  // Pre-departure loans (modules/loans): read in view, lenders publish products and decide/disburse, workers apply,
  // wage agents report deductions, the destination authority matches a month, authorities read the totals.
  'loans:read',
  'loans:lend',
  'loans:apply',
  'loans:deduct',
  'loans:match',
  'loans:totals',
] as const;
export type Scope = (typeof SCOPES)[number];

const EVERYONE: Scope[] = ['reference:read', 'corridors:read', 'self:read'];
/** Every organisation's staff may read organisations; the services narrow it to their own (and an authority's country). */
const STAFF: Scope[] = [...EVERYONE, 'organisations:read'];
const AUTHORITY: Scope[] = [
  ...STAFF, 'corridors:propose', 'corridors:approve', 'audit:read', 'contracts:read', 'contracts:reject', 'safeguards:record', 'contracts:stages',
];

/** Scopes of an organisation's staff, by the kind of organisation. */
const BY_KIND: Record<OrganisationKind, Scope[]> = {
  platform: [...SCOPES],
  origin_authority: [...AUTHORITY, 'workers:read', 'workers:register', 'contracts:approve', 'wages:read', 'recruitment:read', 'recruitment:license', 'recruitment:verify', 'loans:totals'],
  destination_authority: [
    ...AUTHORITY, 'workers:read', 'contracts:register', 'contracts:employment', 'wages:read', 'wages:mandate', 'wages:reconcile',
    'recruitment:read', 'recruitment:license', 'loans:totals', 'loans:match',
  ],
  employer: [...STAFF, 'contracts:read', 'contracts:draft', 'contracts:employment', 'wages:read', 'wages:mandate', 'wages:justify', 'recruitment:read', 'recruitment:order', 'recruitment:select'],
  // An agency reads the workers it registered (and only those: see identity/access.ts).
  recruitment_agency: [...STAFF, 'workers:read', 'workers:register', 'recruitment:read', 'recruitment:candidates', 'recruitment:select', 'recruitment:costs'],
  // A wage agent submits salary files for the employers that mandated it (wages/access.ts).
  wage_agent: [...STAFF, 'wages:submit', 'wages:read', 'loans:read', 'loans:deduct'],
  lender: [...STAFF, 'loans:read', 'loans:lend'],
  remittance_provider: [...STAFF, 'remittances:quote'],
};

const ORG_ADMIN_EXTRA: Scope[] = ['users:manage', 'tokens:manage'];

export function scopesFor(role: Role, kind: OrganisationKind | undefined): Set<Scope> {
  if (role === 'platform_admin') return new Set(SCOPES);
  if (role === 'worker') return new Set([...EVERYONE, 'workers:read', 'contracts:read', 'contracts:accept', 'wages:read', 'wages:respond', 'recruitment:read', 'recruitment:candidates', 'recruitment:costs', 'recruitment:rate', 'loans:read', 'loans:apply']);
  const base = kind ? BY_KIND[kind] : EVERYONE;
  return new Set(role === 'org_admin' ? [...base, ...ORG_ADMIN_EXTRA] : base);
}

/** What a machine token of an organisation may be given: its staff's scopes, never user or token management. */
export function tokenScopesAllowed(kind: OrganisationKind): Set<Scope> {
  return new Set(BY_KIND[kind].filter((s) => s !== 'users:manage' && s !== 'tokens:manage'));
}
