// The narrative pages: one form a block, saved with its paragraphs, refused when empty, for plan managers only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { manageWorkspace, PASSWORD, type ManageWorkspace } from '../../../test/helpers/manage.js';
import { signedIn } from '../../../test/helpers/web.js';
import { auditedEntities, seedNarrative } from '../../../test/helpers/narrative.js';

let w: ManageWorkspace;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  w = await manageWorkspace();
  app = createApp(w.s, { cachePages: false });
  await seedNarrative(w.store, w.planId, w.outcomes[0].id);
});
afterAll(async () => { await w.close(); });

describe('editing the narrative', () => {
  it('shows each block as a form and saves its heading and paragraphs, audited', async () => {
    const b = await signedIn(app, 'admin@test.gov.uk', PASSWORD);
    const page = await (await b.get('/manage/narrative')).text();
    expect(page).toContain('First paragraph of ours.\n\nSecond paragraph of ours.');
    expect(page).toContain('Introduction of the outcome');
    const r = await b.post('/manage/narrative/n1', { heading: 'Foreword', text: 'One  new\nparagraph.\n\nAnd another.' });
    expect(r.status).toBe(303);
    const [block] = (await w.s.narrative.list()).filter((x) => x.id === 'n1');
    expect([block.heading, block.paragraphs]).toEqual(['Foreword', ['One new paragraph.', 'And another.']]);
    expect(await auditedEntities(w.store)).toContain('narrative/n1');
  });

  it('refuses an empty block with one clear message, changing nothing; a contributor may not edit', async () => {
    const b = await signedIn(app, 'admin@test.gov.uk', PASSWORD);
    const r = await b.post('/manage/narrative/n2', { heading: '', text: '  \n\n ' });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain('Write at least one paragraph');
    expect((await w.s.narrative.list()).find((x) => x.id === 'n2')?.paragraphs).toEqual(['What this outcome is about.']);
    const contributor = await signedIn(app, 'contributor@test.gov.uk', PASSWORD);
    expect((await contributor.post('/manage/narrative/n2', { heading: '', text: 'Mine.' })).status).toBe(403);
  });
});
