import pino, { type DestinationStream, type Level } from 'pino';

/**
 * Where a secret could reach a log line: Fastify's serializers log no headers or bodies today, but a
 * log call that passes a request, a body or a row must not leak a credential either. pino replaces
 * these paths with "[Redacted]" before the line is written.
 */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...['password', 'currentPassword', 'newPassword', 'token', 'secret', 'csrfToken', 'cookieValue', 'passwordHash'].flatMap((key) => [
    key,
    `*.${key}`,
  ]),
];

/** The server's logger: JSON lines, human-readable on a terminal; tests pass a stream to read what it writes. */
export function createLogger(level: Level | 'silent', destination?: DestinationStream) {
  const options = {
    level,
    redact: LOG_REDACT_PATHS,
    transport: !destination && process.stdout.isTTY ? { target: 'pino-pretty' } : undefined,
  };
  return destination ? pino(options, destination) : pino(options);
}
