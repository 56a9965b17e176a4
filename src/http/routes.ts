import { auditRoutes } from '../modules/audit/routes.js';
import { contractRoutes } from '../modules/contracts/routes.js';
import { corridorRoutes } from '../modules/corridors/routes.js';
import { identityRoutes } from '../modules/identity/routes.js';
import { referenceRoutes } from '../modules/reference/routes.js';
import { registryRoutes } from '../modules/contracts/registry/routes.js';
import { substitutionRoutes } from '../modules/contracts/substitution/routes.js';
import { wageRoutes } from '../modules/wages/routes.js';
import { remittanceRoutes } from '../modules/remittances/routes.js';
import { verificationRoutes } from '../modules/contracts/verification/routes.js';
import { contractPdfRoutes } from '../modules/contracts/pdf/routes.js';
import { recruitmentRoutes } from '../modules/recruitment/routes.js';
import { loanRoutes } from '../modules/loans/routes.js';
import { salaryTemplateRoute } from '../modules/wages/intake/template-route.js';
import type { App, AppContext } from './types.js';

/** Every module's routes, in one list. */
export async function registerModuleRoutes(app: App, ctx: AppContext): Promise<void> {
  await identityRoutes(app, ctx);
  await referenceRoutes(app, ctx);
  await corridorRoutes(app, ctx);
  await contractRoutes(app, ctx);
  await auditRoutes(app, ctx);
  await wageRoutes(app, ctx);
  await substitutionRoutes(app, ctx);
  await registryRoutes(app, ctx);
  await verificationRoutes(app, ctx);
  await contractPdfRoutes(app, ctx);
  await remittanceRoutes(app, ctx);
  await recruitmentRoutes(app, ctx);
  await loanRoutes(app, ctx);
  await salaryTemplateRoute(app);
}
