// `npm start` on a fresh data folder serves the demo, and `compendium demo` reports it: the real bin,
// a real embedded database in a temporary folder, and the real web server; then `demo` in process.
// The folder starts as `compendium init` leaves one (test/helpers/workspace-folder.ts): migrating a
// folder from nothing is src/cli/run.test.ts's subject (init on a new folder) and cost this test
// most of its time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoContent } from '../../src/services/demo/content.js';
import { runCompendium, runInProcess } from '../helpers/cli.js';
import { workspaceFolder } from '../helpers/workspace-folder.js';

const DEMO_USERS = demoContent().users;

let dir: string;
const start = (args: string[], until?: RegExp) => runCompendium(args, { cwd: dir, until, timeoutMs: 240_000 });

beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-demo-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the demo from the command line', { timeout: 300_000 }, () => {
  it('serve --demo on a fresh folder loads the demo, prints the accounts and serves its plan; demo then leaves it be', async () => {
    const data = await workspaceFolder(path.join(dir, 'data'));
    const run = await start(['serve', '--demo', '--port', '0', '--data', data], /running at (http:\S+)/);
    try {
      const url = /running at (http:\S+)/.exec(run.stdout)?.[1];
      expect(url, run.stdout + run.stderr).toBeDefined();
      expect(run.stdout).toContain('Loaded the demo workspace: Demoshire County Council');
      for (const u of DEMO_USERS) expect(run.stdout).toMatch(new RegExp(`${u.email}\\s+${u.password}`));
      const home = await (await fetch(url!)).text();
      expect(home).toContain('Demoshire Strategic Plan 2022–2026');
      expect(home).toContain('A Cleaner, Greener Demoshire');
    } finally {
      run.child.kill('SIGTERM');
      await new Promise((r) => (run.child.exitCode === null ? run.child.once('close', r) : r(null)));
    }

    const again = await runInProcess(['demo', '--json', '--data', data]);
    expect(again.code, again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary).toMatchObject({ loaded: false, council: { code: 'X10000001' }, group: { name: 'demo-peers', members: 16 } });
    expect(summary.counts.indicators).toBe(12);
    expect(summary.credentials.map((c: { email: string }) => c.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
  });
});
