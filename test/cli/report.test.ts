// `compendium report` end to end: the command (in process, through runCli) on a demo workspace, the files it lists, and what it
// does without Chromium (the HTML is still written, and one line says what to install).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFolder } from '../helpers/workspace-folder.js';
import { runInProcess } from '../helpers/cli.js';

let dir: string;

const compendium = (args: string[], env: Record<string, string> = {}) =>
  runInProcess(['--data', path.join(dir, 'ws'), ...args], { cwd: dir, env });

// The demo workspace (copied from the one loaded once per worker) is written first, then the command reports on it.
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-report-cli-'));
  await demoFolder(path.join(dir, 'ws'));
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('compendium report', { timeout: 180_000 }, () => {
  it('writes the demo report and lists every file', async () => {
    const out = path.join(dir, 'out');
    const r = await compendium(['report', '--format', 'html,md,csv,json', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const written = fs.readdirSync(out).sort();
    expect(written).toEqual([
      'demoshire-county-council-annual-delivery-report-2025-26.html',
      'demoshire-county-council-annual-delivery-report-2025-26.md',
      'demoshire-county-council-performance-compendium-2025-26.csv',
      'demoshire-county-council-performance-compendium-2025-26.json',
    ]);
    for (const f of written) expect(r.stdout).toContain(path.join(out, f));
    expect(r.stdout).toMatch(/Wrote 4 file\(s\) to /);
    expect(fs.readFileSync(path.join(out, written[0]), 'utf8')).toContain('<figure');
  });

  it('still writes the HTML without Chromium and says what to install', async () => {
    const out = path.join(dir, 'no-chromium');
    const r = await compendium(['report', '--period', '2024/25', '--draft', '--format', 'html,pdf', '--out', out], { CHROMIUM_PATH: '/nowhere/chromium' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('compendium: Chromium was not found at /nowhere/chromium');
    expect(r.stderr).toContain('hint: install it with "apt-get install chromium"');
    expect(fs.readdirSync(out)).toEqual(['demoshire-county-council-annual-delivery-report-2024-25-draft.html']);
  });

  it('publishes the next version with --publish (a note needed from the second), the PDF marked unavailable without Chromium', async () => {
    const env = { CHROMIUM_PATH: '/nowhere/chromium' };
    const first = await compendium(['report', '--publish', '--period', '2024/25'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Published version 1 of the 2024/25 report (5 files); it is on the public Reports page now:');
    expect(first.stdout).toContain('No PDF: Chromium was not found at /nowhere/chromium');
    const again = await compendium(['report', '--publish', '--period', '2024/25'], env);
    expect(again.code).not.toBe(0);
    expect(again.stderr.split('\n')[0]).toBe('compendium: Version 1 of the 2024/25 report is already published: say what this version changes');
    const second = await compendium(['report', '--publish', '--period', '2024/25', '--note', 'Corrected a figure'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Published version 2 of the 2024/25 report');
    const both = await compendium(['report', '--publish', '--draft']);
    expect(both.stderr.split('\n')[0]).toBe('compendium: --publish and --draft cannot go together');
  });

  it('refuses an unknown format in one line', async () => {
    const r = await compendium(['report', '--format', 'html,pptx']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.split('\n')[0]).toBe('compendium: --format: unknown format pptx');
  });
});
