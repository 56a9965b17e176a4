import type { CorridorRules } from '../../corridors/rules.schema.js';

/** What every step of one import needs to know. */
export interface ImportContext {
  corridor: string;
  origin: string;
  destination: string;
  /** The rules in force on the import date: legacy contracts are registered today, under today's rules. */
  rules: CorridorRules;
  rulesVersion: number;
  /** Fields in the header: every record should have as many. */
  width: number;
  /** The registration instant of every imported contract, ISO 8601 UTC to the second. */
  registeredAt: string;
}
