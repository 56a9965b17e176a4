import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { findCountry, isWhoSafeguardCountry } from './countries.js';
import { findCurrency } from './currencies.js';
import { findOccupation, isHealthOccupation } from './occupations.js';

describe('reference data', () => {
  let t: TestApp;
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('is public: countries answer without credentials, with the WHO safeguard flag', async () => {
    const res = await get('/api/v1/reference/countries');
    assert.equal(res.statusCode, 200);
    const countries = res.json().countries as { code: string; who_ssl_2023: boolean; alpha2: string }[];
    assert.ok(countries.length > 240);
    assert.equal(countries.find((c) => c.code === 'NPL')?.who_ssl_2023, true);
    assert.equal(countries.find((c) => c.code === 'ARE')?.who_ssl_2023, false);
    assert.equal(countries.find((c) => c.code === 'ARE')?.alpha2, 'AE');
  });

  it('a broken token is still refused on a public route (401), not ignored', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/reference/countries', headers: { authorization: 'Bearer nonsense' } });
    assert.equal(res.statusCode, 401);
  });

  it('lists currencies with their minor units', async () => {
    const currencies = (await get('/api/v1/reference/currencies')).json().currencies as { code: string; minor_digits: number }[];
    assert.equal(currencies.find((c) => c.code === 'AED')?.minor_digits, 2);
    assert.equal(currencies.find((c) => c.code === 'KWD')?.minor_digits, 3);
    assert.equal(currencies.find((c) => c.code === 'XAU'), undefined, 'no precious metals');
  });

  it('searches occupations by code prefix and level, or by title', async () => {
    const byCode = (await get('/api/v1/reference/occupations?q=22&level=4')).json().occupations as { code: string; level: number; is_health: boolean }[];
    assert.ok(byCode.length > 5);
    assert.ok(byCode.every((o) => o.code.startsWith('22') && o.level === 4 && o.is_health));
    const byTitle = (await get('/api/v1/reference/occupations?q=domestic%20cleaners')).json().occupations as { code: string }[];
    assert.ok(byTitle.some((o) => o.code === '9111'));
    const wildcard = (await get('/api/v1/reference/occupations?q=%25')).json().occupations as unknown[];
    assert.equal(wildcard.length, 0, '% is a character to find, not a wildcard');
    const majors = (await get('/api/v1/reference/occupations?level=1')).json().occupations as unknown[];
    assert.equal(majors.length, 10);
  });

  it('shows one occupation with its definition and sub-groups; 404 unknown, 422 malformed', async () => {
    const res = await get('/api/v1/reference/occupations/911');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().parent_code, '91');
    assert.match(res.json().definition, /clean/i);
    assert.deepEqual(
      res.json().children.map((c: { code: string }) => c.code),
      ['9111', '9112'],
    );
    assert.equal((await get('/api/v1/reference/occupations/9999')).statusCode, 404);
    const bad = await get('/api/v1/reference/occupations/abc');
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().errors[0].pointer, '/code');
    const badLevel = await get('/api/v1/reference/occupations?level=7');
    assert.equal(badLevel.statusCode, 422);
    assert.equal(badLevel.json().errors[0].pointer, '/level');
  });

  it('exports the look-ups other modules need', async () => {
    const db = t.database.db;
    assert.equal((await findCountry(db, 'NPL'))?.name, 'Nepal');
    assert.equal(await findCountry(db, 'XXX'), undefined);
    assert.equal((await findCurrency(db, 'NPR'))?.minor_digits, 2);
    assert.equal(await findCurrency(db, 'ZZZ'), undefined);
    assert.equal((await findOccupation(db, '2221'))?.is_health, true);
    assert.equal(await isWhoSafeguardCountry(db, 'NPL'), true);
    assert.equal(await isWhoSafeguardCountry(db, 'ARE'), false);
    assert.equal(isHealthOccupation('2221'), true);
    assert.equal(isHealthOccupation('3221'), true);
    assert.equal(isHealthOccupation('9111'), false);
  });
});
