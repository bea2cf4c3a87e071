// runCli in process: output goes to the functions given, never to the process's streams.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandOf, helpAsOption, runCli } from './run.js';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, stdout, stderr };
}

describe('runCli', () => {
  it('prints the version from package.json', async () => {
    const { version } = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const r = await cli('--version');
    expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('lists every command with its arguments in --help', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    for (const term of ['init', 'serve', 'status', 'backup <file>', 'restore <file>', 'import <files...>', 'report', 'help [command]']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${term.replace(/[.[\]]/g, '\\$&')} `, 'm'));
    }
  });

  it('shows the options a command module adds, for `CMD --help` and `help CMD` alike', async () => {
    const direct = await cli('performance', '--help');
    const viaHelp = await cli('--data', 'somewhere', 'help', 'performance');
    expect(direct.stdout).toContain('--outcome <outcome>');
    expect(viaHelp.stdout).toBe(direct.stdout);
  });

  it('reports an unknown command on stderr with exit code 1', async () => {
    const r = await cli('stauts');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unknown command 'stauts'");
    expect(r.stderr).toContain('(Did you mean status?)');
  });

  it('reports a bad option value as one line, with the exit code of the error', async () => {
    const r = await cli('serve', '--port', 'eighty');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('compendium: --port must be a whole number from 0 to 65535, not "eighty"\n');
  });
});

describe('runCli on a workspace', () => {
  it('creates a workspace and reports its status as JSON, all of it through the given output', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-runcli-'));
    try {
      const init = await cli('--data', dir, 'init');
      expect(init.code).toBe(0);
      expect(init.stdout).toMatch(/^Workspace ready: embedded database at .*, \d+ reference areas\.\n$/);
      const status = await cli('--data', dir, 'status', '--json');
      expect(status.code).toBe(0);
      const parsed = JSON.parse(status.stdout) as { database: string; counts: Record<string, number>; settings: { councilCode: string } };
      expect(parsed.database).toBe('pglite');
      expect(parsed.counts.areas).toBeGreaterThan(400);
      expect(parsed.settings.councilCode).toBe('E10000018');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000); // a new embedded database is created (about 5 s idle; a minute on a loaded machine)
});

describe('helpAsOption', () => {
  it('turns `help CMD` into `CMD --help`, after global options', () => {
    expect(helpAsOption(['help', 'groups', 'import'])).toEqual(['groups', 'import', '--help']);
    expect(helpAsOption(['-d', 'help', 'help', 'status'])).toEqual(['-d', 'help', 'status', '--help']);
    expect(helpAsOption(['help'])).toEqual(['help']);
    expect(helpAsOption(['status', 'help'])).toEqual(['status', 'help']);
  });
});

describe('commandOf', () => {
  it('finds the command after the global options', () => {
    expect(commandOf(['--data', 'serve', 'status', '--json'])).toBe('status');
    expect(commandOf(['--debug', 'serve', '--port', '3000'])).toBe('serve');
    expect(commandOf(['--version'])).toBeUndefined();
  });
});
