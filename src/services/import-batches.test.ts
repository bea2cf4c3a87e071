// Import batches: every import waits as drafts in a batch; the reviewer's edits, publishing part of
// it and undoing it, each audited and all-or-nothing; and nothing of it public before it is published.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { manageWorkspace, type ManageWorkspace } from '../../test/helpers/manage.js';
import { tables } from '../store/index.js';
import { createApp } from '../web/app.js';
import { ConflictError, ForbiddenError } from '../errors.js';
import { BATCH_REPORT } from '../../test/helpers/import-batch.js';


let w: ManageWorkspace;
beforeEach(async () => {
  w = await manageWorkspace();
});
afterEach(async () => { await w.close(); });

const importReport = async (text = BATCH_REPORT, name = 'review-2024.txt', reportYear = 2024) => {
  const summary = await w.s.imports.run([{ name, bytes: new TextEncoder().encode(text) }], { planId: w.planId, reportYear });
  return summary.files[0].batchId!;
};

/** Every public page and API answer that could carry an entry, joined: what a member of the public can see. */
async function publicText(): Promise<string> {
  const app = createApp(w.s, { cachePages: false });
  const paths = [
    '/', '/outcomes/great-communities', '/outcomes/clean-and-green', '/places', '/commitments', '/search?q=library', '/search?q=park', '/search?q=recycling', '/search?q=branch',
    '/api/entries?pageSize=200', '/api/commitments', '/api/places', '/api/search?q=library', '/api/search?q=recycling', '/data/entries.csv', '/data/commitments.json',
  ];
  const bodies: string[] = [];
  for (const p of paths) {
    const res = await app.request(p);
    expect(res.status, p).toBeLessThan(500);
    bodies.push(await res.text());
  }
  const items = await w.store.db.select().from(tables.entries);
  for (const e of items) bodies.push(await (await app.request(`/entries/${e.id}`)).text(), await (await app.request(`/api/entries/${e.id}`)).text());
  return bodies.join('\n');
}

const itemByWord = async (batchId: string, word: string) => {
  const view = await w.s.importBatches.get(w.users.officer, batchId);
  const item = view.outline.flatMap((s) => s.items).find((i) => i.body.includes(word) || i.title.includes(word));
  if (!item) throw new Error(`no item with ${word}`);
  return item;
};

describe('an import waits for review', () => {
  it('writes drafts in a batch, shown as the report’s outline, and nothing of it is public, in a report or in the API', async () => {
    const batchId = await importReport();
    const view = await w.s.importBatches.get(w.users.viewer, batchId);
    expect(view).toMatchObject({ fileName: 'review-2024.txt', state: 'review', periodKey: 'FY2023-24', items: { pending: 3, accepted: 0, excluded: 0, published: 0 } });
    expect(view.outline.map((s) => [s.title, s.outcome, s.items.length])).toEqual([['Great Communities', 'Great Communities', 2], ['Clean and Green', 'Clean and Green', 1]]);
    const library = view.outline[0].items[0];
    expect(library.facts.map((f) => f.text)).toEqual(expect.arrayContaining(['12,000 books']));
    expect(library.places).toEqual(expect.arrayContaining(['Melton']));
    expect(library.commitments.map((c) => c.text)).toEqual([expect.stringContaining('open a second branch in Oakham')]);

    const states = await w.store.db.select({ s: tables.entries.workflowState, b: tables.entries.importBatchId }).from(tables.entries);
    expect(states.every((r) => r.s === 'draft' && r.b === batchId)).toBe(true);
    const commitments = await w.store.db.select().from(tables.commitments);
    expect(commitments.map((c) => [c.workflowState, c.importBatchId])).toEqual([['draft', batchId]]);

    const seen = await publicText();
    for (const word of ['Quillmere', 'Yarrowfield', 'Brambleton', 'second branch']) expect(seen).not.toContain(word);
    await expect(w.s.reports.model({ planId: w.planId, period: '2023/24', draft: false, generatedOn: '2024-06-01' })).rejects.toThrow(/no published entries/);
  });

  it('publishes the accepted part only; the site then shows exactly that, and an excluded item stays out of draft reports too', async () => {
    const batchId = await importReport();
    const library = await itemByWord(batchId, 'Quillmere');
    const park = await itemByWord(batchId, 'Yarrowfield');
    const recycling = await itemByWord(batchId, 'Brambleton');
    await w.s.importBatches.decide(w.users.officer, batchId, [library.id], 'accepted');
    await w.s.importBatches.decide(w.users.officer, batchId, [recycling.id], 'excluded');
    const r = await w.s.importBatches.publish(w.users.officer, batchId, { acceptedOnly: true });
    expect(r.published).toBe(1);
    expect(r.batch).toMatchObject({ state: 'published', items: { pending: 1, accepted: 0, excluded: 1, published: 1 } });
    const seen = await publicText();
    expect(seen).toContain('Quillmere');
    expect(seen).toContain('second branch in Oakham');
    expect(seen).not.toContain('Yarrowfield');
    expect(seen).not.toContain('Brambleton');
    const draft = await w.s.reports.model({ planId: w.planId, period: '2023/24', draft: true, generatedOn: '2024-06-01' });
    const inDraft = JSON.stringify(draft);
    expect(inDraft).toContain('Yarrowfield');
    expect(inDraft).not.toContain('Brambleton');
    // The rest can follow later.
    expect((await w.s.importBatches.publish(w.users.officer, batchId)).published).toBe(1);
    expect(await publicText()).toContain('Yarrowfield');
    const audit = await w.s.audit.history(w.users.viewer, 'entry', park.id);
    expect(audit.map((h) => h.action)).toContain('publish');
  });

  it("keeps an introduction's promises as commitments of the batch, published with it", async () => {
    const text = 'Great Communities\n\nWe want every village to have a place to meet. We will open a community hub in Oakham by March 2025, and we will keep every library open.\n\n' +
      'Quillmere Library – The library reopened with 12,000 books.\n\nYarrowfield Park – A play park opened for 300 children.\n';
    const batchId = await importReport(text);
    const promises = (await w.store.db.select().from(tables.commitments)).filter((c) => c.entryId === null);
    expect(promises.map((c) => [c.text.slice(0, 33), c.workflowState, c.dueText, c.dueBasis])).toEqual([['We will open a community hub in O', 'draft', 'by March 2025', 'stated']]);
    expect(promises[0].outcomeId).toBe(w.outcomes[0].id);
    await w.s.importBatches.publish(w.users.officer, batchId);
    expect((await w.store.db.select().from(tables.commitments)).map((c) => c.workflowState)).toEqual(['published']);
  });

  it('refuses to publish an excluded item in one sentence, and publishes nothing of the request', async () => {
    const batchId = await importReport();
    const library = await itemByWord(batchId, 'Quillmere');
    const recycling = await itemByWord(batchId, 'Brambleton');
    await w.s.importBatches.decide(w.users.officer, batchId, [recycling.id], 'excluded');
    const attempt = w.s.importBatches.publish(w.users.officer, batchId, { items: [library.id, recycling.id] });
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toThrow(/^"Brambleton recycling" is excluded from import batch [0-9a-f]{8} \(review-2024\.txt\), so it cannot be published: include it first\. Nothing was published\.$/);
    const rows = await w.store.db.select({ s: tables.entries.workflowState }).from(tables.entries);
    expect(rows.every((x) => x.s === 'draft')).toBe(true);
    expect((await w.s.importBatches.get(w.users.officer, batchId)).state).toBe('review');
    // Nor can the normal workflow publish it behind the batch's back.
    await expect(w.s.entries.transition(w.users.officer, recycling.id, 'submit')).rejects.toThrow(/excluded when its import batch was reviewed/);
  });

  it('lets the reviewer retitle, move, fix a fact, merge and split, each audited', async () => {
    const batchId = await importReport();
    const library = await itemByWord(batchId, 'Quillmere');
    const park = await itemByWord(batchId, 'Yarrowfield');
    const recycling = await itemByWord(batchId, 'Brambleton');
    const officer = w.users.officer;

    await w.s.importBatches.retitle(officer, batchId, park.id, '  Yarrowfield   park ');
    expect((await itemByWord(batchId, 'Yarrowfield')).title).toBe('Yarrowfield park');

    const waste = w.outcomes[1];
    await w.s.importBatches.move(officer, batchId, library.id, { outcomeId: waste.id, themeId: waste.themeIds[0] });
    const moved = await itemByWord(batchId, 'Quillmere');
    expect([moved.outcome, moved.theme]).toEqual(['Clean and Green', 'Waste']);
    const [commitment] = await w.store.db.select().from(tables.commitments);
    expect(commitment.outcomeId).toBe(waste.id);

    const books = moved.facts.find((f) => f.text === '12,000 books')!;
    await w.s.importBatches.fixFact(officer, batchId, books.id, { value: '12,500', unit: 'books', text: '12,000 books' });
    expect((await itemByWord(batchId, 'Quillmere')).facts.find((f) => f.id === books.id)).toMatchObject({ value: 12500, unit: 'books' });
    await expect(w.s.importBatches.fixFact(officer, batchId, books.id, { value: 'lots', unit: 'books', text: 'x' })).rejects.toThrow(/not valid/);

    await w.s.importBatches.merge(officer, batchId, library.id, park.id);
    const merged = await itemByWord(batchId, 'Quillmere');
    expect(merged.body).toContain('\n\nA play park opened in Oakham');
    const children = merged.facts.find((f) => f.text.includes('300'))!;
    const [fact] = await w.store.db.select().from(tables.facts).where(eq(tables.facts.id, children.id));
    expect(merged.body.slice(fact.start!, fact.end!)).toBe(fact.text);
    expect(merged.places).toEqual(expect.arrayContaining(['Melton', 'Oakham']));
    expect((await w.store.db.select().from(tables.entries).where(eq(tables.entries.id, park.id)))).toEqual([]);

    const point = recycling.splitPoints.find((p) => p.preview.startsWith('Fly-tipping'))!;
    const newId = await w.s.importBatches.split(officer, batchId, recycling.id, point.at);
    const after = (await w.s.importBatches.get(officer, batchId)).outline.flatMap((s) => s.items);
    const first = after.find((i) => i.id === recycling.id)!;
    const second = after.find((i) => i.id === newId)!;
    expect(first.body).toBe('Recycling rose to 52% across the county.');
    expect(second).toMatchObject({ title: '', body: 'Fly-tipping fell by 18% after 40 new cameras went up in Melton.', places: ['Melton'] });
    for (const f of await w.store.db.select().from(tables.facts).where(eq(tables.facts.entryId, newId))) expect(second.body.slice(f.start!, f.end!)).toBe(f.text);
    expect(first.places).not.toContain('Melton');

    const actions = (await w.store.db.select().from(tables.auditEvents)).map((a) => a.action);
    for (const a of ['retitle', 'move', 'fix', 'merge', 'split']) expect(actions).toContain(a);
  });

  it('undoes a whole batch before and after publishing, and refuses a second undo in one sentence', async () => {
    const drafts = await importReport();
    const published = await importReport(BATCH_REPORT.replace('Quillmere', 'Quillmere Two'), 'second-2023.txt', 2023);
    await w.s.importBatches.publish(w.users.officer, published);
    expect(await publicText()).toContain('Quillmere Two');

    expect(await w.s.importBatches.undo(w.users.officer, drafts)).toEqual({ entries: 3, commitments: 1, documents: 1 });
    expect(await w.s.importBatches.undo(w.users.officer, published)).toEqual({ entries: 3, commitments: 1, documents: 1 });
    expect(await w.store.db.select().from(tables.entries)).toEqual([]);
    expect(await w.store.db.select().from(tables.facts)).toEqual([]);
    expect(await w.store.db.select().from(tables.documents)).toEqual([]);
    expect(await publicText()).not.toContain('Quillmere');
    await expect(w.s.importBatches.undo(w.users.officer, drafts)).rejects.toThrow(/^import batch [0-9a-f]{8} \(review-2024\.txt\) was already undone on \d{4}-\d\d-\d\d: there is nothing left to undo\.$/);
    await expect(w.s.importBatches.publish(w.users.officer, drafts)).rejects.toThrow(/was undone on .*, so it cannot be published/);
    const undos = (await w.store.db.select().from(tables.auditEvents)).filter((a) => a.action === 'undo');
    expect(undos.map((u) => u.entityId).sort()).toEqual([drafts, published].sort());
    // The same file can be imported again once its batch is undone.
    const again = await importReport();
    expect(again).not.toBe(drafts);
    expect((await w.s.importBatches.list(w.users.viewer)).map((b) => b.state).sort()).toEqual(['review', 'undone', 'undone']);
  });

  it('follows the roles: viewers read, contributors cannot review, only publishers publish or undo a published batch', async () => {
    const batchId = await importReport();
    const item = await itemByWord(batchId, 'Quillmere');
    await expect(w.s.importBatches.get(w.users.viewer, batchId)).resolves.toBeTruthy();
    await expect(w.s.importBatches.decide(w.users.contributor, batchId, [item.id], 'excluded')).rejects.toThrow(ForbiddenError);
    await expect(w.s.importBatches.publish(w.users.viewer, batchId)).rejects.toThrow(ForbiddenError);
    await expect(w.s.importBatches.undo(w.users.contributor, batchId)).rejects.toThrow(ForbiddenError);
    expect((await w.s.importBatches.get(w.users.viewer, batchId)).items.pending).toBe(3);
  });
});

describe('untitled items in what is published', () => {
  it('are a list under their heading in reports and on the public site, never empty headings', async () => {
    const batchId = await importReport();
    for (const word of ['Yarrowfield', 'Quillmere']) await w.s.importBatches.retitle(w.users.officer, batchId, (await itemByWord(batchId, word)).id, '');
    await w.s.importBatches.publish(w.users.officer, batchId);
    const [html, md] = await w.s.reports.build({ planId: w.planId, period: '2023/24', formats: ['html', 'md'], draft: false });
    const text = (f: { bytes: Uint8Array }) => new TextDecoder().decode(f.bytes);
    const page = text(html);
    expect(page).toMatch(/<ul class="govuk-list govuk-list--bullet cmp-untitled">\n<li class="cmp-entry cmp-entry--untitled" id="entry-[^"]+">The new Quillmere library[^]*?<\/li>\n<li class="cmp-entry cmp-entry--untitled" id="entry-[^"]+">A play park opened in Oakham/);
    expect(page).not.toMatch(/<h\d class="govuk-heading-s">\s*<\/h\d>/);
    expect(page).toContain('Brambleton recycling</h3>');
    expect(text(md)).toMatch(/\n- The new Quillmere library[^\n]*\n- A play park opened in Oakham for 300 children\. \(Places: Oakham\)\n/);
    expect(text(md)).not.toMatch(/^#+ *$/m);
    const site = await (await createApp(w.s, { cachePages: false }).request('/outcomes/great-communities')).text();
    expect(site).not.toMatch(/<h3 class="govuk-heading-s[^"]*"><a class="govuk-link" href="\/entries\/[^"]+"><\/a><\/h3>/);
    expect(site).toMatch(/<p class="govuk-body govuk-!-margin-bottom-1"><a class="govuk-link" href="\/entries\/[^"]+">A play park opened in Oakham/);
  });
});
