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
});

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
  };
}
