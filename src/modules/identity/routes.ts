import type { App, AppContext } from '../../http/types.js';
import { authRoutes } from './auth/routes.js';
import { organisationRoutes } from './organisations/routes.js';
import { tokenRoutes } from './tokens/routes.js';
import { userRoutes } from './users/routes.js';
import { workerRoutes } from './workers/routes.js';

export async function identityRoutes(app: App, ctx: AppContext): Promise<void> {
  await authRoutes(app, ctx);
  await organisationRoutes(app, ctx);
  await userRoutes(app, ctx);
  await tokenRoutes(app, ctx);
  await workerRoutes(app, ctx);
}
