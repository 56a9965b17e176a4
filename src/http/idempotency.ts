import type { FastifyReply, FastifyRequest } from 'fastify';
import { sha256Hex } from '../core/crypto/secrets.js';
import { AppError } from '../core/errors.js';
import type { AppContext } from './types.js';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { actor: string; key: string };
  }
}

const actorKey = (request: FastifyRequest) =>
  request.actor.userId ?? request.actor.tokenId ?? `public:${request.ip}`;

/**
 * Idempotency-Key on POST: the first answer (2xx) is kept and replayed to a repeat, which
 * changes nothing; the same key with another request is refused. A key is reserved before
 * the work starts, so two concurrent repeats cannot both run.
 */
export function idempotencyHooks(ctx: AppContext) {
  const db = () => ctx.database.db;

  const preHandler = async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined) return;
    if (typeof key !== 'string' || key.length < 1 || key.length > 200)
      throw new AppError('bad_request', 'Idempotency-Key must be 1 to 200 characters');
    const actor = actorKey(request);
    const requestHash = sha256Hex(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`);
    const inserted = await db()
      .insertInto('idempotency_keys')
      .values({ actor, key, method: request.method, path: request.url, request_hash: requestHash })
      .onConflict((oc) => oc.doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) {
      request.idempotency = { actor, key };
      return;
    }
    const previous = await db()
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('actor', '=', actor)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    if (previous.request_hash !== requestHash)
      throw new AppError('idempotency_mismatch', 'This Idempotency-Key was used for a different request');
    if (previous.status_code === null) throw new AppError('conflict', 'A request with this Idempotency-Key is still being processed');
    return reply.status(previous.status_code).header('idempotent-replayed', 'true').send(previous.response);
  };

  const onSend = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const idem = request.idempotency;
    if (!idem) return payload;
    request.idempotency = undefined;
    const where = db().updateTable('idempotency_keys').where('actor', '=', idem.actor).where('key', '=', idem.key);
    if (reply.statusCode >= 200 && reply.statusCode < 300) {
      const body = typeof payload === 'string' && payload.length ? JSON.parse(payload) : null;
      await where.set({ status_code: reply.statusCode, response: JSON.stringify(body), completed_at: new Date() }).execute();
    } else {
      // A refused request changed nothing: free the key so a corrected retry may use it.
      await db().deleteFrom('idempotency_keys').where('actor', '=', idem.actor).where('key', '=', idem.key).execute();
    }
    return payload;
  };

  return { preHandler, onSend };
}
