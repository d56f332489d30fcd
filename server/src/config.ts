import { isIP } from 'node:net';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/** Express's names for address ranges in `trust proxy`. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyEntry(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * Which proxies' `X-Forwarded-For` is believed (it decides the address the sign-in throttle counts), in the
 * values Express's `trust proxy` takes: `false`, `true` (any: only behind a proxy that overwrites the header), a
 * hop count, or a comma-separated list of addresses, CIDRs and `loopback`/`linklocal`/`uniquelocal`.
 */
const trustProxy = z
  .string()
  .trim()
  .default('loopback')
  .transform((value, ctx): boolean | number | string[] => {
    if (value === 'false') return false;
    if (value === 'true') return true;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const bad = entries.filter((entry) => !isProxyEntry(entry));
    if (entries.length === 0 || bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `expected false, true, a hop count or addresses/CIDRs/loopback/linklocal/uniquelocal; not ${bad.join(', ') || 'empty'}`,
      });
      return z.NEVER;
    }
    return entries;
  });

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** A PostgreSQL server; without it the embedded PGlite database is used. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * The role owning the schema, for migrations and the first-run seed; DATABASE_URL is then a role that owns nothing
   * and is granted what the app needs at every start (decision record 021). Without it DATABASE_URL does both.
   */
  DATABASE_OWNER_URL: z.string().url().optional(),
  /** Where PGlite keeps its data (default `.data/pglite` at the repository root). */
  PGLITE_DIR: z.string().optional(),
  /** How many demo cases the first start seeds into an empty database. */
  SEED_CASES: z.coerce.number().int().min(0).max(100_000).default(3000),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: booleanFlag,
  /** `false` keeps this instance from running background jobs (it still serves requests). */
  JOBS_WORKER: booleanFlag,
  TRUST_PROXY: trustProxy,
  /** Channels (README "Channels"); none set keeps the development outbox. Read by modules/channels/config.ts. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM_NAME: z.string().optional(),
  MAIL_FROM_ADDRESS: z.email().optional(),
  MAIL_BOUNCE_ADDRESS: z.email().optional(),
  BOUNCE_WEBHOOK_SECRET: z.string().min(16).optional(),
  PUBLIC_BASE_URL: z.string().url().optional(),
  CHANNELS_LINK_SECRET: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export type Config = z.infer<typeof envSchema>;

/** Reads the environment once, failing fast with the variable at fault. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}
