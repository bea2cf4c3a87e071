// The embedded workspace's lock: a second holder is refused by name before anything is touched, a
// lock whose process has died is taken over, and closing the store gives the workspace back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { LOCK_FILE, WorkspaceLockedError, describeThisProcess, lockWorkspace, workspaceHolder } from './workspace-lock.js';
import { openStore } from './index.js';

let dir: string;
const children: ChildProcess[] = [];
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-lock-')); });
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A live Node process that is not this one, to stand for another Compendium holding the lock. */
function otherNode(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(child);
  return child.pid!;
}
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.pid'], { stdio: 'ignore' }).pid!;
}
function writeLock(pid: number, command = 'compendium serve --port 3000', detail?: string): void {
  fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid, command, detail, startedAt: '2026-12-07T09:00:00.000Z', host: os.hostname() }));
}

describe('the workspace lock', () => {
  it('refuses a second holder with one sentence naming the process and how to proceed', () => {
    const pid = otherNode();
    writeLock(pid, 'compendium serve --port 3000', 'at http://127.0.0.1:3000');
    let error: unknown;
    try {
      lockWorkspace(dir, 'compendium status');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkspaceLockedError);
    const message = (error as Error).message;
    expect(message).toBe(
      `The workspace in ${dir} is in use by compendium serve --port 3000 at http://127.0.0.1:3000 (pid ${pid} on ${os.hostname()}, running since 2026-12-07 09:00:00 UTC): ` +
      'stop that process and try again, or move the workspace to PostgreSQL to use it from several processes at once (README, "Moving to PostgreSQL").',
    );
    expect(message.split(/\.\s/).length).toBe(1);
    expect(workspaceHolder(dir)?.pid).toBe(pid);
  });

  it('takes over a lock whose process is no longer running, or whose pid now belongs to another program', () => {
    const dead = deadPid();
    writeLock(dead);
    const lock = lockWorkspace(dir, 'compendium status');
    expect(lock.tookOverFrom?.pid).toBe(dead);
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8'))).toMatchObject({ pid: process.pid, command: 'compendium status' });
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);

    const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    children.push(sleeper);
    writeLock(sleeper.pid!);
    const again = lockWorkspace(dir);
    expect(again.tookOverFrom?.pid).toBe(sleeper.pid);
    again.release();

    // Our own pid in a lock from before this process started: an earlier life of the pid (a container's pid 1).
    writeLock(process.pid);
    const mine = lockWorkspace(dir);
    expect(mine.tookOverFrom?.pid).toBe(process.pid);
    mine.release();
  });

  it('respects a lock of this pid made since this process started (another thread of it)', () => {
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, command: 'compendium serve', startedAt: new Date().toISOString(), host: os.hostname() }));
    expect(() => lockWorkspace(dir)).toThrow(WorkspaceLockedError);
  });

  it('is held once within a process too, and notes what the holder is doing', () => {
    const lock = lockWorkspace(dir, 'compendium serve');
    expect(() => lockWorkspace(dir, 'compendium status')).toThrow(WorkspaceLockedError);
    lock.note('at http://127.0.0.1:3101');
    expect(workspaceHolder(dir)).toMatchObject({ pid: process.pid, detail: 'at http://127.0.0.1:3101' });
    lock.release();
    expect(workspaceHolder(dir)).toBeNull();
  });

  it('describes the command as typed, without the data folder', () => {
    expect(describeThisProcess(['node', '/x/bin/compendium.js', '--data', '/tmp/d', 'serve', '--port', '3000', '--debug'])).toBe('compendium serve --port 3000');
    expect(describeThisProcess(['node', '/x/bin/compendium.js', '-d', 'd', 'status'])).toBe('compendium status');
  });

  it('keeps openStore from touching a workspace another process holds, and is given back on close', async () => {
    writeLock(otherNode());
    await expect(openStore({ dataDir: dir })).rejects.toThrow(/is in use by compendium serve --port 3000/);
    expect(fs.readdirSync(dir)).toEqual([LOCK_FILE]);

    fs.rmSync(path.join(dir, LOCK_FILE));
    const snapshot = new Blob([fs.readFileSync(inject('pgliteSnapshot'))]);
    const store = await openStore({ dataDir: dir, snapshot });
    expect(workspaceHolder(dir)?.pid).toBe(process.pid);
    await expect(openStore({ dataDir: dir })).rejects.toThrow(WorkspaceLockedError);
    await store.close();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const reopened = await openStore({ dataDir: dir });
    await reopened.close();
  });
});
