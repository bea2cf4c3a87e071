// The review of an import batch in the workspace, by plain forms: the outline, each action with its
// confirmation, the refusals as pages that say what went wrong, publishing part and undoing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { manageApp, type ManageApp } from '../../../test/helpers/manage.js';
import { locationOf } from '../../../test/helpers/web.js';
import { BATCH_REPORT } from '../../../test/helpers/import-batch.js';

let w: ManageApp;
beforeAll(async () => { w = await manageApp(); });
afterAll(async () => { await w.close(); });

describe('reviewing an import in the workspace', () => {
  it('shows the outline and takes each review action from a form, then publishes the rest and undoes the batch', async () => {
    const summary = await w.s.imports.run([{ name: 'review-2024.txt', bytes: new TextEncoder().encode(BATCH_REPORT) }], { planId: w.planId, reportYear: 2024 });
    const batchId = summary.files[0].batchId!;
    const officer = await w.as('officer');
    const list = await (await officer.get('/manage/imports')).text();
    expect(list).toContain(`href="/manage/imports/${batchId}">review-2024.txt</a>`);
    expect(list).toContain('Waiting for review');

    const page = await (await officer.get(`/manage/imports/${batchId}`)).text();
    expect(page).toMatch(/<h2 class="govuk-heading-m" id="section-1">Great Communities<\/h2>/);
    expect(page).toContain('Mapped to: <strong>Great Communities</strong>');
    expect(page).toContain('Quillmere library');
    expect(page).toContain('12,000 books');
    const ids = [...page.matchAll(/id="item-([0-9a-f-]{36})"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(3);
    const [library, park, recycling] = ids;

    const excluded = await officer.post(`/manage/imports/${batchId}/decide`, { item: recycling, decision: 'excluded' });
    expect(locationOf(excluded)).toBe(`/manage/imports/${batchId}?done=batch-decided&item=${recycling}#item-${recycling}`);
    // The confirmation is shown beside the item acted on (once), not at the top of the outline.
    const back = await (await officer.get(locationOf(excluded))).text();
    expect(back.split('The item’s review decision was saved.')).toHaveLength(2);
    expect(back.indexOf('The item’s review decision was saved.')).toBeGreaterThan(back.indexOf(`id="item-${recycling}"`));
    expect(locationOf(await officer.post(`/manage/imports/${batchId}/items/${park}/title`, { title: 'Play park in Oakham' }))).toContain('done=batch-retitled');
    expect(locationOf(await officer.post(`/manage/imports/${batchId}/decide`, { item: library, decision: 'accepted' }))).toContain('done=batch-decided');

    const tooLong = await officer.post(`/manage/imports/${batchId}/items/${park}/title`, { title: 'x'.repeat(301) });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain('A title is at most 300 characters');

    const published = await officer.post(`/manage/imports/${batchId}/publish`, { scope: 'accepted' });
    expect(locationOf(published)).toContain('done=batch-published');
    const publicApp = createApp(w.s, { cachePages: false });
    const site = await (await publicApp.request('/outcomes/great-communities')).text();
    expect(site).toContain('Quillmere library');
    expect(site).not.toContain('Play park in Oakham');

    const after = await (await officer.get(`/manage/imports/${batchId}`)).text();
    expect(after).toContain('1 published, 0 accepted, 1 to review, 1 excluded');
    // Part of it is public, and the page says so rather than a bare "Published".
    expect(after).toContain('Partly published: the items not yet published wait for review');

    // A contributor may read the batch but not act on it.
    const contributor = await w.as('contributor');
    expect((await contributor.post(`/manage/imports/${batchId}/decide`, { item: park, decision: 'excluded' })).status).toBe(403);

    const confirm = await (await officer.get(`/manage/imports/${batchId}/undo`)).text();
    expect(confirm).toContain('Undo the import of review-2024.txt?');
    expect(locationOf(await officer.post(`/manage/imports/${batchId}/undo`))).toBe(`/manage/imports/${batchId}?done=batch-undone`);
    expect(await (await publicApp.request('/outcomes/great-communities')).text()).not.toContain('Quillmere library');
    const twice = await officer.post(`/manage/imports/${batchId}/undo`);
    expect(twice.status).toBe(409);
    expect(await twice.text()).toMatch(/import batch [0-9a-f]{8} \(review-2024\.txt\) was already undone on \d{4}-\d\d-\d\d: there is nothing left to undo\./);
  });
});
