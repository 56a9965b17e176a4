import { AppError, forbidden } from '../../core/errors.js';
import type { ContractStatus, VersionState } from './tables.js';

/**
 * The contract state machine (PRODUCT.md 5.2), in one table: every step a contract may take,
 * who may take it, and where it leads. Services ask `decide` and nothing else, so an illegal
 * step is refused in one place.
 *
 * An amendment of a registered or active contract is a new version that goes through offer,
 * acceptance, approval and registration again while the contract stays in force: its stage
 * is the contract's status plus the amendment's state, e.g. `active+accepted`.
 */
export type Party = 'employer' | 'worker' | 'origin' | 'destination' | 'platform';

export const ACTIONS = [
  'edit', 'offer', 'accept', 'decline', 'approve', 'reject', 'register',
  'activate', 'complete', 'terminate', 'withdraw', 'amend',
] as const;
export type Action = (typeof ACTIONS)[number];

const IN_FORCE = ['registered', 'active'] as const;
const AMENDMENT_STATES = ['offered', 'accepted', 'approved'] as const;
type InForce = (typeof IN_FORCE)[number];
export type AmendmentState = (typeof AMENDMENT_STATES)[number];
export type Stage = ContractStatus | `${InForce}+${AmendmentState}`;

export interface Transition {
  from: Stage;
  action: Action;
  by: readonly Party[];
  to: Stage;
  /** What the version concerned becomes (the new one for edit and amend); null: unchanged. */
  version: VersionState | null;
}

const EMPLOYER = ['employer'] as const;
const WORKER = ['worker'] as const;
const ORIGIN = ['origin'] as const;
const DESTINATION = ['destination'] as const;
const AUTHORITIES = ['origin', 'destination'] as const;
const EMPLOYMENT = ['employer', 'destination'] as const;

const t = (from: Stage, action: Action, by: readonly Party[], to: Stage, version: VersionState | null): Transition =>
  ({ from, action, by, to, version });

function amendmentSteps(base: InForce): Transition[] {
  const at = (s: AmendmentState): Stage => `${base}+${s}`;
  return [
    t(base, 'amend', EMPLOYER, at('offered'), 'offered'),
    t(at('offered'), 'accept', WORKER, at('accepted'), 'accepted'),
    t(at('offered'), 'decline', WORKER, base, 'declined'),
    t(at('accepted'), 'approve', ORIGIN, at('approved'), 'approved'),
    t(at('accepted'), 'reject', AUTHORITIES, base, 'rejected'),
    t(at('approved'), 'register', DESTINATION, base, 'registered'),
    t(at('approved'), 'reject', DESTINATION, base, 'rejected'),
    ...AMENDMENT_STATES.flatMap((s) => [
      t(at(s), 'withdraw', EMPLOYER, base, 'withdrawn'),
      // Ending the contract ends the amendment in progress with it.
      t(at(s), 'terminate', EMPLOYMENT, 'terminated', 'withdrawn'),
      ...(base === 'registered'
        ? [t(at(s), 'activate', EMPLOYMENT, `active+${s}`, null)]
        : [t(at(s), 'complete', EMPLOYMENT, 'completed', 'withdrawn')]),
    ]),
  ];
}

export const TRANSITIONS: readonly Transition[] = [
  t('draft', 'edit', EMPLOYER, 'draft', 'draft'),
  t('draft', 'offer', EMPLOYER, 'offered', 'offered'),
  t('draft', 'withdraw', EMPLOYER, 'withdrawn', 'withdrawn'),
  t('offered', 'accept', WORKER, 'accepted', 'accepted'),
  t('offered', 'decline', WORKER, 'declined', 'declined'),
  t('offered', 'withdraw', EMPLOYER, 'withdrawn', 'withdrawn'),
  t('accepted', 'approve', ORIGIN, 'approved', 'approved'),
  t('accepted', 'reject', AUTHORITIES, 'rejected', 'rejected'),
  t('accepted', 'withdraw', EMPLOYER, 'withdrawn', 'withdrawn'),
  t('approved', 'register', DESTINATION, 'registered', 'registered'),
  t('approved', 'reject', DESTINATION, 'rejected', 'rejected'),
  t('approved', 'withdraw', EMPLOYER, 'withdrawn', 'withdrawn'),
  t('registered', 'activate', EMPLOYMENT, 'active', null),
  t('registered', 'terminate', EMPLOYMENT, 'terminated', null),
  t('active', 'complete', EMPLOYMENT, 'completed', null),
  t('active', 'terminate', EMPLOYMENT, 'terminated', null),
  ...IN_FORCE.flatMap(amendmentSteps),
];

export const STAGES: readonly Stage[] = [...new Set(TRANSITIONS.flatMap((r) => [r.from, r.to]))];

/** The stage of a contract: its status, plus the state of an amendment in progress. */
export function stageOf(status: ContractStatus, amendment: AmendmentState | null): Stage {
  if (amendment && (status === 'registered' || status === 'active')) return `${status}+${amendment}`;
  return status;
}

export const statusOf = (stage: Stage): ContractStatus => stage.split('+')[0] as ContractStatus;
export const amendmentOf = (stage: Stage): AmendmentState | null => (stage.split('+')[1] as AmendmentState | undefined) ?? null;

const describe = (stage: Stage) => {
  const amendment = amendmentOf(stage);
  return amendment ? `${statusOf(stage)} with an amendment ${amendment}` : stage;
};

/**
 * The step `party` may take with `action` from `stage`. A party that may never take this
 * action is refused as forbidden (403); a step the stage does not allow as invalid_transition (409).
 */
export function decide(stage: Stage, action: Action, party: Party): Transition {
  const steps = TRANSITIONS.filter((r) => r.action === action);
  if (!steps.some((r) => r.by.includes(party))) throw forbidden(`A contract's ${party} may not ${action} it`);
  const step = steps.find((r) => r.from === stage);
  if (!step)
    throw new AppError('invalid_transition', `Cannot ${action} a contract that is ${describe(stage)}`, [], { state: stage });
  if (!step.by.includes(party)) throw forbidden(`A contract's ${party} may not ${action} it while it is ${describe(stage)}`);
  return step;
}

/**
 * True when `stage` is where `party`'s `action` leads from another stage of the main path (the contract
 * was already declined, withdrawn, activated...): a repeated request then changes nothing.
 * Amendment steps are left out, since returning to `registered` says nothing about which one.
 */
export function alreadyDone(stage: Stage, action: Action, party: Party): boolean {
  return TRANSITIONS.some(
    (r) => r.action === action && r.to === stage && r.by.includes(party) && r.from !== r.to && !amendmentOf(r.from) && !amendmentOf(r.to),
  );
}
