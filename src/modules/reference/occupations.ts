import type { Kysely } from 'kysely';
import { z } from 'zod';
import { notFound } from '../../core/errors.js';
import type { DB } from '../../schema.js';

export const Occupation = z.object({
  code: z.string().describe('ISCO-08 code, 1 to 4 digits'),
  level: z.number().int().describe('1 major, 2 sub-major, 3 minor, 4 unit group'),
  parent_code: z.string().nullable(),
  title: z.string(),
  is_health: z.boolean().describe('Health professionals (22) or health associate professionals (32): under the WHO safeguard'),
});
export type Occupation = z.infer<typeof Occupation>;

export const OccupationDetail = Occupation.extend({
  definition: z.string(),
  children: z.array(Occupation.pick({ code: true, title: true })).describe('The groups one level down'),
});
export type OccupationDetail = z.infer<typeof OccupationDetail>;

export const OccupationQuery = z.object({
  q: z.string().trim().min(1).max(100).optional().describe('Digits: a code prefix; otherwise words in the title'),
  level: z.coerce.number().int().min(1).max(4).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type OccupationQuery = z.infer<typeof OccupationQuery>;

const COLUMNS = ['code', 'level', 'parent_code', 'title', 'is_health'] as const;

/** Mirrors the generated column occupations.is_health, for code that has only the code at hand. */
export const isHealthOccupation = (code: string) => /^(22|32)/.test(code);

export function searchOccupations(db: Kysely<DB>, query: OccupationQuery): Promise<Occupation[]> {
  let q = db.selectFrom('occupations').select(COLUMNS).orderBy('code').limit(query.limit);
  if (query.level) q = q.where('level', '=', query.level);
  if (query.q && /^[0-9]+$/.test(query.q)) q = q.where('code', 'like', `${query.q}%`);
  else if (query.q) q = q.where('title', 'ilike', `%${query.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
  return q.execute();
}

export function findOccupation(db: Kysely<DB>, code: string): Promise<(Occupation & { definition: string }) | undefined> {
  return db.selectFrom('occupations').select([...COLUMNS, 'definition']).where('code', '=', code).executeTakeFirst();
}

export async function getOccupation(db: Kysely<DB>, code: string): Promise<OccupationDetail> {
  const occupation = await findOccupation(db, code);
  if (!occupation) throw notFound(`ISCO-08 group ${code}`);
  const children = await db.selectFrom('occupations').select(['code', 'title']).where('parent_code', '=', code).orderBy('code').execute();
  return { ...occupation, children };
}

/** Of the given codes, those that are ISCO-08 unit groups (level 4). */
export async function existingUnitGroups(db: Kysely<DB>, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('occupations').select('code').where('level', '=', 4).where('code', 'in', [...codes]).execute();
  return new Set(rows.map((r) => r.code));
}
