import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { makeOrganisation, makeToken, makeUser, signIn } from '../../../test/helpers/factories.js';

type Json = Record<string, any>;

describe('remittance quotes, comparison and figures over HTTP', () => {
  let t: TestApp;
  let operator: string;
  let providerA: string;
  let providerB: string;
  let providerAId: string;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: unknown) => {
    const res = await t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload === undefined ? {} : { payload: payload as Json }) });
    return { status: res.statusCode, body: res.body ? (res.json() as Json) : {} };
  };
  const quotes = async () => Number((await t.database.db.selectFrom('remittance_quotes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const quote = (over: Json = {}, points?: Json[]) => ({
    source_country: 'ARE', destination_country: 'NPL', product: 'Send home', payment_instrument: 'Cash', access_point: 'Branch',
    pickup_method: 'Mobile wallet', speed: 'Same day', observed_at: '2026-03-02T10:00:00Z',
    price_points: points ?? [
      { usd: 200, amount: { minor: 73450, currency: 'AED' }, fee: { minor: 1500, currency: 'AED' }, offered_rate: '35.5' },
      { usd: 500, amount: { minor: 183625, currency: 'AED' }, fee: { minor: 2000, currency: 'AED' }, offered_rate: '35.6' },
    ],
    ...over,
  });

  before(async () => {
    t = await startTestApp();
    const db = t.database.db;
    const platform = await makeOrganisation(db, { kind: 'platform' });
    operator = await makeToken(db, { organisation_id: platform.id, scopes: ['remittances:manage'] });
    const a = await makeOrganisation(db, { kind: 'remittance_provider', name: 'Himal Remit' });
    const b = await makeOrganisation(db, { kind: 'remittance_provider', name: 'Gulf Exchange' });
    providerAId = a.id;
    providerA = await makeToken(db, { organisation_id: a.id, scopes: ['remittances:quote'] });
    providerB = await makeToken(db, { organisation_id: b.id, scopes: ['remittances:quote'] });
    assert.equal((await call('PUT', '/api/v1/remittances/corridors/ARE/NPL', operator, { send_currency: 'AED', receive_currency: 'NPR', stale_after_days: 3650 })).status, 200);
    for (const id of [a.id, b.id]) assert.equal((await call('POST', '/api/v1/remittances/corridors/ARE/NPL/providers', operator, { provider_id: id })).status, 201);
  });
  after(async () => t.close());

  it('lets only the operator open corridors and load rates, all or none', async () => {
    assert.equal((await call('PUT', '/api/v1/remittances/corridors/ARE/IND', providerA, { send_currency: 'AED', receive_currency: 'INR' })).status, 403);
    assert.equal((await call('POST', '/api/v1/remittances/reference-rates', providerA, { rates: [] })).status, 403);
    const bad = await call('POST', '/api/v1/remittances/reference-rates', operator, {
      rates: [
        { base_currency: 'AED', quote_currency: 'NPR', rate: '35.8676', effective_on: '2026-01-01', source: 'test' },
        { base_currency: 'ZZZ', quote_currency: 'NPR', rate: '1', effective_on: '2026-01-01', source: 'test' },
      ],
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0].pointer, '/rates/1/base_currency');
    const zero = await call('POST', '/api/v1/remittances/reference-rates', operator, { rates: [{ base_currency: 'AED', quote_currency: 'NPR', rate: '0', effective_on: '2026-01-01', source: 'test' }] });
    assert.equal(zero.status, 422);
    assert.equal(zero.body.errors[0].pointer, '/rates/0/rate');
    assert.equal((await t.database.db.selectFrom('remittance_reference_rates').selectAll().execute()).length, 0, 'nothing stored');
    const ok = await call('POST', '/api/v1/remittances/reference-rates', operator, {
      rates: [
        { base_currency: 'USD', quote_currency: 'AED', rate: '3.6725', effective_on: '2026-01-01', source: 'test fixing' },
        { base_currency: 'AED', quote_currency: 'NPR', rate: '36', effective_on: '2026-01-01', source: 'test fixing' },
      ],
    });
    assert.deepEqual([ok.status, ok.body.loaded], [201, 2]);
    const again = await call('POST', '/api/v1/remittances/reference-rates', operator, {
      rates: [{ base_currency: 'AED', quote_currency: 'NPR', rate: '36.00', effective_on: '2026-01-01', source: 'test fixing, again' }],
    });
    assert.deepEqual([again.status, again.body.loaded], [201, 0], 'a rate already stored is not stored twice');
    assert.equal((await t.database.db.selectFrom('remittance_reference_rates').selectAll().execute()).length, 2);
  });

  it('records which provider serves a corridor only for a real provider and an open corridor', async () => {
    const employer = await makeOrganisation(t.database, { kind: 'employer' });
    const notProvider = await call('POST', '/api/v1/remittances/corridors/ARE/NPL/providers', operator, { provider_id: employer.id });
    assert.equal(notProvider.status, 409);
    const unknown = await call('POST', '/api/v1/remittances/corridors/ARE/NPL/providers', operator, { provider_id: '00000000-0000-4000-8000-000000000000' });
    assert.equal(unknown.status, 404);
    const closed = await call('POST', '/api/v1/remittances/corridors/ARE/IND/providers', operator, { provider_id: providerAId });
    assert.equal(closed.status, 404);
    const byProvider = await call('POST', '/api/v1/remittances/corridors/ARE/NPL/providers', providerA, { provider_id: providerAId });
    assert.equal(byProvider.status, 403);
    const served = await t.database.db.selectFrom('remittance_provider_corridors').select('provider_id').execute();
    assert.equal(served.length, 2, 'nothing recorded');
  });

  it('refuses bad quotes with the field and the reason, storing nothing', async () => {
    const cases: [Json, string][] = [
      [quote({}, [{ usd: 200, amount: { minor: 73450, currency: 'AED' }, fee: { minor: 0, currency: 'AED' }, offered_rate: '0' }, { usd: 500, amount: { minor: 183625, currency: 'AED' }, fee: { minor: 0, currency: 'AED' }, offered_rate: '35' }]), '/price_points/0/offered_rate'],
      [quote({}, [{ usd: 200, amount: { minor: 70000, currency: 'AED' }, fee: { minor: 0, currency: 'AED' }, offered_rate: '35' }, { usd: 500, amount: { minor: 183625, currency: 'AED' }, fee: { minor: 0, currency: 'AED' }, offered_rate: '35' }]), '/price_points/0/amount/minor'],
      [quote({}, [{ usd: 200, amount: { minor: 73450, currency: 'AED' }, fee: { minor: 0, currency: 'USD' }, offered_rate: '35' }, { usd: 500, amount: { minor: 183625, currency: 'AED' }, fee: { minor: 0, currency: 'AED' }, offered_rate: '35' }]), '/price_points/0/fee/currency'],
      [quote({}, [{ usd: 200, amount: { minor: 73450, currency: 'AED' }, fee: { minor: -5, currency: 'AED' }, offered_rate: '35' }, { usd: 500, amount: { minor: 183625, currency: 'AED' }, fee: { minor: 0, currency: 'AED' }, offered_rate: '35' }]), '/price_points/0/fee/minor'],
      [quote({ destination_country: 'IND' }), '/destination_country'],
      [quote({ destination_country: 'NP' }), '/destination_country'],
      [quote({ observed_at: '2025-12-01T00:00:00Z' }), '/observed_at'],
      [quote({ speed: 'Tomorrow' }), '/speed'],
    ];
    for (const [body, pointer] of cases) {
      const r = await call('POST', '/api/v1/remittances/quotes', providerA, body);
      assert.equal(r.status, 422, `${pointer}: ${JSON.stringify(r.body)}`);
      assert.ok(r.body.errors.some((e: Json) => e.pointer === pointer), `${pointer} named in ${JSON.stringify(r.body.errors)}`);
    }
    assert.equal(await quotes(), 0);
  });

  it('refuses quotes from anyone but a provider serving the corridor', async () => {
    const employer = await makeUser(t.database, { role: 'org_staff' });
    const session = await signIn(t, employer);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/remittances/quotes', headers: session.headers(), payload: quote() });
    assert.equal(res.statusCode, 403);
    const outsider = await makeOrganisation(t.database, { kind: 'remittance_provider' });
    const token = await makeToken(t.database, { organisation_id: outsider.id, scopes: ['remittances:quote'] });
    const r = await call('POST', '/api/v1/remittances/quotes', token, quote());
    assert.equal(r.status, 422);
    assert.match(r.body.errors[0].message, /does not serve/);
    assert.equal(await quotes(), 0);
  });

  it('stores a quote with costs the database computes, and ranks services by what the family receives', async () => {
    const a = await call('POST', '/api/v1/remittances/quotes', providerA, quote());
    assert.equal(a.status, 201, JSON.stringify(a.body));
    // fee 15.00 on 734.50 = 2.0422...%; margin (36 - 35.5) / 36 = 1.3888...%.
    assert.ok(Math.abs(a.body.price_points[0].total_cost_pct - (1500 / 73450 * 100 + 0.5 / 36 * 100)) < 1e-9);
    assert.equal(a.body.firm, 'Himal Remit');
    // B: no fee but a worse rate at USD 200; the cheaper fee must not win by itself.
    const b = await call('POST', '/api/v1/remittances/quotes', providerB, quote({ product: 'Zero fee' }, [
      { usd: 200, amount: { minor: 73450, currency: 'AED' }, fee: { minor: 0, currency: 'AED' }, offered_rate: '34.9' },
      { usd: 500, amount: { minor: 183625, currency: 'AED' }, fee: { minor: 0, currency: 'AED' }, offered_rate: '34.9' },
    ]));
    assert.equal(b.status, 201);

    const c = await call('GET', '/api/v1/remittances/compare?from=ARE&to=NPL&amount=500&currency=AED');
    assert.equal(c.status, 200);
    assert.equal(c.body.mode, 'send');
    const [first, second] = c.body.services;
    // 500 AED: A gives (500 - 15) x 35.5 = 17,217.50 NPR; B gives 500 x 34.9 = 17,450.00 NPR.
    assert.deepEqual([first.firm, first.family_receives_minor, first.fee_minor], ['Gulf Exchange', 1745000, 0]);
    assert.deepEqual([second.firm, second.family_receives_minor, second.fee_minor], ['Himal Remit', 1721750, 1500]);
    assert.ok(first.total_cost_pct < second.total_cost_pct);

    // 300 AED is nearer USD 200 (734.50 AED) than 500: B still; and what the family should receive, the other way round.
    const r = await call('GET', '/api/v1/remittances/compare?from=ARE&to=NPL&amount=20000&currency=NPR');
    assert.equal(r.body.mode, 'receive');
    // B: 20,000 / 34.9 = 573.0659 -> 573.07 AED; A: 20,000 / 35.5 = 563.3803 -> 563.39 + 15.00 = 578.39 AED.
    assert.deepEqual(r.body.services.map((s: Json) => [s.firm, s.you_pay_minor]), [['Gulf Exchange', 57307], ['Himal Remit', 57839]]);
    const filtered = await call('GET', '/api/v1/remittances/compare?from=ARE&to=NPL&amount=500&currency=AED&pickup=Cash%20pick-up');
    assert.equal(filtered.body.services.length, 0);
    assert.equal(filtered.body.left_out.filter((l: Json) => l.reason === 'filtered').length, 2);
  });

  it('refuses a comparison in a foreign currency or a bad amount', async () => {
    const usd = await call('GET', '/api/v1/remittances/compare?from=ARE&to=NPL&amount=500&currency=USD');
    assert.equal(usd.status, 422);
    assert.equal(usd.body.errors[0].pointer, '/currency');
    const fractional = await call('GET', '/api/v1/remittances/compare?from=ARE&to=NPL&amount=500.001&currency=AED');
    assert.equal(fractional.status, 422);
    assert.equal((await call('GET', '/api/v1/remittances/compare?from=ARE&to=NPL&amount=-5&currency=AED')).status, 422);
    assert.equal((await call('GET', '/api/v1/remittances/compare?from=ARE&to=XXX&amount=5&currency=AED')).status, 404);
  });

  it("shows a provider its own quotes and ranks, never another provider's", async () => {
    const mine = await call('GET', '/api/v1/remittances/my-quotes', providerA);
    assert.equal(mine.status, 200);
    assert.ok(mine.body.history.length >= 1);
    assert.ok(mine.body.history.every((q: Json) => q.firm === 'Himal Remit'));
    const corridor = mine.body.corridors[0];
    assert.deepEqual([corridor.from, corridor.to, corridor.services_compared], ['ARE', 'NPL', 2]);
    assert.equal(corridor.own.length, 1);
    assert.equal(corridor.own[0].rank_200, 2);
    // A newer quote from A for the same service supersedes A's own, never B's.
    const newer = await call('POST', '/api/v1/remittances/quotes', providerA, quote({ product: 'Zero fee', observed_at: '2026-03-03T10:00:00Z' }));
    assert.equal(newer.status, 201);
    // The same quote sent again is the same service: it is not counted twice.
    assert.equal((await call('POST', '/api/v1/remittances/quotes', providerA, quote({ product: 'Zero fee', observed_at: '2026-03-03T10:00:00Z' }))).status, 201);
    const c = await call('GET', '/api/v1/remittances/compare?from=ARE&to=NPL&amount=500&currency=AED');
    assert.equal(c.body.services.filter((s: Json) => s.firm === 'Gulf Exchange').length, 1, "B's service is still there");
    assert.equal(c.body.services.length, 3);
    assert.equal((await call('GET', '/api/v1/remittances/my-quotes', operator)).status, 403);
    assert.ok(providerAId);
  });

  it('publishes averages, SmaRT and SDG figures; refuses a period in the wrong form', async () => {
    const bad = await call('GET', '/api/v1/remittances/averages?period=2026-1');
    assert.equal(bad.status, 422);
    const avg = await call('GET', '/api/v1/remittances/averages?period=2026_1Q');
    assert.equal(avg.status, 200);
    const [row] = avg.body.averages;
    assert.deepEqual([row.source_code, row.destination_code, row.services], ['ARE', 'NPL', 3]);
    // Three eligible services: SmaRT is their mean, 2 x (fee 15 on 734.50 + margin 0.5/36) and once margin 1.1/36.
    const a = (1500 / 73450) * 100 + (0.5 / 36) * 100;
    assert.ok(Math.abs(row.smart_pct - (2 * a + (1.1 / 36) * 100) / 3) < 1e-9, String(row.smart_pct));
    assert.ok(Math.abs(row.gap_to_3_pct - (row.avg_total_cost_pct_200 - 3)) < 1e-12);
    const sdg = await call('GET', '/api/v1/remittances/sdg?period=2026_1Q');
    assert.equal(sdg.body.periods[0].regions[0].region, 'South Asia');
    const history = await call('GET', '/api/v1/remittances/corridors/ARE/NPL/history');
    const published = history.body.points.find((p: Json) => p.period === '2019_1Q');
    assert.ok(published.world_bank_pct > 0, 'World Bank history for ARE-NPL is loaded');
    assert.equal(history.body.points.at(-1).period, '2026_1Q');
  });
});
