import type { App, AppContext } from '../../http/types.js';

export async function corridorRoutes(app: App, ctx: AppContext): Promise<void> {
  void app;
  void ctx;
}
