import type { App, AppContext } from './types.js';

/** Every module's routes, in one list. */
export async function registerModuleRoutes(app: App, ctx: AppContext): Promise<void> {
  void app;
  void ctx;
}
