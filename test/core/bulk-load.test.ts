import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { encodeCopyRow } from '../../src/core/db/copy-text.js';
import { type TestDatabase, testDatabase } from '../helpers/database.js';

describe('bulk load (COPY) on the engine under test', () => {
  let database: TestDatabase;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  const awkward = ['tab\there', 'new\nline', 'back\\slash', 'carriage\rreturn', 'नेपाल', 'العربية', '\\N literally'];

  it('loads rows with awkward text and NULLs exactly, inside the caller transaction', async () => {
    const rows = await database.session(async (s) =>
      s.db.transaction().execute(async (trx) => {
        await sql`CREATE TEMP TABLE bulk_probe (n bigint, t text, d date) ON COMMIT DROP`.execute(trx);
        const count = await s.copyInto('bulk_probe', ['n', 't', 'd'], awkward.map((t, i) => [i, t, i % 2 ? null : '2026-01-31']));
        assert.equal(count, awkward.length);
        return (await sql<{ n: number; t: string; d: string | null }>`SELECT n, t, d FROM bulk_probe ORDER BY n`.execute(trx)).rows;
      }),
    );
    assert.deepEqual(rows.map((r) => r.t), awkward);
    assert.deepEqual(rows.map((r) => r.d), awkward.map((_, i) => (i % 2 ? null : '2026-01-31')));
  });

  it('takes back a COPY when the transaction is rolled back', async () => {
    await database.session(async (s) => {
      await sql`CREATE TEMP TABLE bulk_rollback (n bigint)`.execute(s.db);
      await assert.rejects(
        s.db.transaction().execute(async (trx) => {
          await s.copyInto('bulk_rollback', ['n'], [[1], [2], [3]]);
          const { rows } = await sql<{ c: number }>`SELECT count(*)::int AS c FROM bulk_rollback`.execute(trx);
          assert.equal(rows[0]!.c, 3);
          throw new Error('refuse the whole file');
        }),
        /refuse the whole file/,
      );
      const { rows } = await sql<{ c: number }>`SELECT count(*)::int AS c FROM bulk_rollback`.execute(s.db);
      assert.equal(rows[0]!.c, 0);
      await sql`DROP TABLE bulk_rollback`.execute(s.db);
    });
  });

  it('streams an async source in chunks', async () => {
    async function* many() {
      for (let i = 0; i < 120_000; i++) yield [i, `row ${i}`];
    }
    const total = await database.session(async (s) => {
      await sql`CREATE TEMP TABLE bulk_many (n bigint, t text)`.execute(s.db);
      const count = await s.copyInto('bulk_many', ['n', 't'], many());
      const { rows } = await sql<{ c: number; s: number }>`SELECT count(*)::int AS c, sum(n)::bigint AS s FROM bulk_many`.execute(s.db);
      await sql`DROP TABLE bulk_many`.execute(s.db);
      assert.equal(count, 120_000);
      return rows[0]!;
    });
    assert.equal(total.c, 120_000);
    assert.equal(total.s, (119_999 * 120_000) / 2);
  });

  it('refuses an identifier that is not a plain name', async () => {
    await assert.rejects(database.copyInto('x; DROP TABLE users', ['n'], [[1]]), /bad identifier/);
  });

  it('encodes the COPY text format', () => {
    assert.equal(encodeCopyRow(['a\tb', null, 5, true, 'c\\d']), 'a\\tb\t\\N\t5\tt\tc\\\\d\n');
  });
});
