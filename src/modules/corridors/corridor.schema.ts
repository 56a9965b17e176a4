import { z } from 'zod';
import { RuleVersion } from './version-view.js';

export const CorridorCode = z.string().regex(/^[A-Z]{3}-[A-Z]{3}$/, 'a corridor code is ORIGIN-DESTINATION, e.g. NPL-ARE');

export const CorridorParams = z.object({ code: CorridorCode });
export const VersionParams = z.object({ code: CorridorCode, version: z.coerce.number().int().positive() });

export const RulesOnQuery = z.object({
  on: z.iso.date().optional().describe('The date the rules are wanted for (default today)'),
});

export const ProposeVersionResponse = RuleVersion.extend({
  created: z.boolean().describe('false when the rules were identical to the newest version, which is returned instead'),
});
