// The command line with bad input: every case is one clear sentence on stderr, a non-zero exit
// code, no stack unless --debug, and existing data left as it was. The first case runs the real
// `compendium` bin once (exit code, stderr without a stack); the rest run it in process (runCli).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { runCompendium, runInProcess } from '../helpers/cli.js';
import { workspaceFolder } from '../helpers/workspace-folder.js';
import { TABLES_IN_ORDER } from '../../src/store/schema.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;

const bin = (args: string[]) => runCompendium(args, { cwd: dir });
const compendium = (args: string[], env: Record<string, string> = {}) => runInProcess(args, { cwd: dir, env });

beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-cli-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('compendium with bad input', { timeout: 180_000 }, () => {
  it('refuses --data that is a file, in one line without a stack', async () => {
    const file = path.join(dir, 'not-a-folder');
    fs.writeFileSync(file, 'keep me');
    const r = await bin(['status', '--data', file]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`The data folder ${file} is a file, not a folder`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
    // The same error with --debug, in process (runCli's handling is the bin's): the stack follows.
    const debug = await compendium(['status', '--data', file, '--debug']);
    expect(debug.code).not.toBe(0);
    expect(debug.stderr).toContain(`The data folder ${file} is a file, not a folder`);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('says which PostgreSQL server it could not reach, without its password', async () => {
    const r = await compendium(['status'], { DATABASE_URL: 'postgres://someone:secret@127.0.0.1:1/nowhere' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Cannot connect to PostgreSQL at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nowhere/);
    expect(r.stderr).not.toContain('secret');
  });

  it('says the port is in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((res) => blocker.listen(0, '127.0.0.1', () => res()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      // The folder as init leaves one: serve opens the workspace before it listens, and migrating a
      // new folder from nothing is run.test.ts's subject, not this one's.
      const ws = await workspaceFolder(path.join(dir, 'ws-port'));
      const r = await compendium(['serve', '--data', ws, '--port', String(port)]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain(`Port ${port} is already in use`);
      expect(r.stderr).toContain('--port');
    } finally {
      blocker.close();
    }
  });

  it('rejects unknown commands, options and bad values with exit code ≠ 0', async () => {
    expect((await compendium(['frobnicate'])).code).not.toBe(0);
    const opt = await compendium(['status', '--no-such-option']);
    expect(opt.code).not.toBe(0);
    expect(opt.stderr).toMatch(/unknown option '--no-such-option'/);
    const port = await compendium(['serve', '--port', 'eighty']);
    expect(port.code).not.toBe(0);
    expect(port.stderr).toContain('--port must be a whole number from 0 to 65535, not "eighty"');
    const help = await compendium(['backup', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: compendium backup \[options\] <file>/);
  });

  it('backs up, refuses truncated and foreign restores, and restores into a new folder', async () => {
    // Both folders start as init leaves one (helpers/workspace-folder.ts; init from nothing is src/cli/run.test.ts's).
    const ws = await workspaceFolder(path.join(dir, 'ws'));
    expect((await compendium(['init', '--data', ws])).code).toBe(0);
    const file = path.join(dir, 'ws.backup.gz');
    const b = await compendium(['backup', file, '--data', ws]);
    expect(b.stderr).toBe('');
    expect(b.stdout).toMatch(/Backed up \d+ rows from \d+ tables/);
    expect((await compendium(['backup', file, '--data', ws])).stderr).toContain('already exists');

    const restored = await workspaceFolder(path.join(dir, 'restored'));
    const cut = path.join(dir, 'cut.backup.gz');
    fs.writeFileSync(cut, fs.readFileSync(file).subarray(0, 2000));
    const r1 = await compendium(['restore', cut, '--data', restored]);
    expect(r1.code).not.toBe(0);
    expect(r1.stderr.trim().split('\n')[0]).toMatch(/cut\.backup\.gz is incomplete or damaged .*; nothing was restored\.$/);

    const foreign = path.join(dir, 'foreign.gz');
    fs.writeFileSync(foreign, zlib.gzipSync('hello\n'));
    const r2 = await compendium(['restore', foreign, '--data', restored]);
    expect(r2.code).not.toBe(0);
    expect(r2.stderr).toContain(`${foreign} is not a Compendium backup`);

    const checked = await compendium(['restore', '--check', file]);
    expect([checked.code, checked.stderr]).toEqual([0, '']);
    expect(checked.stdout).toMatch(new RegExp(`ws\\.backup\\.gz is a sound backup: \\d+ rows in ${Object.keys(TABLES_IN_ORDER).length} tables, made .* from the embedded database, SHA-256 [0-9a-f]{64}; nothing was written\\.\\n$`));

    const ok = await compendium(['restore', file, '--data', restored]);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/Restored \d+ rows into \d+ tables/);
    const status = JSON.parse((await compendium(['status', '--json', '--data', restored])).stdout) as { counts: Record<string, number> };
    expect(status.counts.areas).toBeGreaterThan(400);

  });
});
