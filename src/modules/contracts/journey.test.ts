import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { contractWorld, type ContractWorld, offeredContract, registeredContract } from './test-contracts.js';

describe('contract journey', () => {
  let w: ContractWorld;
  before(async () => {
    w = await contractWorld();
  });
  after(async () => w.t.close());

  it('draft -> offer -> accepted in ne -> approved by origin -> registered by destination -> active', async () => {
    const created = await w.call('POST', '/api/v1/contracts', w.employer, { terms: w.terms() });
    assert.equal(created.statusCode, 201, created.body);
    const draft = created.json();
    assert.match(draft.contract_no, /^NPL-ARE-2026-\d{7}$/);
    assert.equal(draft.status, 'draft');
    assert.deepEqual(draft.worker, { id: w.worker.id, initials: 'R.B.G.' });
    assert.equal(draft.employer.name, 'Al Noor Construction LLC');
    assert.deepEqual(draft.versions[0].breaches, []);
    assert.equal(draft.versions[0].rules_version, 1);
    assert.equal(draft.versions[0].monthly_fixed_minor, 180000);
    const id = draft.id as string;
    const url = `/api/v1/contracts/${id}`;

    // Before the offer, the draft is the employer's alone.
    assert.equal((await w.call('GET', url, w.worker)).statusCode, 404);
    assert.equal((await w.call('GET', url, w.origin)).statusCode, 404);

    const offered = await w.call('POST', `${url}/offer`, w.employer);
    assert.equal(offered.statusCode, 200, offered.body);
    assert.equal(offered.json().status, 'offered');
    const digest = offered.json().versions[0].terms_digest as string;
    assert.match(digest, /^[0-9a-f]{64}$/);
    assert.equal((await w.call('GET', url, w.destination)).statusCode, 404, 'the destination sees it once accepted');

    // The worker must have been shown the terms in the language they accept in.
    const unseen = await w.call('POST', `${url}/accept`, w.worker, { terms_digest: digest, language: 'ne' });
    assert.equal(unseen.statusCode, 409);
    const notALanguageOfTheTerms = await w.call('GET', `${url}?lang=fr`, w.worker);
    assert.equal(notALanguageOfTheTerms.statusCode, 422);
    assert.equal(notALanguageOfTheTerms.json().errors[0].pointer, '/lang');
    const shown = await w.call('GET', `${url}?lang=ne`, w.worker);
    assert.equal(shown.statusCode, 200);
    assert.deepEqual(shown.json().views.map((v: { language: string }) => v.language), ['ne']);
    assert.equal(shown.json().versions[0].terms.job_title, 'Bricklayer');
    assert.equal((await w.call('POST', `${url}/accept`, w.worker, { terms_digest: digest, language: 'en' })).statusCode, 409, 'not shown in en');
    const otherDigest = await w.call('POST', `${url}/accept`, w.worker, { terms_digest: 'a'.repeat(64), language: 'ne' });
    assert.equal(otherDigest.statusCode, 409);
    assert.equal(otherDigest.json().terms_digest, digest);

    const accepted = await w.call('POST', `${url}/accept`, w.worker, { terms_digest: digest, language: 'ne' });
    assert.equal(accepted.statusCode, 200, accepted.body);
    const acceptedVersion = accepted.json().versions[0];
    assert.equal(accepted.json().status, 'accepted');
    assert.equal(acceptedVersion.accepted_language, 'ne');
    assert.deepEqual(acceptedVersion.signatures.map((s: { role: string }) => s.role), ['worker']);

    assert.equal((await w.call('GET', url, w.destination)).statusCode, 200);
    assert.equal((await w.call('POST', `${url}/register`, w.destination)).statusCode, 409, 'not approved yet');

    const approved = await w.call('POST', `${url}/approve`, w.origin);
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().status, 'approved');
    assert.deepEqual(approved.json().versions[0].signatures.map((s: { role: string }) => s.role), ['worker', 'origin']);

    const registered = await w.call('POST', `${url}/register`, w.destination);
    assert.equal(registered.statusCode, 200, registered.body);
    const reg = registered.json();
    assert.equal(reg.status, 'registered');
    assert.equal(reg.registered_version, 1);
    assert.equal(reg.versions[0].state, 'registered');
    assert.equal(typeof reg.versions[0].leaf_index, 'number');
    assert.deepEqual(reg.versions[0].signatures.map((s: { role: string }) => s.role), ['worker', 'origin', 'destination']);
    const entry = await w.db.selectFrom('registry_entries').selectAll().where('contract_no', '=', reg.contract_no).executeTakeFirstOrThrow();
    assert.equal(entry.leaf_index, reg.versions[0].leaf_index);
    assert.deepEqual(entry.key_terms, {
      isco: '7112', employer: 'Al Noor Construction LLC', wage_minor: 150000, currency: 'AED', start: '2026-03-01', end: '2028-02-29', worker: 'R.B.G.',
    });

    assert.equal((await w.call('POST', `${url}/withdraw`, w.employer, { reason: 'too late' })).statusCode, 409, 'registered: no withdrawal');
    const active = await w.call('POST', `${url}/activate`, w.employer);
    assert.equal(active.statusCode, 200, active.body);
    assert.equal(active.json().status, 'active');

    const history = active.json().transitions.map((t: { from_state: string | null; to_state: string; actor_organisation_id: string | null }) =>
      [t.from_state, t.to_state, t.actor_organisation_id]);
    assert.deepEqual(history, [
      [null, 'draft', w.employer.id],
      ['draft', 'offered', w.employer.id],
      ['offered', 'accepted', null],
      ['accepted', 'approved', w.origin.id],
      ['approved', 'registered', w.destination.id],
      ['registered', 'active', w.employer.id],
    ]);
    const events = await w.db.selectFrom('audit_events').select(['action', 'scope_organisation_ids', 'scope_countries'])
      .where('subject_id', '=', id).orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.action), [
      'contract.drafted', 'contract.offered', 'contract.viewed', 'contract.accepted', 'contract.approved', 'contract.registered', 'contract.activated',
    ]);
    for (const e of events) {
      assert.ok(e.scope_organisation_ids.includes(w.employer.id));
      assert.deepEqual([...e.scope_countries].sort(), ['ARE', 'NPL']);
    }
  });

  it('a replayed acceptance, approval or registration changes nothing', async () => {
    const { id, digest } = await offeredContract(w);
    const url = `/api/v1/contracts/${id}`;
    await w.call('GET', `${url}?lang=en`, w.worker);
    const first = await w.call('POST', `${url}/accept`, w.worker, { terms_digest: digest, language: 'en' });
    assert.equal(first.statusCode, 200);
    const before = await w.counts();
    const again = await w.call('POST', `${url}/accept`, w.worker, { terms_digest: digest, language: 'en' });
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json(), first.json());
    assert.deepEqual(await w.counts(), before);

    const approved = await w.call('POST', `${url}/approve`, w.origin);
    const afterApproval = await w.counts();
    const reapproved = await w.call('POST', `${url}/approve`, w.origin);
    assert.equal(reapproved.statusCode, 200);
    assert.deepEqual(reapproved.json(), approved.json());
    assert.deepEqual(await w.counts(), afterApproval);
    // Accepting after the approval is a replay too: still nothing changes.
    assert.equal((await w.call('POST', `${url}/accept`, w.worker, { terms_digest: digest, language: 'en' })).statusCode, 200);
    assert.deepEqual(await w.counts(), afterApproval);

    const registered = await w.call('POST', `${url}/register`, w.destination);
    const entries = async () => (await w.db.selectFrom('registry_entries').select('leaf_index').execute()).length;
    const log = await entries();
    const reregistered = await w.call('POST', `${url}/register`, w.destination);
    assert.equal(reregistered.statusCode, 200);
    assert.deepEqual(reregistered.json(), registered.json());
    assert.equal(await entries(), log, 'not appended twice');
  });

  it('activation waits for the start date', async () => {
    const id = await registeredContract(w, { start_date: '2027-03-01', end_date: '2029-02-28' });
    const res = await w.call('POST', `/api/v1/contracts/${id}/activate`, w.destination);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().start_date, '2027-03-01');
  });

  it('an amendment is accepted, approved and registered again while the contract stays active', async () => {
    const id = await registeredContract(w);
    const url = `/api/v1/contracts/${id}`;
    assert.equal((await w.call('POST', `${url}/activate`, w.employer)).statusCode, 200);
    const raise = w.terms({ wage: { currency: 'AED', basic_monthly_minor: 170000, allowances: [], overtime_rate_pct: 150 } });

    const before = await w.counts();
    const breaching = await w.call('POST', `${url}/amend`, w.employer, { terms: { ...raise, hours_per_week: 60 } });
    assert.equal(breaching.statusCode, 422);
    assert.deepEqual(breaching.json().errors.map((e: { pointer: string }) => e.pointer), ['/terms/hours_per_week']);
    assert.deepEqual(await w.counts(), before, 'a refused amendment stores nothing');

    const amended = await w.call('POST', `${url}/amend`, w.employer, { terms: raise });
    assert.equal(amended.statusCode, 200, amended.body);
    assert.equal(amended.json().status, 'active');
    assert.equal(amended.json().stage, 'active+offered');
    assert.equal(amended.json().current_version, 2);
    assert.equal(amended.json().registered_version, 1);
    assert.equal((await w.call('POST', `${url}/amend`, w.employer, { terms: raise })).statusCode, 409, 'one amendment at a time');
    const digest = amended.json().versions[1].terms_digest;

    await w.call('GET', `${url}?lang=en`, w.worker);
    const accepted = await w.call('POST', `${url}/accept`, w.worker, { terms_digest: digest, language: 'en' });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(accepted.json().stage, 'active+accepted');
    assert.equal((await w.call('POST', `${url}/approve`, w.origin)).json().stage, 'active+approved');
    const registered = await w.call('POST', `${url}/register`, w.destination);
    assert.equal(registered.statusCode, 200, registered.body);
    const c = registered.json();
    assert.equal(c.status, 'active');
    assert.equal(c.stage, 'active');
    assert.equal(c.registered_version, 2);
    assert.deepEqual(c.versions.map((v: { state: string }) => v.state), ['superseded', 'registered']);
    assert.ok(c.versions[1].leaf_index > c.versions[0].leaf_index, 'the amendment is a new log entry');
    assert.equal(c.versions[0].terms.wage.basic_monthly_minor, 150000, 'the old version is kept as it was');
  });

  it('a declined amendment leaves the registered version in force', async () => {
    const id = await registeredContract(w);
    const url = `/api/v1/contracts/${id}`;
    const amended = await w.call('POST', `${url}/amend`, w.employer, { terms: w.terms({ notice_days: 60 }) });
    assert.equal(amended.statusCode, 200, amended.body);
    assert.equal((await w.call('POST', `${url}/decline`, w.worker, {})).statusCode, 422, 'a reason is required');
    const declined = await w.call('POST', `${url}/decline`, w.worker, { reason: 'I prefer the notice I signed' });
    assert.equal(declined.statusCode, 200, declined.body);
    const c = declined.json();
    assert.equal(c.stage, 'registered');
    assert.equal(c.current_version, 1);
    assert.deepEqual(c.versions.map((v: { state: string }) => v.state), ['registered', 'declined']);
    assert.equal(c.transitions.at(-1).reason, 'I prefer the notice I signed');
  });

  it('the worker declines, the employer withdraws, an authority rejects; each is final and says why', async () => {
    const declined = await offeredContract(w);
    const d = await w.call('POST', `/api/v1/contracts/${declined.id}/decline`, w.worker, { reason: 'Found other work' });
    assert.equal(d.json().status, 'declined');
    assert.equal(d.json().transitions.at(-1).reason, 'Found other work');
    const before = await w.counts();
    assert.equal((await w.call('POST', `/api/v1/contracts/${declined.id}/decline`, w.worker, { reason: 'again' })).statusCode, 200);
    assert.deepEqual(await w.counts(), before, 'declining twice changes nothing');
    const reoffer = await w.call('POST', `/api/v1/contracts/${declined.id}/offer`, w.employer);
    assert.equal(reoffer.statusCode, 409);
    assert.equal(reoffer.json().code, 'invalid_transition');
    assert.equal(reoffer.json().state, 'declined');

    const withdrawn = await offeredContract(w);
    const wd = await w.call('POST', `/api/v1/contracts/${withdrawn.id}/withdraw`, w.employer, { reason: 'Position cancelled' });
    assert.equal(wd.json().status, 'withdrawn');

    const rejected = await offeredContract(w);
    await w.call('GET', `/api/v1/contracts/${rejected.id}?lang=ne`, w.worker);
    await w.call('POST', `/api/v1/contracts/${rejected.id}/accept`, w.worker, { terms_digest: rejected.digest, language: 'ne' });
    const rj = await w.call('POST', `/api/v1/contracts/${rejected.id}/reject`, w.destination, { reason: 'Employer quota exceeded' });
    assert.equal(rj.statusCode, 200, rj.body);
    assert.equal(rj.json().status, 'rejected');
    assert.equal(rj.json().versions[0].state, 'rejected');
  });
});
