import { z } from 'zod';
import type { App, AppContext } from '../../../http/types.js';
import { UAE_PROFILES, type UaeProfile } from '../salary-files/index.js';
import { Acknowledgement } from './acknowledgement.js';
import { importSalaryFiles } from './import-salary-files.js';
import { getFile, listFiles, ListFilesQuery } from './read-files.js';

export const UPLOAD_TYPES = ['text/plain', 'text/csv', 'application/octet-stream'];
/** A SIF line is ~100 bytes: 64 MiB is over half a million workers in one file. */
export const UPLOAD_LIMIT = 64 * 1024 * 1024;

const UploadQuery = z.object({
  name: z.string().min(1).max(255).optional().describe('File name (or the X-File-Name header); checked against the naming rule of its format'),
  format: z.enum(['uae-sif', 'qatar-sif', 'csv']).optional().describe('Skip format detection'),
  profiles: z
    .string()
    .regex(new RegExp(`^(${UAE_PROFILES.join('|')})(,(${UAE_PROFILES.join('|')}))*$`))
    .optional()
    .describe(`UAE SIF bank profiles, comma-separated: ${UAE_PROFILES.join(', ')} (strict always applies)`),
});
const FileParams = z.object({ id: z.string() });

export async function fileRoutes(app: App, ctx: AppContext): Promise<void> {
  const tags = ['wages'];

  app.post(
    '/api/v1/wages/files',
    {
      config: { scope: 'wages:submit' },
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags,
        summary: 'Submit one salary information file (raw body), taken whole or refused whole',
        description: `Send the file's exact bytes as the body (${UPLOAD_TYPES.join(', ')}). 201 accepted, 200 duplicate (the same bytes as an accepted file; nothing counted again), 422 rejected (the acknowledgement lists every error by line). A wage agent may only submit for employers that mandated it.`,
        querystring: UploadQuery,
        consumes: UPLOAD_TYPES,
        response: { 200: Acknowledgement, 201: Acknowledgement, 422: Acknowledgement },
      },
    },
    async (request, reply) => {
      const body = request.body as Buffer;
      const header = request.headers['x-file-name'];
      const name = request.query.name ?? (typeof header === 'string' ? header : undefined) ?? 'upload';
      const profiles = request.query.profiles?.split(',') as UaeProfile[] | undefined;
      const [ack] = await importSalaryFiles(ctx.database, request.actor, [{ name, open: () => [body], format: request.query.format, profiles }]);
      return reply.status(ack!.status === 'accepted' ? 201 : ack!.status === 'duplicate' ? 200 : 422).send(ack!);
    },
  );

  app.get(
    '/api/v1/wages/files',
    {
      config: { scope: 'wages:read' },
      schema: {
        tags,
        summary: 'Acknowledgements of salary files: an agent its submissions, an employer its files, a destination authority its employers\'',
        querystring: ListFilesQuery,
        response: { 200: z.object({ files: z.array(Acknowledgement) }) },
      },
    },
    async (request) => ({ files: await listFiles(ctx.database.db, request.actor, request.query) }),
  );

  app.get(
    '/api/v1/wages/files/:id',
    {
      config: { scope: 'wages:read' },
      schema: { tags, summary: 'One acknowledgement, with its errors and warnings by line', params: FileParams, response: { 200: Acknowledgement } },
    },
    async (request) => getFile(ctx.database.db, request.actor, request.params.id),
  );
}
