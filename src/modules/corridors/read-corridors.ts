import type { Kysely } from 'kysely';
import { z } from 'zod';
import { notFound } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import { getCorridor, listCorridors } from './corridor-queries.js';
import { findVersion, findVersionInForce, listVersions, versionsInForce } from './version-queries.js';
import type { CorridorRules } from './rules.schema.js';
import { RuleVersion, toRuleVersion, withRules, type RuleVersionWithRules } from './version-view.js';

export const CorridorSummary = z.object({
  code: z.string(),
  origin: z.string(),
  destination: z.string(),
  in_force: RuleVersion.nullable().describe('The version in force today, if any'),
});
export type CorridorSummary = z.infer<typeof CorridorSummary>;

export const CorridorDetail = CorridorSummary.omit({ in_force: true }).extend({
  in_force_version: z.number().int().nullable().describe('The version in force today, if any'),
  versions: z.array(RuleVersion),
});
export type CorridorDetail = z.infer<typeof CorridorDetail>;

/** Today as a calendar date (UTC): the day rules are looked up for when no date is given. */
export const today = () => new Date().toISOString().slice(0, 10);

export async function corridorsWithRulesInForce(db: Kysely<DB>, on = today()): Promise<CorridorSummary[]> {
  const inForce = new Map((await versionsInForce(db, on)).map((v) => [v.corridor_code, v]));
  return (await listCorridors(db)).map((c) => {
    const version = inForce.get(c.code);
    return { code: c.code, origin: c.origin, destination: c.destination, in_force: version ? toRuleVersion(version) : null };
  });
}

export async function corridorDetail(db: Kysely<DB>, code: string, on = today()): Promise<CorridorDetail> {
  const corridor = await getCorridor(db, code);
  const inForce = await findVersionInForce(db, code, on);
  const versions = await listVersions(db, code);
  return { code, origin: corridor.origin, destination: corridor.destination, in_force_version: inForce?.version ?? null, versions: versions.map(toRuleVersion) };
}

export async function rulesInForce(db: Kysely<DB>, code: string, on = today()): Promise<RuleVersionWithRules> {
  await getCorridor(db, code);
  const row = await findVersionInForce(db, code, on);
  if (!row) throw notFound(`Rules of corridor ${code} in force on ${on}`);
  return withRules(row);
}

export async function ruleVersion(db: Kysely<DB>, code: string, version: number): Promise<RuleVersionWithRules> {
  const row = await findVersion(db, code, version);
  if (!row) throw notFound(`Version ${version} of corridor ${code}`);
  return withRules(row);
}

/** For other modules (contracts, wages): the typed rules in force on a date, if any. */
export async function findRulesInForce(db: Kysely<DB>, code: string, on: string): Promise<{ version: number; rules: CorridorRules } | undefined> {
  const row = await findVersionInForce(db, code, on);
  // Stored rules were validated (defaults filled in) when the version was written.
  return row && { version: row.version, rules: row.rules as CorridorRules };
}
