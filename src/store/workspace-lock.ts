// One writer per embedded workspace: PGlite has no locking of its own, so two processes on one data
// folder each keep their own picture of the files and overwrite each other's work. A lock file made
// with O_EXCL says which process holds the folder; another process is refused at once, by name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WORKSPACE_SENTENCES } from './workspace-sentences.js';

export const LOCK_FILE = 'compendium.lock';

/** What the lock file records about its holder. */
export interface LockHolder {
  pid: number;
  /** The command as a person would type it, e.g. "compendium serve --port 3000". */
  command: string;
  /** Filled in once known, e.g. "on port 3000". */
  detail?: string;
  startedAt: string;
  host: string;
}

/** Raised when another live process holds the workspace; the message is one sentence naming it. */
export class WorkspaceLockedError extends Error {
  override readonly name = 'WorkspaceLockedError';
  constructor(readonly dataDir: string, readonly holder: LockHolder) {
    super(WORKSPACE_SENTENCES.locked(dataDir, holder));
  }
}

export interface WorkspaceLock {
  file: string;
  /** Set when the lock was taken over from a process that had died without releasing it. */
  tookOverFrom?: LockHolder;
  /** Records what the holder is doing (e.g. which port it serves), for the message others get. */
  note(detail: string): void;
  release(): void;
}

/** The command line of this process, as the person typed it (the bin's path and node left out). */
export function describeThisProcess(argv = process.argv): string {
  // The data folder is named in the message already; --debug says nothing about what runs.
  const args = argv.slice(2).filter((a, i, all) => a !== '--debug' && !/^(-d|--data)(=|$)/.test(a) && !/^(-d|--data)$/.test(all[i - 1] ?? ''));
  const script = path.basename(argv[1] ?? '');
  if (/compendium/.test(argv[1] ?? '') || /main\.[jt]s$/.test(script)) return ['compendium', ...args].join(' ');
  return [path.basename(argv[0] ?? 'node'), script, ...args].filter(Boolean).join(' ');
}

/** When this process started (ms since the epoch). */
const PROCESS_STARTED = Date.now() - process.uptime() * 1000;

/** The locks this process holds, by lock file. */
const held = new Map<string, WorkspaceLock>();

function readHolder(file: string): LockHolder | null {
  try {
    const h = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' ? h : null;
  } catch {
    return null;
  }
}

/** True when the process named in the lock is still running on this machine. */
function isAlive(holder: LockHolder, file: string): boolean {
  if (holder.host !== os.hostname()) return true; // another machine's process cannot be checked from here
  // Our own pid: held by this process (any thread of it), or left by an earlier life of the same pid
  // (pid 1 in a container restarted), which started before this process did.
  if (holder.pid === process.pid) return held.has(file) || Date.parse(holder.startedAt) >= PROCESS_STARTED - 1000;
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  // The pid is in use: by the holder, or by an unrelated program that was given the same number.
  try {
    const cmdline = fs.readFileSync(`/proc/${holder.pid}/cmdline`, 'utf8');
    return /node|compendium|tsx|vitest/.test(cmdline);
  } catch {
    return true;
  }
}

function sameHolder(a: LockHolder | null, b: LockHolder | null): boolean {
  return !!a && !!b && a.pid === b.pid && a.startedAt === b.startedAt && a.host === b.host;
}

/**
 * Removes a stale lock under a short-lived second lock, re-reading it there first, so that two
 * processes taking over at once cannot remove the fresh lock the other has just made.
 */
function removeStale(file: string, stale: LockHolder | null): boolean {
  const guard = `${file}.takeover`;
  try {
    const fd = fs.openSync(guard, 'wx');
    fs.closeSync(fd);
  } catch {
    try {
      if (Date.now() - fs.statSync(guard).mtimeMs > 5000) fs.rmSync(guard, { force: true });
    } catch { /* gone already */ }
    return false;
  }
  try {
    const now = readHolder(file);
    if (stale === null ? now === null : sameHolder(now, stale)) fs.rmSync(file, { force: true });
    return true;
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

/** Waits synchronously (the lock is taken before anything else can run). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

let exitHookInstalled = false;

function installExitHooks(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const lock of [...held.values()]) lock.release();
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      // When the program has its own handler (serve closes the server first), it exits in its own
      // time and the exit hook releases the lock; otherwise release it and end as the signal would.
      if (process.listenerCount(signal) > 1) return;
      for (const lock of [...held.values()]) lock.release();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/**
 * Takes the workspace's lock or throws WorkspaceLockedError naming the live holder. A lock left by a
 * process that is no longer running is taken over (tookOverFrom says whose it was).
 */
export function lockWorkspace(dataDir: string, command = describeThisProcess()): WorkspaceLock {
  const file = path.join(dataDir, LOCK_FILE);
  const existing = held.get(file);
  if (existing) throw new WorkspaceLockedError(dataDir, readHolder(file) ?? { pid: process.pid, command, startedAt: '', host: os.hostname() });
  const me: LockHolder = { pid: process.pid, command, startedAt: new Date().toISOString(), host: os.hostname() };
  let tookOverFrom: LockHolder | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o644);
      try {
        fs.writeSync(fd, JSON.stringify(me) + '\n');
      } finally {
        fs.closeSync(fd);
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readHolder(file);
    // A lock file still being written (empty for an instant) is given a moment before being judged.
    if (holder === null && attempt < 5) {
      sleep(20);
      continue;
    }
    if (holder && isAlive(holder, file)) throw new WorkspaceLockedError(dataDir, holder);
    if (attempt > 20) throw new WorkspaceLockedError(dataDir, holder ?? me);
    tookOverFrom = holder ?? undefined;
    // Another process may be taking over at the same moment: give it a moment before looking again.
    if (!removeStale(file, holder)) sleep(20);
  }

  const lock: WorkspaceLock = {
    file,
    tookOverFrom,
    note(detail: string) {
      if (!held.has(file)) return;
      me.detail = detail;
      const tmp = `${file}.${process.pid}`;
      fs.writeFileSync(tmp, JSON.stringify(me) + '\n');
      fs.renameSync(tmp, file);
    },
    release() {
      if (!held.delete(file)) return;
      if (sameHolder(readHolder(file), me)) fs.rmSync(file, { force: true });
    },
  };
  held.set(file, lock);
  installExitHooks();
  return lock;
}

/** Who holds the workspace now, if anyone (for status and the operations guide's checks). */
export function workspaceHolder(dataDir: string): LockHolder | null {
  const file = path.join(dataDir, LOCK_FILE);
  const holder = readHolder(file);
  return holder && isAlive(holder, file) ? holder : null;
}
