import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../core/errors.js';
import { CONTRACT_STATUSES } from './tables.js';
import {
  ACTIONS, type Action, alreadyDone, amendmentOf, decide, type Party, type Stage, STAGES, stageOf, statusOf, TRANSITIONS,
} from './transitions.js';

const PARTIES: Party[] = ['employer', 'worker', 'origin', 'destination', 'platform'];

function outcome(stage: Stage, action: Action, party: Party): string {
  try {
    return `-> ${decide(stage, action, party).to}`;
  } catch (error) {
    assert.ok(error instanceof AppError);
    return error.code;
  }
}

/** The main path and its side exits, as PRODUCT.md 5.2 states them: [from, action, party, to]. */
const ALLOWED: [Stage, Action, Party, Stage][] = [
  ['draft', 'edit', 'employer', 'draft'],
  ['draft', 'offer', 'employer', 'offered'],
  ['draft', 'withdraw', 'employer', 'withdrawn'],
  ['offered', 'accept', 'worker', 'accepted'],
  ['offered', 'decline', 'worker', 'declined'],
  ['offered', 'withdraw', 'employer', 'withdrawn'],
  ['accepted', 'approve', 'origin', 'approved'],
  ['accepted', 'reject', 'origin', 'rejected'],
  ['accepted', 'reject', 'destination', 'rejected'],
  ['accepted', 'withdraw', 'employer', 'withdrawn'],
  ['approved', 'register', 'destination', 'registered'],
  ['approved', 'reject', 'destination', 'rejected'],
  ['approved', 'withdraw', 'employer', 'withdrawn'],
  ['registered', 'activate', 'employer', 'active'],
  ['registered', 'activate', 'destination', 'active'],
  ['registered', 'terminate', 'employer', 'terminated'],
  ['registered', 'terminate', 'destination', 'terminated'],
  ['registered', 'amend', 'employer', 'registered+offered'],
  ['active', 'complete', 'employer', 'completed'],
  ['active', 'complete', 'destination', 'completed'],
  ['active', 'terminate', 'employer', 'terminated'],
  ['active', 'terminate', 'destination', 'terminated'],
  ['active', 'amend', 'employer', 'active+offered'],
  ['active+offered', 'accept', 'worker', 'active+accepted'],
  ['active+offered', 'decline', 'worker', 'active'],
  ['active+accepted', 'approve', 'origin', 'active+approved'],
  ['active+accepted', 'reject', 'origin', 'active'],
  ['active+approved', 'register', 'destination', 'active'],
  ['active+approved', 'withdraw', 'employer', 'active'],
  ['registered+approved', 'register', 'destination', 'registered'],
  ['registered+offered', 'activate', 'destination', 'active+offered'],
  ['active+accepted', 'terminate', 'employer', 'terminated'],
  ['active+approved', 'complete', 'destination', 'completed'],
];

describe('contract transition table', () => {
  it('allows each step of the lifecycle to its party', () => {
    for (const [from, action, party, to] of ALLOWED) assert.equal(outcome(from, action, party), `-> ${to}`, `${from} ${action} by ${party}`);
  });

  it('every stage and action pair either leads somewhere, or is refused with 403 or 409, for every party', () => {
    const seen = new Set<string>();
    for (const stage of STAGES)
      for (const action of ACTIONS)
        for (const party of PARTIES) {
          const result = outcome(stage, action, party);
          seen.add(result.startsWith('->') ? 'moved' : result);
          const row = TRANSITIONS.find((r) => r.from === stage && r.action === action);
          if (row?.by.includes(party)) assert.equal(result, `-> ${row.to}`);
          else if (row || !TRANSITIONS.some((r) => r.action === action && r.by.includes(party))) assert.equal(result, 'forbidden', `${stage} ${action} ${party}`);
          else assert.equal(result, 'invalid_transition', `${stage} ${action} ${party}`);
        }
    assert.deepEqual([...seen].sort(), ['forbidden', 'invalid_transition', 'moved']);
  });

  it('the platform reads contracts but takes no step', () => {
    for (const stage of STAGES) for (const action of ACTIONS) assert.equal(outcome(stage, action, 'platform'), 'forbidden');
  });

  it('refuses what the lifecycle forbids, naming the current state', () => {
    assert.equal(outcome('draft', 'accept', 'worker'), 'invalid_transition');
    assert.equal(outcome('offered', 'approve', 'origin'), 'invalid_transition');
    assert.equal(outcome('accepted', 'register', 'destination'), 'invalid_transition');
    assert.equal(outcome('registered', 'withdraw', 'employer'), 'invalid_transition');
    assert.equal(outcome('registered+offered', 'amend', 'employer'), 'invalid_transition');
    assert.equal(outcome('completed', 'terminate', 'employer'), 'invalid_transition');
    assert.equal(outcome('active', 'activate', 'employer'), 'invalid_transition');
    try {
      decide('declined', 'offer', 'employer');
      assert.fail('expected a refusal');
    } catch (error) {
      assert.ok(error instanceof AppError);
      assert.deepEqual(error.extra, { state: 'declined' });
      assert.match(error.message, /declined/);
    }
  });

  it('refuses a party that may not take the step at all, or not at this stage', () => {
    assert.equal(outcome('accepted', 'approve', 'employer'), 'forbidden');
    assert.equal(outcome('accepted', 'approve', 'destination'), 'forbidden');
    assert.equal(outcome('offered', 'accept', 'employer'), 'forbidden');
    assert.equal(outcome('approved', 'reject', 'origin'), 'forbidden', 'the origin authority already approved');
    assert.equal(outcome('draft', 'offer', 'worker'), 'forbidden');
  });

  it('side exits and ends are final', () => {
    for (const end of ['declined', 'rejected', 'withdrawn', 'completed', 'terminated'] as const)
      assert.equal(TRANSITIONS.filter((r) => r.from === end).length, 0, end);
  });

  it('an amendment goes through acceptance, approval and registration while the contract stays in force', () => {
    for (const base of ['registered', 'active'] as const) {
      let stage: Stage = base;
      for (const [action, party] of [['amend', 'employer'], ['accept', 'worker'], ['approve', 'origin'], ['register', 'destination']] as const) {
        const step = decide(stage, action, party);
        stage = step.to;
        assert.equal(statusOf(stage), base);
      }
      assert.equal(stage, base);
    }
  });

  it('every stage names a known status and reaches an end', () => {
    for (const stage of STAGES) assert.ok((CONTRACT_STATUSES as readonly string[]).includes(statusOf(stage)), stage);
    const ends = new Set(['declined', 'rejected', 'withdrawn', 'completed', 'terminated']);
    const reaches = (stage: Stage, seen = new Set<Stage>()): boolean =>
      ends.has(stage) || (!seen.has(stage) && TRANSITIONS.some((r) => r.from === stage && reaches(r.to, new Set([...seen, stage]))));
    for (const stage of STAGES) assert.ok(reaches(stage), stage);
  });

  it('stageOf and its inverses', () => {
    assert.equal(stageOf('active', 'accepted'), 'active+accepted');
    assert.equal(stageOf('draft', 'accepted'), 'draft', 'only a contract in force has amendments');
    assert.equal(stageOf('registered', null), 'registered');
    assert.equal(statusOf('active+accepted'), 'active');
    assert.equal(amendmentOf('active+accepted'), 'accepted');
    assert.equal(amendmentOf('active'), null);
  });

  it('knows a repeated step of the main path, not of an amendment', () => {
    assert.equal(alreadyDone('declined', 'decline', 'worker'), true);
    assert.equal(alreadyDone('withdrawn', 'withdraw', 'employer'), true);
    assert.equal(alreadyDone('active', 'activate', 'destination'), true);
    assert.equal(alreadyDone('declined', 'decline', 'employer'), false, 'only for a party that could have taken it');
    assert.equal(alreadyDone('registered', 'withdraw', 'employer'), false);
    assert.equal(alreadyDone('registered', 'decline', 'worker'), false);
    assert.equal(alreadyDone('draft', 'edit', 'employer'), false);
    assert.equal(alreadyDone('offered', 'withdraw', 'employer'), false);
  });
});
