import path from 'node:path';
import { z } from 'zod';
import { defaultWebDist } from './paths.ts';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

/**
 * Every setting Tierline reads from the environment, with its default.
 * Parsed once at start; an invalid value stops the start with one line naming the variable.
 */
const ZConfig = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    TIERLINE_ADMIN_EMAIL: z
      .email()
      .optional()
      .or(z.literal('').transform(() => undefined)),
    TIERLINE_ADMIN_PASSWORD: z
      .string()
      .min(10, 'must be at least 10 characters')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    TIERLINE_ORG_NAME: z.string().min(1).max(200).default('Tierline'),
    TIERLINE_ALLOW_SIGNUP: booleanFlag,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Serve the built web app from this folder (apps/web/dist by default). */
    WEB_DIST: z.string().optional(),
    /** Set when Tierline sits behind a TLS-terminating proxy: cookies become Secure. */
    TRUST_PROXY: booleanFlag,
    /** Minutes between runs of the public-pool sweep (warnings and reclaims); 0 turns it off. */
    TIERLINE_POOL_SWEEP_MINUTES: z.coerce.number().int().min(0).max(1440).default(60),
    /** Milliseconds an idle job worker waits before looking for due jobs again. */
    TIERLINE_JOB_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    /** How long a job stays its worker's without a heartbeat: after a crash, another process takes it over then. */
    TIERLINE_JOB_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(300_000),
    /** Let webhooks target private, loopback and link-local addresses (an instance whose receivers are on its own network). */
    TIERLINE_WEBHOOK_ALLOW_PRIVATE: booleanFlag,
  })
  .refine((c) => !c.TIERLINE_ADMIN_EMAIL === !c.TIERLINE_ADMIN_PASSWORD, {
    path: ['TIERLINE_ADMIN_PASSWORD'],
    message: 'TIERLINE_ADMIN_EMAIL and TIERLINE_ADMIN_PASSWORD must be set together',
  });

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  bootstrapAdmin?: { email: string; password: string; orgName: string };
  allowSignup: boolean;
  logLevel: z.infer<typeof ZConfig>['LOG_LEVEL'];
  webDist: string;
  trustProxy: boolean;
  poolSweepMinutes: number;
  jobPollMs: number;
  jobLeaseMs: number;
  webhookAllowPrivate: boolean;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid configuration: ${issue.path.join('.')} ${issue.message}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    bootstrapAdmin:
      c.TIERLINE_ADMIN_EMAIL && c.TIERLINE_ADMIN_PASSWORD
        ? { email: c.TIERLINE_ADMIN_EMAIL.toLowerCase(), password: c.TIERLINE_ADMIN_PASSWORD, orgName: c.TIERLINE_ORG_NAME }
        : undefined,
    allowSignup: c.TIERLINE_ALLOW_SIGNUP,
    logLevel: c.LOG_LEVEL,
    webDist: path.resolve(c.WEB_DIST ?? defaultWebDist),
    trustProxy: c.TRUST_PROXY,
    poolSweepMinutes: c.TIERLINE_POOL_SWEEP_MINUTES,
    jobPollMs: c.TIERLINE_JOB_POLL_MS,
    jobLeaseMs: c.TIERLINE_JOB_LEASE_MS,
    webhookAllowPrivate: c.TIERLINE_WEBHOOK_ALLOW_PRIVATE,
  };
}
