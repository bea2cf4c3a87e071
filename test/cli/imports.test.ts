// `compendium imports` end to end: an import waits as a batch of drafts; list, show (text and JSON),
// publish part of it, undo it, and the one-sentence refusals (excluded item, second undo).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { workspaceFolder } from '../helpers/workspace-folder.js';

const root = path.resolve(import.meta.dirname, '../..');
const report = path.join(root, 'test/fixtures/reports/northvale-numbered-priorities-2025.txt');
let dir: string;
const compendium = (args: string[]) => runInProcess(['--data', path.join(dir, 'ws'), ...args], { cwd: dir });

// The workspace starts as init leaves one (helpers/workspace-folder.ts).
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-imports-'));
  await workspaceFolder(path.join(dir, 'ws'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Item { id: string; title: string; decision: string; published: boolean }
const itemsOf = (view: { outline: { items: Item[] }[] }) => view.outline.flatMap((s) => s.items);

describe('compendium imports', { timeout: 180_000 }, () => {
  it('lists, shows, publishes part of a batch and undoes it, with one sentence for each refusal', async () => {
    const imported = await compendium(['import', report, '--new-plan', 'Council Plan 2024-28']);
    expect(imported.code).toBe(0);
    const batch = /Saved as drafts in import batch ([0-9a-f-]{36})/.exec(imported.stdout)![1];

    const list = await compendium(['imports', 'list']);
    expect(list.stdout).toContain(batch.slice(0, 8));
    expect(list.stdout).toContain('waiting for review');

    const text = await compendium(['imports', 'show', batch.slice(0, 8)]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('northvale-numbered-priorities-2025.txt');
    expect(text.stdout).toMatch(/High Street Grants — pending/);
    const view = JSON.parse((await compendium(['imports', 'show', batch, '--json'])).stdout);
    const items = itemsOf(view);
    expect(items.length).toBeGreaterThan(3);
    expect(items.every((i) => i.decision === 'pending' && !i.published)).toBe(true);

    const two = items.slice(0, 2).map((i) => i.id.slice(0, 8)).join(',');
    const published = await compendium(['imports', 'publish', batch, '--items', two]);
    expect(published.stdout.trim()).toMatch(/^Published 2 item\(s\) of northvale-numbered-priorities-2025\.txt \(batch [0-9a-f]{8}\); 2 published, 0 accepted, \d+ not yet reviewed, 0 excluded\.$/);
    const after = itemsOf(JSON.parse((await compendium(['imports', 'show', batch, '--json'])).stdout));
    expect(after.filter((i) => i.published).map((i) => i.id)).toEqual(items.slice(0, 2).map((i) => i.id));

    const undo = await compendium(['imports', 'undo', batch]);
    expect(undo.stdout.trim()).toBe(`Undid batch ${batch.slice(0, 8)} (northvale-numbered-priorities-2025.txt): removed ${items.length} entries and ${view.counts.commitments} commitments.`);
    const again = await compendium(['imports', 'undo', batch]);
    expect(again.code).not.toBe(0);
    expect(again.stderr.trim(), again.stderr).toMatch(/^compendium: import batch [0-9a-f]{8} \(northvale-numbered-priorities-2025\.txt\) was already undone on \d{4}-\d\d-\d\d: there is nothing left to undo\.$/);
    const status = JSON.parse((await compendium(['status', '--json'])).stdout);
    expect(status.counts.entries).toBe(0);
  });

  it('names a batch that does not exist', async () => {
    const r = await compendium(['imports', 'show', 'no-such-batch']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toMatch(/^compendium: Import batch "no-such-batch" not found/);
  });
});
