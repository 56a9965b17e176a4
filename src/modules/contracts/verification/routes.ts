import { z } from 'zod';
import type { App, AppContext } from '../../../http/types.js';
import { verificationLink, verificationQrSvg } from './qr-code.js';

const Params = z.object({ contract_no: z.string().min(1).max(64) });

export async function verificationRoutes(app: App, ctx: AppContext): Promise<void> {
  const base = (request: { protocol: string; host: string }) => ctx.config.publicUrl ?? `${request.protocol}://${request.host}`;

  app.get(
    '/api/v1/verify/:contract_no/qr.svg',
    {
      config: { public: true },
      schema: { tags: ['verification'], summary: "The contract's QR code (SVG): the verification page with the offline payload", params: Params },
    },
    async (request, reply) =>
      reply.type('image/svg+xml').header('cache-control', 'public, max-age=60').send(await verificationQrSvg(ctx.database.db, base(request), request.params.contract_no)),
  );

  app.get(
    '/api/v1/verify/:contract_no/link',
    {
      config: { public: true },
      schema: {
        tags: ['verification'],
        summary: 'The address the QR code holds',
        params: Params,
        response: { 200: z.object({ url: z.string() }) },
      },
    },
    async (request) => ({ url: await verificationLink(ctx.database.db, base(request), request.params.contract_no) }),
  );
}
