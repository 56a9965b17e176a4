import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../../../schema.js';
import type { WorkersTable } from '../tables.js';

export type WorkerRow = Selectable<WorkersTable>;

export const findWorker = (db: Kysely<DB>, id: string) =>
  db.selectFrom('workers').selectAll().where('id', '=', id).executeTakeFirst();

export const insertWorker = (db: Kysely<DB>, values: Insertable<WorkersTable>) =>
  db.insertInto('workers').values(values).returningAll().executeTakeFirstOrThrow();
