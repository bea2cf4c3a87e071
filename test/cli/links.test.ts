// `compendium links` end to end (in process): two small reports four years apart, suggestions with
// their reasons, accepting one by its short id into a scheme, its timeline, and the bad input.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { workspaceFolder } from '../helpers/workspace-folder.js';

let dir: string;
const compendium = (...args: string[]) => runInProcess(['--data', path.join(dir, 'ws'), ...args], { cwd: dir });
/** Imports a report into a new plan and publishes its batch, as a person would after reviewing it. */
async function importAndPublish(file: string, plan: string) {
  const imported = await compendium('import', file, '--new-plan', plan);
  expect(imported.code).toBe(0);
  const batch = /Saved as drafts in import batch ([0-9a-f-]{36})/.exec(imported.stdout)![1];
  expect((await compendium('imports', 'publish', batch)).code).toBe(0);
}
const write = (name: string, lines: string[]) => { fs.writeFileSync(path.join(dir, name), lines.join('\n\n')); return path.join(dir, name); };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-links-cli-'));
  // The folder starts as init leaves one (init from nothing is src/cli/run.test.ts's); init again is harmless.
  await workspaceFolder(path.join(dir, 'ws'));
  expect((await compendium('init')).code).toBe(0);
  const earlier = write('annual-report-2020.txt', ['Transport', 'Melton Distributor Road – work continued on the road to support 4,000 new homes in Melton Mowbray.', 'Libraries', 'Code Clubs – our libraries ran virtual code clubs for 25 children.']);
  const later = write('annual-report-2024.txt', ['Transport', 'Melton road – construction continued on the Melton Mowbray distributor road.', 'Waste', 'Rehome Zones – three recycling sites gained a Rehome Zone.']);
  await importAndPublish(earlier, 'Strategic Plan 2018-22');
  const plans = (await compendium('status', '--json')).stdout;
  expect(plans).toContain('"plans": 1');
  await importAndPublish(later, 'Strategic Plan 2022-26');
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('compendium links', { timeout: 120_000 }, () => {
  it('suggests the earlier entry about the same scheme with its reason, and nothing for a new scheme', async () => {
    const r = await compendium('links', 'suggest', '--period', '2023/24');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Compared 2 new entries with 2 earlier entries and commitments: 0 new suggestions, 1 waiting for a decision\./);
    expect(r.stdout).toMatch(/FY2023-24 Melton road\s+FY2019-20 Melton Distributor Road/);
    expect(r.stdout).toMatch(/Both name “melton mowbray”/);
    expect(r.stdout).not.toMatch(/Rehome/);
  });

  it('accepts the link by its short id into a scheme whose timeline lists both years', async () => {
    const [link] = JSON.parse((await compendium('links', 'list', '--json')).stdout) as { id: string }[];
    const r = await compendium('links', 'accept', link.id.slice(0, 8));
    expect(r.stdout).toBe('Accepted: "Melton road" is linked to "Melton Distributor Road" in the scheme Melton Distributor Road (/schemes/melton-distributor-road).\n');
    const t = await compendium('links', 'timeline', 'melton-distributor-road');
    expect(t.stdout).toBe('Melton Distributor Road\n  FY2019-20  Melton Distributor Road\n  FY2023-24  Melton road\n');
    expect((await compendium('links', 'schemes')).stdout).toMatch(/melton-distributor-road\s+Melton Distributor Road\s+2\s+FY2019-20 to FY2023-24/);
  });

  it('prints what changed between the two periods, in Markdown and JSON', async () => {
    const md = await compendium('changes', '--from', '2019/20', '--to', '2023/24');
    expect(md.stderr).toBe('');
    expect(md.stdout).toMatch(/^# What changed from 2019\/20 to 2023\/24\n\n2019\/20: Strategic Plan 2018-22\. 2023\/24: Strategic Plan 2022-26\./);
    expect(md.stdout).toContain('Added: Waste.');
    expect(md.stdout).toContain('Dropped: Libraries.');
    const json = JSON.parse((await compendium('changes', '--from', '2019/20', '--to', '2023/24', '--format', 'json')).stdout) as { outcomes: { kept: string[] } };
    expect(json.outcomes.kept).toEqual(['Transport']);
    expect((await compendium('changes', '--from', '2023/24', '--to', '2019/20')).stderr).toBe('compendium: 2023/24 does not end before 2019/20 begins\n  to: Give --to a period later than --from\n');
  });

  it('adds what changed since the earlier year as a section of the report', async () => {
    const r = await compendium('report', '--period', '2023/24', '--format', 'md', '--out', path.join(dir, 'out'));
    expect(r.code).toBe(0);
    const [file] = fs.readdirSync(path.join(dir, 'out'));
    const md = fs.readFileSync(path.join(dir, 'out', file), 'utf8');
    expect(md).toContain('[What changed from 2019/20 to 2023/24](#what-changed)');
    expect(md).toMatch(/\n## What changed from 2019\/20 to 2023\/24\n\n2019\/20: Strategic Plan 2018-22\. 2023\/24: Strategic Plan 2022-26\.\n\n### Outcomes and themes/);
  });

  it('refuses bad input in one sentence', async () => {
    expect((await compendium('links', 'accept', 'zzzzzzzz')).stderr).toBe('compendium: There is no link zzzzzzzz: it may have been removed with an entry that was deleted (see links list).\n');
    expect((await compendium('links', 'add', '--entry', 'nope', '--to', 'nada')).stderr).toBe('compendium: There is no entry nope (it may have been deleted), so no link was written.\n');
    expect((await compendium('links', 'suggest', '--period', '2031/32')).stderr).toBe('compendium: There are no entries for FY2031-32, so there is nothing to suggest links for.\n');
    expect((await compendium('links', 'suggest')).stderr).toMatch(/^compendium: Give --entry, --period or --document/);
  });
});
