// `compendium user`: accounts made from the command line can sign in; mistakes give one clear line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openServices } from '../../src/services/index.js';
import { runCompendium, runInProcess } from '../helpers/cli.js';
import { workspaceFolder } from '../helpers/workspace-folder.js';

const data = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-user-'));
// The workspace starts as init leaves one (helpers/workspace-folder.ts; creating one is tested in src/cli/run.test.ts and demo).
beforeAll(async () => { await workspaceFolder(data); });
afterAll(() => fs.rmSync(data, { recursive: true, force: true }));

// The bin for the piped password (standard input is the process's); in process for the rest.
const bin = (args: string[], stdin: string) => runCompendium(['--data', data, ...args], { stdin });
const run = (args: string[]) => runInProcess(['--data', data, ...args]);

describe('compendium user', { timeout: 180_000 }, () => {
  it('adds users with a piped or a generated password, and refuses an unknown role', async () => {
    const piped = await bin(['user', 'add', '--email', 'Ann@Council.gov.uk', '--name', 'Ann Admin', '--role', 'admin', '--password-stdin'], 'a piped password\n');
    expect(piped).toMatchObject({ code: 0, stdout: 'Created admin Ann Admin <Ann@Council.gov.uk>.\n' });
    const generated = await run(['user', 'add', '--email', 'cy@council.gov.uk', '--name', 'Cy', '--role', 'contributor', '--service', 'Highways', '--service', 'Parks']);
    expect(generated.code).toBe(0);
    const password = /Password: (\S+)/.exec(generated.stdout)?.[1];
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const role = await run(['user', 'add', '--email', 'x@council.gov.uk', '--name', 'X', '--role', 'boss']);
    expect([role.code, role.stderr.split('\n')[0]]).toEqual([1, 'compendium: --role must be one of admin, performance-officer, contributor, viewer, not "boss".']);

    const s = await openServices(loadConfig({ dataDir: data }));
    try {
      expect((await s.auth.signIn({ email: 'ann@council.gov.uk', password: 'a piped password' })).ok).toBe(true);
      const cy = await s.auth.signIn({ email: 'cy@council.gov.uk', password: password! });
      expect(cy.ok && cy.user.services).toEqual(['Highways', 'Parks']);
    } finally {
      await s.store.close();
    }
  });
});
