// Runs the `compendium` command in its own process without blocking the vitest worker (a blocked
// worker cannot report). It runs the TypeScript sources through tsx, so tests never see a stale dist/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn, type ChildProcess } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '../..');
// tsx's loader by its full address: a bare `--import tsx` resolves from the command's cwd (often a temporary folder).
const TSX = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  child: ChildProcess;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Written to the command's standard input, which is then closed. */
  stdin?: string;
  /** Resolve as soon as stdout matches, leaving the command running (a server); kill `child` when done. */
  until?: RegExp;
}

/** Runs the command with a clean environment (no DATABASE_URL or COMPENDIUM_DATA from the caller's shell). */
export function runCompendium(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, path.join(root, 'src/cli/main.ts'), ...args], {
      cwd: options.cwd, env: { ...process.env, DATABASE_URL: '', COMPENDIUM_DATA: '', ...options.env },
    });
    const run: CliRun = { code: null, stdout: '', stderr: '', child };
    const timer = setTimeout(() => child.kill(), options.timeoutMs ?? 90_000);
    child.stdout.on('data', (d: Buffer) => {
      run.stdout += d.toString();
      if (options.until?.test(run.stdout)) { clearTimeout(timer); resolve(run); }
    });
    child.stderr.on('data', (d: Buffer) => { run.stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => { clearTimeout(timer); run.code = code; resolve(run); });
    child.stdin.end(options.stdin ?? '');
  });
}

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

let running = false;

/**
 * Runs `compendium` in this process through runCli, for tests of what a command does rather than of
 * the bin (a tenth of the time of a process: no start-up, the modules already loaded). Like
 * runCompendium, the command sees no DATABASE_URL or COMPENDIUM_DATA from the caller's shell; its
 * default data folder is `cwd` (as an empty COMPENDIUM_DATA makes it for the bin) or a new temporary folder, and `env` is set
 * for the run only. One run at a time, since the environment is the process's.
 */
export async function runInProcess(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<InProcessRun> {
  if (running) throw new Error('runInProcess: one command at a time (the environment is shared)');
  running = true;
  const env: Record<string, string | undefined> = { DATABASE_URL: undefined, COMPENDIUM_DATA: options.cwd ?? fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-cli-')), ...options.env };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const set = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  set(env);
  const run: InProcessRun = { code: 0, stdout: '', stderr: '' };
  try {
    const { runCli } = await import('../../src/cli/run.js');
    run.code = await runCli(args, { stdout: (s) => { run.stdout += s; }, stderr: (s) => { run.stderr += s; } });
    return run;
  } finally {
    set(saved);
    running = false;
  }
}
