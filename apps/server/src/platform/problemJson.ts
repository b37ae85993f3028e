import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable, isDiskFull } from './dbErrors.ts';
import { AppError, type FieldError } from './errors.ts';

type Problem = { status: number; code: string; title: string; detail?: string; errors?: FieldError[] };

export function sendProblem(req: FastifyRequest, reply: FastifyReply, p: Problem, headers: Record<string, string> = {}) {
  return reply
    .code(p.status)
    .headers(headers)
    .type('application/problem+json')
    .send({
      type: `urn:tierline:problem:${p.code}`,
      title: p.title,
      status: p.status,
      detail: p.detail,
      code: p.code,
      requestId: String(req.id),
      ...(p.errors ? { errors: p.errors } : {}),
    });
}

const FASTIFY_CLIENT_ERRORS: Record<string, Problem> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json', title: 'Bad request', detail: 'The body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json', title: 'Bad request', detail: 'The JSON body is empty' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    title: 'Unsupported media type',
    detail: 'Send application/json',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'too_large', title: 'Payload too large', detail: 'The body is too large' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_content_length', title: 'Bad request' },
};

/**
 * Errors Fastify answers before routing (a URL that does not decode, a path parameter over the
 * router's length limit) bypass the error handler; this sends them as problem+json too.
 */
export function frameworkErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  reply.header('x-request-id', req.id);
  const status = err.statusCode === 414 ? 414 : 400;
  return sendProblem(req, reply, {
    status,
    code: status === 414 ? 'uri_too_long' : 'bad_url',
    title: 'Bad request',
    detail: 'The URL could not be read',
  });
}

/** Turns every error into application/problem+json; never a stack trace or a database message. */
export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return sendProblem(
        req,
        reply,
        { status: err.status, code: err.code, title: err.title, detail: err.message, errors: err.errors },
        err.headers,
      );
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext;
      const errors = err.validation.map((issue) => ({
        path:
          String(issue.instancePath ?? '')
            .replace(/^\//, '')
            .replaceAll('/', '.') || String(where ?? ''),
        message: issue.message ?? 'invalid',
      }));
      const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
      return sendProblem(req, reply, {
        status: 400,
        code: 'validation_failed',
        title: 'Bad request',
        detail: `Invalid ${where}: ${detail}`,
        errors,
      });
    }
    if (err.code && FASTIFY_CLIENT_ERRORS[err.code]) return sendProblem(req, reply, FASTIFY_CLIENT_ERRORS[err.code]);
    if (err instanceof SyntaxError || err.statusCode === 400) {
      return sendProblem(req, reply, { status: 400, code: 'bad_request', title: 'Bad request', detail: 'The request could not be read' });
    }
    if (err.statusCode === 429) {
      return sendProblem(req, reply, {
        status: 429,
        code: 'too_many_requests',
        title: 'Too many requests',
        detail: 'Slow down and try again shortly',
      });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendProblem(req, reply, { status: err.statusCode, code: 'client_error', title: 'Bad request', detail: err.code });
    }
    // The database itself failing is not a bug of ours: say what happened, so clients retry and operators know where to look.
    if (isDatabaseUnavailable(err)) {
      req.log.error({ err }, 'database unavailable');
      return sendProblem(
        req,
        reply,
        {
          status: 503,
          code: 'database_unavailable',
          title: 'Service unavailable',
          detail: 'The database does not answer; try again shortly',
        },
        { 'retry-after': '5' },
      );
    }
    if (isDiskFull(err)) {
      req.log.error({ err }, 'database disk full');
      return sendProblem(req, reply, {
        status: 507,
        code: 'storage_full',
        title: 'Insufficient storage',
        detail: 'The database has no disk space left, so nothing was saved; an administrator must free space',
      });
    }
    if (isResponseSerializationError(err)) req.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
    else req.log.error({ err }, 'unhandled error');
    return sendProblem(req, reply, {
      status: 500,
      code: 'internal_error',
      title: 'Internal server error',
      detail: 'Something went wrong on our side; the request id helps us find it',
    });
  });
}
