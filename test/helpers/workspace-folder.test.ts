import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './cli.js';
import { demoFolder, workspaceFolder } from './workspace-folder.js';

describe('workspace folders for command-line tests', () => {
  it('unpacks a workspace as init leaves it, and the demo, that the command line opens', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-folder-test-'));
    try {
      const ws = await workspaceFolder(path.join(dir, 'ws'));
      const status = await runInProcess(['status', '--json', '--fresh', '--data', ws]);
      expect(status.stderr).toBe('');
      const parsed = JSON.parse(status.stdout) as { counts: Record<string, number>; settings: { councilCode: string } };
      expect(parsed.counts.areas).toBeGreaterThan(400);
      expect(parsed.counts.plans).toBe(0);
      expect(parsed.settings.councilCode).toBe('E10000018');
      const demo = await demoFolder(path.join(dir, 'demo'));
      const d = JSON.parse((await runInProcess(['status', '--json', '--fresh', '--data', demo])).stdout) as { counts: Record<string, number> };
      expect(d.counts.plans).toBe(1);
      await expect(workspaceFolder(demo)).rejects.toThrow(/already holds a database/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
