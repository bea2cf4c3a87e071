// What every command shares: global options, opening the workspace, and printing.
import type { Command } from 'commander';
import { loadConfig, type Config } from '../config.js';
import { CliError } from '../errors.js';
import { openServices, type Services } from '../services/index.js';
import { out } from './output.js';

export interface GlobalOptions {
  data?: string;
  debug?: boolean;
}

export function configFrom(cmd: Command, extra: { port?: number } = {}): Config {
  const opts = cmd.optsWithGlobals<GlobalOptions>();
  return loadConfig({ dataDir: opts.data, ...extra });
}

/**
 * Opens the workspace for a command. A workspace another process holds, or a database that cannot be
 * opened, ends the command with the store's one sentence (and nothing written), not a stack trace.
 */
export async function openWorkspace(config: Config): Promise<Services> {
  let s: Services;
  try {
    s = await openServices(config);
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'WorkspaceLockedError' || name === 'StoreOpenError') throw new CliError((e as Error).message.replace(/\.$/, ''));
    throw e;
  }
  if (s.store.tookOver) out.warn(s.store.tookOver);
  return s;
}

/** Opens the workspace, runs the work and always closes the database again. */
export async function withServices<T>(cmd: Command, work: (s: Services) => Promise<T>, extra: { port?: number } = {}): Promise<T> {
  const s = await openWorkspace(configFrom(cmd, extra));
  try {
    return await work(s);
  } finally {
    await s.store.close();
  }
}

export { out, table } from './output.js';

export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new (class extends Error {})(`--port must be a whole number from 0 to 65535, not "${value}"`);
  return n;
}
