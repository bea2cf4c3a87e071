// `compendium import` end to end: the real bin on a fresh workspace, human and JSON output, and
// one-line errors naming the file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/reports');
let dir: string;

function compendium(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/compendium.js'), '--data', path.join(dir, 'ws'), ...args], {
      cwd: dir, env: { ...process.env, DATABASE_URL: '', COMPENDIUM_DATA: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const timer = setTimeout(() => child.kill(), 90_000);
    child.on('error', reject);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-import-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('compendium import', { timeout: 180_000 }, () => {
  it('names a missing file in one line', async () => {
    const r = await compendium(['import', 'nowhere-2024.pdf']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toBe('compendium: nowhere-2024.pdf: no such file');
  });

  it('shows the suggested mapping on a dry run, then imports with --json', async () => {
    const files = [path.join(fixtures, 'northvale-numbered-priorities-2025.txt'), path.join(fixtures, 'westbrook-bullets-2023.html')];
    const dry = await compendium(['import', ...files, '--new-plan', 'Council Plan 2024-28', '--dry-run']);
    expect(dry.stderr).toMatch(/^(?:  warning: .*\n)*$/);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run for new plan "Council Plan 2024-28"');
    expect(dry.stdout).toMatch(/A Thriving Local Economy +A Thriving Local Economy +new plan +3 /);
    expect(dry.stdout).toMatch(/Strong Economy +A Thriving Local Economy +suggested/);
    expect(dry.stdout).toContain('Dry run: nothing was written.');

    const run = await compendium(['import', ...files, '--new-plan', 'Council Plan 2024-28', '--json']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.files.map((f: { status: string }) => f.status)).toEqual(['imported', 'imported']);
    expect(summary.files[0].report.entries[0]).toMatchObject({ title: 'High Street Grants' });
    expect(summary.totals.entries).toBe(12);
  });

  it('refuses an empty file with one line naming it, and no stack', async () => {
    const empty = path.join(dir, 'empty-2024.txt');
    fs.writeFileSync(empty, '');
    const r = await compendium(['import', empty, '--dry-run']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')[0]).toBe('compendium: empty-2024.txt: the file is empty');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
