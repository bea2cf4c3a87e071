// Replacing a report keeps the accepted links it can: each link's side in the replaced report moves to
// the new report's entry about the same scheme (the links matcher); the rest are counted in one
// sentence and audited. The workspace's confirmation says the same.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSummary } from '../cli/commands/import.js';
import { createApp } from '../web/app.js';
import { manageWorkspace, PASSWORD, type ManageWorkspace } from '../../test/helpers/manage.js';
import { signedIn } from '../../test/helpers/web.js';
import { reattachLinks } from './links/reattach.js';

let w: ManageWorkspace;
const report = (lines: string[]) => new TextEncoder().encode(lines.join('\n\n'));
const ROAD_2020 = 'Melton Distributor Road – work continued on the road to support new homes in Melton Mowbray.';
const LIBRARY_2020 = 'Oadby Library – we agreed the design of a new library building in Oadby with the district council.';
const PARK_2020 = 'Watermead Country Park – new paths were laid around the lakes at Watermead.';

beforeAll(async () => {
  w = await manageWorkspace();
  const earlier = await w.s.imports.run([{ name: 'report-2020.txt', bytes: report(['Great Communities', ROAD_2020, LIBRARY_2020, PARK_2020]) }], { planId: w.planId, reportYear: 2020 });
  await w.s.importBatches.publish(w.users.officer, earlier.files[0].batchId!);
  const later = await w.s.imports.run([{ name: 'report-2024.txt', bytes: report([
    'Great Communities',
    'Melton road – construction continued on the Melton Mowbray distributor road.',
    'Libraries – the new library in Oadby opened, built with the district council.',
  ]) }], { planId: w.planId, reportYear: 2024 });
  await w.s.importBatches.publish(w.users.officer, later.files[0].batchId!);
  await w.s.links.suggest(w.users.officer, { periodKey: 'FY2023-24' });
  const suggested = await w.s.links.list(w.users.officer, { state: 'suggested' });
  for (const title of ['Melton Distributor Road', 'Oadby Library']) {
    const link = suggested.find((l) => l.targetTitle === title);
    expect(link, `a suggestion to "${title}"`).toBeDefined();
    await w.s.links.accept(w.users.officer, link!.id, { scheme: title });
  }
});
afterAll(async () => { await w.close(); });

describe('replacing a report keeps its accepted links where it can', () => {
  it('moves the links to the revised report’s matching entry, counts the one it cannot keep in a sentence, and audits both', async () => {
    const before = await w.s.links.list(w.users.officer, { state: 'accepted' });
    expect(before).toHaveLength(2);
    // The revision rewords the road's entry and drops the library's.
    const revised = await w.s.imports.run([{ name: 'report-2020-revised.txt', bytes: report([
      'Great Communities',
      'Melton Distributor Road – work continued on the new road to support homes planned in Melton Mowbray.',
      PARK_2020,
    ]) }], { planId: w.planId, reportYear: 2020, replace: true, userId: w.users.officer.id });
    expect(revised.links).toEqual({
      kept: 1, lost: 1,
      sentence: "Kept 1 of the replaced report's 2 accepted links; 1 could not be kept, as the new report has no entry close enough to the one linked.",
    });
    expect(formatSummary(revised).lines).toContain(revised.links!.sentence);
    const after = await w.s.links.list(w.users.officer, { state: 'accepted' });
    expect(after).toHaveLength(1);
    const road = before.find((l) => l.targetTitle === 'Melton Distributor Road')!;
    // The same later entry, scheme and decision; the earlier side is now the revised report's entry.
    expect(after[0]).toMatchObject({ entryId: road.entryId, schemeId: road.schemeId, decidedBy: road.decidedBy, targetTitle: 'Melton Distributor Road' });
    expect(after[0].earlierEntryId).not.toBe(road.earlierEntryId);
    const from = await w.store.db.execute(sql`select d.name from entries e join documents d on d.id = e.document_id where e.id = ${after[0].earlierEntryId}`) as unknown as { rows: { name: string }[] };
    expect(from.rows.map((r) => r.name)).toEqual(['report-2020-revised.txt']);
    const kept = await w.s.audit.history(w.users.admin, 'entry_link', after[0].id);
    expect(kept.map((e) => [e.action, (e.after as { keptFrom?: string }).keptFrom])).toEqual([['create', road.id]]);
    const library = before.find((l) => l.targetTitle === 'Oadby Library')!;
    const lost = await w.s.audit.history(w.users.admin, 'entry_link', library.id);
    expect(lost.some((e) => e.action === 'delete' && JSON.stringify(e.after).includes('replaced'))).toBe(true);
  });

  it('says so in the workspace’s confirmation after “Replace the earlier report”', async () => {
    const app = createApp(w.s, { cachePages: false });
    const b = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const [batch] = await w.s.importBatches.list(w.users.officer);
    const html = await (await b.get(`/manage/imports/${batch.id}?done=batch-imported&linksKept=1&linksLost=1`)).text();
    expect(html).toContain('1 could not be kept, as the new report has no entry close enough');
  });

  it('keeps a link whose both sides were replaced only when both find a match, and never one pair twice', () => {
    const side = (id: string, body: string) => ({ kind: 'entry' as const, id, title: '', body });
    const link = (id: string, entryId: string, earlierEntryId: string, replaced: ReturnType<typeof side>[]) => ({
      id, entryId, earlierEntryId, commitmentId: null, score: 0.5, reason: '', sharedNames: [], schemeId: null, decidedBy: null, decidedAt: null, replaced,
    });
    const fresh = { entries: [{ id: 'n1', title: 'Melton Distributor Road', body: 'work continued on the Melton Mowbray road' }], commitments: [] };
    const r = reattachLinks([
      link('a', 'later1', 'old1', [side('old1', 'Melton Distributor Road: work continued on the Melton Mowbray road')]),
      link('b', 'later1', 'old2', [side('old2', 'Melton Distributor Road – work on the Melton Mowbray road continued')]),
      link('c', 'later2', 'old3', [side('old3', 'a country park opened with new paths')]),
    ], fresh);
    expect(r.kept.map((k) => [k.from, k.earlierEntryId])).toEqual([['a', 'n1']]);
    expect(r.lost.map((l) => l.id)).toEqual(['b', 'c']);
  });
});
