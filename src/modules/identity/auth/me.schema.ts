import { z } from 'zod';
import { SCOPES } from '../../../core/auth/scopes.js';
import { Organisation } from '../organisations/organisation.js';
import { SessionUser } from '../users/user.js';

export const MeResponse = z.object({
  user: SessionUser.nullable().describe('None for an API token'),
  organisation: Organisation.nullable(),
  scopes: z.array(z.enum(SCOPES)),
  csrf_token: z.string().nullable().describe('For a browser session: echo it in X-CSRF-Token on changes'),
});
export type MeResponse = z.infer<typeof MeResponse>;
