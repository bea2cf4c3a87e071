// Links across years on a small workspace: two reports a few years apart, suggestions with their
// reasons, a person accepting and rejecting them, schemes and their timelines, commitments
// evidenced by an accepted link, and a link to a deleted entry refused without writing anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manageWorkspace, type ManageWorkspace } from '../../test/helpers/manage.js';
import { sql } from 'drizzle-orm';
import { rows, tables, type Store } from '../store/index.js';
import { workspaceWithPlan } from '../../test/helpers/imports.js';
import { ForbiddenError } from '../errors.js';

let w: ManageWorkspace;
const report = (lines: string[]) => new TextEncoder().encode(lines.join('\n\n'));
const EARLIER = report([
  'Great Communities',
  'Melton Distributor Road – work continued on the multi-million pound road to support 4,000 new homes in Melton Mowbray.',
  'Summer Reading Challenge – 8,000 children in our libraries took part in the Summer Reading Challenge.',
  'Clean and Green',
  'Tree Planting – We will plant 700,000 trees across the county by 2030.',
]);
const LATER = report([
  'Great Communities',
  'Melton road – Major construction continued on the Melton Mowbray distributor road to reduce congestion and support new homes.',
  'Reading – Ten thousand children took part in the Summer Reading Challenge in our libraries.',
  'Clean and Green',
  'Trees – 437,000 trees have been planted so far as part of our tree planting promise.',
  'Gritting – Our gritters treated 1,300 miles of highway.',
]);

beforeAll(async () => {
  w = await manageWorkspace();
  for (const [name, bytes, reportYear] of [['annual-report-2020.txt', EARLIER, 2020], ['annual-report-2024.txt', LATER, 2024]] as const) {
    const imported = await w.s.imports.run([{ name, bytes }], { planId: w.planId, reportYear });
    await w.s.importBatches.publish(w.users.officer, imported.files[0].batchId!);
  }
});
afterAll(async () => { await w.close(); });

const entryTitled = async (title: string) => (await w.store.db.select().from(tables.entries)).find((e) => e.title === title)!;

describe('links across years', () => {
  it('suggests links as soon as a later report is imported', async () => {
    const waiting = await w.s.links.list(w.users.viewer, { state: 'suggested' });
    expect(waiting.map((l) => l.entryTitle)).toEqual(expect.arrayContaining(['Melton road', 'Reading']));
  });

  it('suggests earlier entries and commitments about the same scheme, with a score and a reason, and only those', async () => {
    const r = await w.s.links.suggest(w.users.officer, { periodKey: 'FY2023-24' });
    expect(r.entries).toBe(4);
    const pairs = r.suggestions.map((l) => [l.entryTitle, l.targetTitle]);
    expect(pairs).toEqual(expect.arrayContaining([
      ['Melton road', 'Melton Distributor Road'],
      ['Reading', 'Summer Reading Challenge'],
    ]));
    const trees = r.suggestions.find((l) => l.entryTitle === 'Trees' && l.commitmentId);
    expect(trees?.targetTitle).toMatch(/plant 700,000 trees/);
    expect(r.suggestions.some((l) => l.entryTitle === 'Gritting')).toBe(false);
    const road = r.suggestions.find((l) => l.entryTitle === 'Melton road')!;
    expect(road.score).toBeGreaterThan(0.3);
    expect(road.reason).toMatch(/melton mowbray/i);
    expect(road.state).toBe('suggested');
    // Asking again writes nothing new.
    expect((await w.s.links.suggest(w.users.officer, { periodKey: 'FY2023-24' })).added).toBe(0);
  });

  it('accepts a link into a new scheme named after the earlier entry, whose timeline lists both entries by year', async () => {
    const [road] = (await w.s.links.list(w.users.viewer, { state: 'suggested' })).filter((l) => l.entryTitle === 'Melton road');
    const accepted = await w.s.links.accept(w.users.officer, road.id);
    expect([accepted.state, accepted.schemeName, accepted.schemeSlug]).toEqual(['accepted', 'Melton Distributor Road', 'melton-distributor-road']);
    const t = await w.s.links.timeline('melton-distributor-road');
    expect(t.entries.map((e) => [e.periodKey, e.title])).toEqual([['FY2019-20', 'Melton Distributor Road'], ['FY2023-24', 'Melton road']]);
    // Imported entries are published; one taken back off the site leaves the public timeline.
    await w.s.entries.transition(w.users.officer, road.entryId, 'unpublish');
    expect((await w.s.links.timeline('melton-distributor-road', { publishedOnly: true })).entries.map((e) => e.title)).toEqual(['Melton Distributor Road']);
    expect((await w.s.links.schemes()).map((s) => [s.name, s.entries])).toEqual([['Melton Distributor Road', 2]]);
    expect((await w.s.audit.history(w.users.viewer, 'entry_link', road.id)).map((h) => h.after)).toEqual([expect.objectContaining({ state: 'accepted' })]);
  });

  it('records an accepted link to a commitment as evidence of its delivery', async () => {
    const trees = (await w.s.links.list(w.users.viewer, { state: 'suggested' })).find((l) => l.entryTitle === 'Trees' && l.commitmentId)!;
    await w.s.links.accept(w.users.officer, trees.id, { scheme: 'Tree for Every Person' });
    const c = await w.s.commitments.get(w.users.viewer, trees.commitmentId!);
    expect(c.evidence.map((e) => e.title)).toEqual(['Trees']);
    expect((await w.s.links.timeline('tree-for-every-person')).commitments.map((x) => x.id)).toEqual([trees.commitmentId]);
  });

  it('rejects a link, which is then not suggested again', async () => {
    const reading = (await w.s.links.list(w.users.viewer, { state: 'suggested' })).find((l) => l.entryTitle === 'Reading')!;
    expect((await w.s.links.reject(w.users.officer, reading.id)).state).toBe('rejected');
    await w.s.links.suggest(w.users.officer, { entryId: reading.entryId });
    expect((await w.s.links.list(w.users.viewer, { entryId: reading.entryId })).map((l) => l.state)).toEqual(['rejected']);
  });

  it('refuses a link to a deleted entry in one sentence and writes nothing', async () => {
    const later = await entryTitled('Gritting');
    const gone = await entryTitled('Summer Reading Challenge');
    await w.s.entries.remove(w.users.admin, gone.id);
    const before = await w.store.db.select().from(tables.entryLinks);
    await expect(w.s.links.link(w.users.officer, later.id, gone.id)).rejects.toThrow(`There is no entry or commitment ${gone.id} (it may have been deleted), so no link was written.`);
    await expect(w.s.links.suggest(w.users.officer, { entryId: gone.id })).rejects.toThrow(/no entry .* deleted/i);
    expect(await w.store.db.select().from(tables.entryLinks)).toEqual(before);
  });

  it('lets only those who may update commitments decide links', async () => {
    const [any] = await w.s.links.list(w.users.viewer);
    await expect(w.s.links.accept(w.users.viewer, any.id)).rejects.toThrow(ForbiddenError);
    await expect(w.s.links.suggest(w.users.contributor, { periodKey: 'FY2023-24' })).rejects.toThrow(ForbiddenError);
  });
});

describe('links after a batch import', () => {
  it('suggests for reports imported in one batch exactly what it suggests when they are imported one by one, once all are stored', async () => {
    const linkRows = async (store: Store) => rows<Record<string, unknown>>(store.db, sql`
      select e.title as entry, coalesce(t.title, c.text) as target, l.score, l.reason, l.shared_names as names, l.state
      from entry_links l join entries e on e.id = l.entry_id left join entries t on t.id = l.earlier_entry_id left join commitments c on c.id = l.commitment_id
      order by 1, 2`);
    const files = [{ name: 'annual-report-2020.txt', bytes: EARLIER }, { name: 'annual-report-2024.txt', bytes: LATER }];
    const one = await workspaceWithPlan();
    const batch = await workspaceWithPlan();
    try {
      for (const f of files) await one.s.imports.run([f], { planId: one.planId });
      const stages: string[] = [];
      await batch.s.imports.run(files, { planId: batch.planId, onProgress: (e) => { if (stages.at(-1) !== e.stage) stages.push(e.stage); } });
      // Links are suggested after everything is stored, and the progress says so.
      expect(stages.slice(-2)).toEqual(['store', 'links']);
      const expected = await linkRows(one.store);
      expect(expected.map((r) => [r.entry, r.target])).toEqual(expect.arrayContaining([['Melton road', 'Melton Distributor Road'], ['Reading', 'Summer Reading Challenge']]));
      expect(await linkRows(batch.store)).toEqual(expected);
    } finally {
      await one.store.close();
      await batch.store.close();
    }
  });
});
