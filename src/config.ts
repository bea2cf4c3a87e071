// The only reader of process.env. Every setting has a default that works on a laptop.
import path from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  COMPENDIUM_DATA: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HOST: z.string().optional(),
  COMPENDIUM_PUBLIC_URL: z.string().optional(),
  CHROMIUM_PATH: z.string().optional(),
  COMPENDIUM_SESSION_DAYS: z.coerce.number().positive().optional(),
  COMPENDIUM_MAX_UPLOAD_MB: z.coerce.number().positive().optional(),
  TEST_DATABASE_URL: z.string().optional(),
  NODE_ENV: z.string().optional(),
  COMPENDIUM_PASSWORD_COST: z.enum(['owasp', 'test']).optional(),
  TRUST_PROXY: z.string().optional(),
});

/** scrypt's cost parameters (N, the memory and CPU cost, a power of two; r, the block size; p, parallelism). */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** OWASP's current recommendation for scrypt: N = 2^17, r = 8, p = 1 (128 MiB a hash). */
export const OWASP_SCRYPT: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
/** A cheap cost, for test suites only (vitest.config.ts sets COMPENDIUM_PASSWORD_COST=test). */
export const TEST_SCRYPT: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

export interface Config {
  /** Folder of the embedded database and generated files. */
  dataDir: string;
  /** When set, PostgreSQL is used instead of the embedded database. */
  databaseUrl?: string;
  port: number;
  host: string;
  /** Public address, used for links in emails and to decide whether cookies are Secure. */
  publicUrl?: string;
  chromiumPath: string;
  sessionDays: number;
  maxUploadBytes: number;
  /** PostgreSQL used by `npm run test:pg`. */
  testDatabaseUrl?: string;
  production: boolean;
  /** The scrypt cost of new password hashes: OWASP's recommendation, lower only in test runs. */
  passwordCost: ScryptCost;
  /**
   * Which proxies to believe about the client's address (TRUST_PROXY): none by default, so the
   * connection's address is used; with a number n, the n-th address from the right of
   * X-Forwarded-For (1: the proxy in front of Compendium wrote it).
   */
  trustProxyHops: number;
}

export interface ConfigOverrides {
  dataDir?: string;
  databaseUrl?: string;
  port?: number;
  host?: string;
}

export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const e = EnvSchema.parse(env);
  return {
    dataDir: path.resolve(overrides.dataDir ?? e.COMPENDIUM_DATA ?? './data'),
    databaseUrl: overrides.databaseUrl ?? (e.DATABASE_URL || undefined),
    port: overrides.port ?? e.PORT ?? 3000,
    host: overrides.host ?? e.HOST ?? '127.0.0.1',
    publicUrl: e.COMPENDIUM_PUBLIC_URL,
    chromiumPath: e.CHROMIUM_PATH ?? '/usr/bin/chromium',
    sessionDays: e.COMPENDIUM_SESSION_DAYS ?? 14,
    maxUploadBytes: Math.round((e.COMPENDIUM_MAX_UPLOAD_MB ?? 100) * 1024 * 1024),
    testDatabaseUrl: e.TEST_DATABASE_URL,
    production: e.NODE_ENV === 'production',
    passwordCost: passwordCostOf(e.COMPENDIUM_PASSWORD_COST, e.NODE_ENV),
    trustProxyHops: trustProxyOf(e.TRUST_PROXY),
  };
}

function passwordCostOf(setting: string | undefined, nodeEnv: string | undefined): ScryptCost {
  if (setting !== 'test') return OWASP_SCRYPT;
  if (nodeEnv !== 'test') throw new Error('COMPENDIUM_PASSWORD_COST=test is for test runs only (NODE_ENV=test): unset it');
  return TEST_SCRYPT;
}

function trustProxyOf(setting: string | undefined): number {
  const v = (setting ?? '').trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0' || v === 'no') return 0;
  if (v === 'true' || v === 'yes') return 1;
  if (/^\d+$/.test(v) && Number(v) <= 10) return Number(v);
  throw new Error(`TRUST_PROXY must be false, true or the number of proxies in front of Compendium (1 to 10), not "${setting}"`);
}
