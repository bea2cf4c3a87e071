// `compendium import` end to end: the command (in process, through runCli) on a fresh workspace,
// human and JSON output, and one-line errors naming the file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { workspaceFolder } from '../helpers/workspace-folder.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/reports');
let dir: string;

const compendium = (args: string[]) => runInProcess(['--data', path.join(dir, 'ws'), ...args], { cwd: dir });

// The workspace starts as init leaves one (helpers/workspace-folder.ts).
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-import-'));
  await workspaceFolder(path.join(dir, 'ws'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('compendium import', { timeout: 180_000 }, () => {
  it('names a missing file in one line', async () => {
    const r = await compendium(['import', 'nowhere-2024.pdf']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toBe('compendium: nowhere-2024.pdf: no such file');
  });

  it('imports with --json and prints the whole structured result', async () => {
    const files = [path.join(fixtures, 'northvale-numbered-priorities-2025.txt'), path.join(fixtures, 'westbrook-bullets-2023.html')];
    const run = await compendium(['import', ...files, '--new-plan', 'Council Plan 2024-28', '--json']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.files.map((f: { status: string }) => f.status)).toEqual(['imported', 'imported']);
    expect(summary.files[1].sections.map((x: { title: string; outcome: string }) => [x.title, x.outcome])).toEqual([
      ['Strong Economy', 'A Thriving Local Economy'], ['Safe and Well', 'Healthy and Safe Communities'],
    ]);
    expect(summary.files[0].report.entries[0]).toMatchObject({ title: 'High Street Grants', facts: expect.arrayContaining([expect.objectContaining({ kind: 'money', value: 240000 })]) });
    expect(summary.totals.entries).toBe(12);
  });

  it('refuses an empty file with one line naming it, and no stack', async () => {
    const empty = path.join(dir, 'empty-2024.txt');
    fs.writeFileSync(empty, '');
    const r = await compendium(['import', empty, '--dry-run']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toBe('compendium: empty-2024.txt: the file is empty');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
