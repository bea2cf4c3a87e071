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
  COMPENDIUM_SMTP_URL: z.string().optional(),
  COMPENDIUM_MAIL_FROM: z.string().optional(),
  COMPENDIUM_MAIL_MODE: z.enum(['smtp', 'file', 'off']).optional(),
  COMPENDIUM_REMINDER_DAYS_BEFORE: z.coerce.number().int().min(0).max(90).optional(),
  COMPENDIUM_REMINDER_DAYS_AFTER: z.coerce.number().int().min(1).max(90).optional(),
  COMPENDIUM_MAIL_EVERY_SECONDS: z.coerce.number().min(0.1).max(3600).optional(),
  COMPENDIUM_REMINDERS_EVERY_SECONDS: z.coerce.number().min(0.1).max(86400).optional(),
});

/** How e-mail leaves: through an SMTP server, written to files in the data folder (the default), or not at all. */
export interface MailConfig {
  mode: 'smtp' | 'file' | 'off';
  /** smtp://user:password@host:port (smtps:// for TLS from the start). */
  smtpUrl?: string;
  from: string;
  /** Where `file` mode writes each message (one .eml file a message). */
  folder: string;
  /** A reminder goes this many days before a duty's due date, and again this many days after it if still not done. */
  reminderDaysBefore: number;
  reminderDaysAfter: number;
  /** How often the web server sends what is queued, and runs reminders and the recurring calendar. */
  sendEverySeconds: number;
  remindEverySeconds: number;
}

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
  mail: MailConfig;
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
    mail: mailOf(e, path.resolve(overrides.dataDir ?? e.COMPENDIUM_DATA ?? './data')),
  };
}

function passwordCostOf(setting: string | undefined, nodeEnv: string | undefined): ScryptCost {
  if (setting !== 'test') return OWASP_SCRYPT;
  if (nodeEnv !== 'test') throw new Error('COMPENDIUM_PASSWORD_COST=test is for test runs only (NODE_ENV=test): unset it');
  return TEST_SCRYPT;
}

function mailOf(e: z.infer<typeof EnvSchema>, dataDir: string): MailConfig {
  const smtpUrl = e.COMPENDIUM_SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/\s]+/.test(smtpUrl)) throw new Error('COMPENDIUM_SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465');
  const mode = e.COMPENDIUM_MAIL_MODE ?? (smtpUrl ? 'smtp' : 'file');
  if (mode === 'smtp' && !smtpUrl) throw new Error('COMPENDIUM_MAIL_MODE=smtp needs COMPENDIUM_SMTP_URL (such as smtp://user:password@mail.council.gov.uk:587)');
  return {
    mode, smtpUrl, from: e.COMPENDIUM_MAIL_FROM ?? 'Compendium <compendium@localhost>', folder: path.join(dataDir, 'mail'),
    reminderDaysBefore: e.COMPENDIUM_REMINDER_DAYS_BEFORE ?? 7, reminderDaysAfter: e.COMPENDIUM_REMINDER_DAYS_AFTER ?? 3,
    sendEverySeconds: e.COMPENDIUM_MAIL_EVERY_SECONDS ?? 30, remindEverySeconds: e.COMPENDIUM_REMINDERS_EVERY_SECONDS ?? 3600,
  };
}

function trustProxyOf(setting: string | undefined): number {
  const v = (setting ?? '').trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0' || v === 'no') return 0;
  if (v === 'true' || v === 'yes') return 1;
  if (/^\d+$/.test(v) && Number(v) <= 10) return Number(v);
  throw new Error(`TRUST_PROXY must be false, true or the number of proxies in front of Compendium (1 to 10), not "${setting}"`);
}
