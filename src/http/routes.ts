import { auditRoutes } from '../modules/audit/routes.js';
import { corridorRoutes } from '../modules/corridors/routes.js';
import { identityRoutes } from '../modules/identity/routes.js';
import { referenceRoutes } from '../modules/reference/routes.js';
import type { App, AppContext } from './types.js';

/** Every module's routes, in one list. */
export async function registerModuleRoutes(app: App, ctx: AppContext): Promise<void> {
  await identityRoutes(app, ctx);
  await referenceRoutes(app, ctx);
  await corridorRoutes(app, ctx);
  await auditRoutes(app, ctx);
}
