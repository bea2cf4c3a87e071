// Runs the `compendium` command in its own process without blocking the vitest worker (a blocked
// worker cannot report). It runs the TypeScript sources through tsx, so tests never see a stale dist/.
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '../..');
/** tsx's loader by its full address, so commands run from any folder find it. */
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
