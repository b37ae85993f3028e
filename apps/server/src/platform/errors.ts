/**
 * Every error a client can see, as RFC 9457 problem details. Use cases throw these;
 * the error handler in app.ts turns them (and anything else) into application/problem+json.
 */
export type FieldError = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
  }
}

export const badRequest = (code: string, detail: string, errors?: FieldError[]) => new AppError(400, code, 'Bad request', detail, errors);

export const unauthenticated = (detail = 'Sign in first') => new AppError(401, 'unauthenticated', 'Not signed in', detail);

export const forbidden = (detail = 'You may not do this') => new AppError(403, 'forbidden', 'Forbidden', detail);

/** Also what another tenant's or another rep's record looks like: never reveal that it exists. */
export const notFound = (entity: string) => new AppError(404, 'not_found', 'Not found', `${entity} not found`);

export const staleVersion = (entity: string, current: number) =>
  new AppError(
    409,
    'stale_version',
    'Conflict',
    `The ${entity} was changed by someone else (now at version ${current}); reload and try again`,
    [{ path: 'version', message: `current version is ${current}` }],
  );

export const conflict = (code: string, detail: string, errors?: FieldError[]) => new AppError(409, code, 'Conflict', detail, errors);

export const unprocessable = (code: string, detail: string, errors?: FieldError[]) =>
  new AppError(422, code, 'Unprocessable', detail, errors);

export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new AppError(429, 'too_many_requests', 'Too many requests', detail, undefined, {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });
