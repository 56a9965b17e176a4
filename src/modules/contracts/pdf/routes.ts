import type { App, AppContext } from '../../../http/types.js';
import { ContractParams } from '../contract.schema.js';
import { contractPdf } from './contract-pdf.js';
import { ContractPdfQuery } from './contract-pdf.schema.js';
import { PdfRenderer } from './pdf-renderer.js';

/** GET /api/v1/contracts/:id/pdf: the worker's copy of a registered contract, printed by headless Chromium. */
export async function contractPdfRoutes(app: App, ctx: AppContext): Promise<void> {
  const renderer = new PdfRenderer();
  app.addHook('onClose', async () => renderer.close());
  const base = (request: { protocol: string; host: string }) => ctx.config.publicUrl ?? `${request.protocol}://${request.host}`;

  app.get(
    '/api/v1/contracts/:id/pdf',
    {
      config: { scope: 'contracts:read' },
      schema: {
        tags: ['contracts'],
        summary: "The worker's copy of the registered contract as a PDF (application/pdf), in a language of the contract or of the platform, with its QR code and the digest of the terms",
        params: ContractParams,
        querystring: ContractPdfQuery,
      },
    },
    async (request, reply) => {
      const result = await contractPdf(ctx.database.db, renderer, request.actor, { id: request.params.id, lang: request.query.lang, baseUrl: base(request) });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${result.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(result.pdf);
    },
  );
}
