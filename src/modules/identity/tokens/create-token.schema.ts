import { z } from 'zod';
import { SCOPES } from '../../../core/auth/scopes.js';
import { ApiToken } from './api-token.js';

export const CreateTokenRequest = z.object({
  name: z.string().trim().min(1).max(200).describe('What the token is for'),
  scopes: z.array(z.enum(SCOPES)).min(1),
  expires_at: z
    .union([z.iso.datetime({ offset: true }), z.iso.date()])
    .optional()
    .describe('When it stops working: a timestamp, or a date (the token then works through that day, UTC)'),
  organisation_id: z.string().optional().describe('Platform administrator only; default: your own organisation'),
});
export type CreateTokenRequest = z.infer<typeof CreateTokenRequest>;

export const CreateTokenResponse = ApiToken.extend({
  token: z.string().describe('The token itself: shown this once, stored only hashed'),
});
export type CreateTokenResponse = z.infer<typeof CreateTokenResponse>;
