import { readFile } from 'node:fs/promises';
import type { App } from '../../../http/types.js';

/** Corridor's own salary file layout (docs/salary-files.md), with five sample lines: the file agents download and fill in. */
export const SALARY_TEMPLATE = new URL('../../../../docs/examples/salary-template.csv', import.meta.url);

/** Serves the CSV template to anyone: it holds no one's data, and an agent opens it before signing in as often as after. */
export async function salaryTemplateRoute(app: App): Promise<void> {
  app.get(
    '/api/v1/wages/template.csv',
    {
      config: { public: true },
      schema: { tags: ['wages'], summary: "The CSV template of a salary file (Corridor's own layout), with sample lines" },
    },
    async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="salary-template.csv"')
        .header('cache-control', 'public, max-age=3600')
        .send(await readFile(SALARY_TEMPLATE)),
  );
}
