import type { App, AppContext } from '../../http/types.js';

export async function auditRoutes(app: App, ctx: AppContext): Promise<void> {
  void app;
  void ctx;
}
