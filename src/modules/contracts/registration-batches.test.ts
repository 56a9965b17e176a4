import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyRegistry } from './registry/verify/verify-registry.js';
import { contractWorld, type ContractWorld, offeredContract } from './test-contracts.js';

let w: ContractWorld;
before(async () => (w = await contractWorld()));
after(() => w.t.close());

async function accepted(): Promise<string> {
  const { id, digest } = await offeredContract(w);
  assert.equal((await w.call('GET', `/api/v1/contracts/${id}?lang=ne`, w.worker)).statusCode, 200);
  const accept = await w.call('POST', `/api/v1/contracts/${id}/accept`, w.worker, { terms_digest: digest, language: 'ne' });
  assert.equal(accept.statusCode, 200, accept.body);
  return id;
}

async function approved(): Promise<string> {
  const id = await accepted();
  const approve = await w.call('POST', `/api/v1/contracts/${id}/approve`, w.origin);
  assert.equal(approve.statusCode, 200, approve.body);
  return id;
}

const count = async (table: 'registry_tree_heads' | 'registry_entries') =>
  Number((await w.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

const transitionsTo = async (id: string, state: string) =>
  Number(
    (await w.db.selectFrom('contract_transitions').select((eb) => eb.fn.countAll().as('n')).where('contract_id', '=', id).where('to_state', '=', state).executeTakeFirstOrThrow()).n,
  );

describe('steps taken at the same time', () => {
  it('registrations arriving together are written together: each once, at its own place in the log, under fewer tree heads', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await approved());
    const [entriesBefore, headsBefore] = [await count('registry_entries'), await count('registry_tree_heads')];
    // Every contract registered twice at once: the repeat must change nothing.
    const answers = await Promise.all(ids.flatMap((id) => [id, id]).map((id) => w.call('POST', `/api/v1/contracts/${id}/register`, w.destination)));
    for (const a of answers) assert.equal(a.statusCode, 200, a.body);
    const leafOf = new Map<string, number>();
    for (const a of answers) {
      const view = a.json();
      assert.equal(view.status, 'registered');
      const leaf = view.versions[0].leaf_index as number;
      assert.equal(leafOf.get(view.id) ?? leaf, leaf, 'both answers for a contract name the same leaf');
      leafOf.set(view.id, leaf);
    }
    assert.deepEqual(
      [...leafOf.values()].sort((a, b) => a - b),
      ids.map((_, i) => entriesBefore + i),
      'one leaf each, one after the other',
    );
    assert.equal(await count('registry_entries'), entriesBefore + ids.length);
    for (const id of ids) assert.equal(await transitionsTo(id, 'registered'), 1, 'registered once');
    const heads = (await count('registry_tree_heads')) - headsBefore;
    assert.ok(heads >= 1 && heads < ids.length, `${ids.length} registrations under ${heads} tree heads`);
    const verified = await verifyRegistry(w.db);
    assert.equal(verified.ok, true, JSON.stringify(verified));
  });

  it('a rejection and a registration at once leave exactly one of them, in the log only if registered', async () => {
    for (let i = 0; i < 4; i++) {
      const id = await approved();
      const [register, reject] = await Promise.all([
        w.call('POST', `/api/v1/contracts/${id}/register`, w.destination),
        w.call('POST', `/api/v1/contracts/${id}/reject`, w.destination, { reason: 'the employer is under inspection' }),
      ]);
      assert.deepEqual([register.statusCode, reject.statusCode].sort(), [200, 409], `${register.body} ${reject.body}`);
      const status = (await w.db.selectFrom('contracts').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
      const won = register.statusCode === 200 ? 'registered' : 'rejected';
      assert.equal(status, won);
      const inLog = Number(
        (await w.db.selectFrom('registry_entries as e').innerJoin('contracts as c', 'c.contract_no', 'e.contract_no').select((eb) => eb.fn.countAll().as('n')).where('c.id', '=', id).executeTakeFirstOrThrow()).n,
      );
      assert.equal(inLog, won === 'registered' ? 1 : 0, 'in the log only if registered');
    }
    assert.equal((await verifyRegistry(w.db)).ok, true);
  });

  it('in one batch, a refusal answers only its own request and changes nothing: an unknown id, a wrong role, a stranger', async () => {
    const id = await approved();
    const [entriesBefore, headsBefore] = [await count('registry_entries'), await count('registry_tree_heads')];
    const [good, malformed, employer, stranger] = await Promise.all([
      w.call('POST', `/api/v1/contracts/${id}/register`, w.destination),
      w.call('POST', '/api/v1/contracts/not-a-uuid/register', w.destination),
      w.call('POST', `/api/v1/contracts/${id}/register`, w.employer),
      w.call('POST', `/api/v1/contracts/${id}/register`, w.otherOrigin),
    ]);
    assert.equal(good.statusCode, 200, good.body);
    assert.equal(malformed.statusCode, 404, malformed.body);
    assert.equal(employer.statusCode, 403, employer.body);
    assert.equal(stranger.statusCode, 403, stranger.body); // another country's origin authority holds no register scope
    assert.equal(await count('registry_entries'), entriesBefore + 1);
    assert.equal(await transitionsTo(id, 'registered'), 1);
    assert.ok((await count('registry_tree_heads')) - headsBefore >= 1);
  });

  it('an approval sent twice at once is taken once, with one signature', async () => {
    const id = await accepted();
    const answers = await Promise.all([1, 2, 3].map(() => w.call('POST', `/api/v1/contracts/${id}/approve`, w.origin)));
    for (const a of answers) assert.equal(a.statusCode, 200, a.body);
    assert.equal(await transitionsTo(id, 'approved'), 1);
    const version = await w.db.selectFrom('contract_versions').select('signatures').where('contract_id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual((version.signatures as { role: string }[]).map((s) => s.role), ['worker', 'origin']);
  });
});
