// compendium status answers from the status the workspace's last holder recorded while the database
// files are exactly as it left them, and reads the database whenever they might not be. Each folder
// starts as init leaves one (helpers/workspace-folder.ts); init then runs on it as on any workspace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockWorkspace } from '../../src/store/workspace-lock.js';
import { runInProcess } from '../helpers/cli.js';
import { workspaceFolder } from '../helpers/workspace-folder.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-status-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Status { counts: Record<string, number>; recordedAt?: string; settings: { councilCode: string } }
const status = async (ws: string, ...extra: string[]) => {
  const r = await runInProcess(['status', '--json', '--data', ws, ...extra]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Status;
};

describe('compendium status', { timeout: 120_000 }, () => {
  it('answers from the recorded status until the database changes, then reads it again', async () => {
    const ws = await workspaceFolder(path.join(dir, 'ws'));
    expect((await runInProcess(['init', '--data', ws])).code).toBe(0);
    const recorded = await status(ws);
    expect(recorded.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const fresh = await status(ws, '--fresh');
    expect(fresh.recordedAt).toBeUndefined();
    expect(recorded.counts).toEqual(fresh.counts);
    expect(recorded.settings).toEqual(fresh.settings);

    // A command that writes records the new state when it closes.
    const added = await runInProcess(['user', 'add', '--data', ws, '--email', 'new@council.gov.uk', '--name', 'New', '--role', 'viewer']);
    expect(added.code).toBe(0);
    const after = await status(ws);
    expect(after.recordedAt).toBeDefined();
    expect(after.counts.users).toBe(fresh.counts.users + 1);

    // Database files changed by anything else: the record no longer describes them, so it is not used.
    const wal = path.join(ws, 'db', 'pg_wal');
    const segment = fs.readdirSync(wal).find((n) => fs.statSync(path.join(wal, n)).isFile())!;
    const t = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(wal, segment), t, t);
    expect((await status(ws)).recordedAt).toBeUndefined();
  });

  it('never answers from the record while another process holds the workspace', async () => {
    const ws = await workspaceFolder(path.join(dir, 'held'));
    expect((await runInProcess(['init', '--data', ws])).code).toBe(0);
    expect((await status(ws)).recordedAt).toBeDefined();
    const lock = lockWorkspace(ws, 'compendium serve --port 3999');
    try {
      // The lock names this process, which is alive: status opens the database and is refused.
      const r = await runInProcess(['status', '--data', ws]);
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe('');
    } finally {
      lock.release();
    }
  });
});
