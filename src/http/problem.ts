import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODES, type FieldProblem } from '../core/errors.js';
import { problemCode } from '../core/validation.js';

export const PROBLEM_TYPE_BASE = 'https://corridor.dev/problems/';

/** RFC 9457 problem details: the one way every error leaves the server. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const spec = ERROR_CODES[error.code];
  return reply
    .status(spec.status)
    .type('application/problem+json')
    .send({
      type: PROBLEM_TYPE_BASE + error.code.replaceAll('_', '-'),
      title: spec.title,
      status: spec.status,
      detail: error.message,
      instance: request.url,
      code: error.code,
      request_id: request.id,
      ...(error.problems.length ? { errors: error.problems } : {}),
      ...error.extra,
    });
}

/** Turns whatever was thrown into an AppError; anything unexpected is logged and shown only by request id. */
export function toAppError(error: unknown, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const problems: FieldProblem[] = error.validation.map((v) => ({
      pointer: v.instancePath === '/' ? '' : v.instancePath,
      message: v.message ?? 'invalid',
      ...problemCode(v.keyword, v.params ?? {}),
      ...(where !== 'body' ? { in: where } : {}),
    }));
    return new AppError('validation_failed', `The request ${where} is not valid`, problems);
  }
  const fe = error as FastifyError;
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode < 500) {
    if (fe.statusCode === 429) return new AppError('rate_limited', fe.message);
    if (fe.statusCode === 415 || fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return new AppError('bad_request', 'Send the body as application/json');
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('bad_request', 'The body is too large');
    if (fe.code?.startsWith('FST_ERR_CTP') || fe.statusCode === 400)
      return new AppError('bad_request', `The request body could not be read: ${fe.message}`);
    if (fe.statusCode === 404) return new AppError('not_found', 'No such resource');
  }
  request.log.error({ err: error }, 'unexpected error');
  return new AppError('internal', `Something went wrong on our side. Quote request id ${request.id} when you report it.`);
}
