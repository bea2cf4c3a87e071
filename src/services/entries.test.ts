import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { tables } from '../store/index.js';
import { manageWorkspace, type ManageWorkspace } from '../../test/helpers/manage.js';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.js';

let w: ManageWorkspace;
beforeAll(async () => { w = await manageWorkspace(); });
afterAll(async () => { await w.close(); });

const draft = (extra: Record<string, unknown> = {}) => ({
  title: 'Resurfaced 40 miles of road', body: 'We resurfaced 40 miles of road in Melton and Charnwood with £2m.', kind: 'achievement' as const,
  service: 'Highways', periodKey: '2024/25', places: ['Melton', 'Somewhere Small'], partners: ['Parish councils'], ...extra,
});

describe('entries', () => {
  it('creates a draft with places linked to areas, and records it in the audit trail', async () => {
    const id = await w.s.entries.create(w.users.contributor, draft({ outcomeId: w.outcomes[0].id, themeId: w.outcomes[0].themeIds[0] }));
    const e = await w.s.entries.get(w.users.contributor, id);
    expect(e.entry.workflowState).toBe('draft');
    expect(e.entry.periodKey).toBe('FY2024-25');
    expect(e.places.map((p) => [p.name, p.areaCode])).toEqual([['Melton', 'E07000133'], ['Somewhere Small', null]]);
    expect(e.canEdit).toBe(true);
    expect(e.steps).toEqual(['submit']);
    const history = await w.s.audit.history(w.users.viewer, 'entry', id);
    expect(history.map((h) => [h.action, h.userName])).toEqual([['create', 'contributor']]);
    expect((history[0].after as { title: string }).title).toBe('Resurfaced 40 miles of road');
  });

  it('says what is wrong with each field', async () => {
    const err = await w.s.entries.create(w.users.officer, { title: ' ', kind: 'nonsense' as 'update', periodKey: '' }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).problems.map((p) => p.field).sort()).toEqual(['kind', 'title']);
    const bad = await w.s.entries.create(w.users.officer, draft({ outcomeId: w.outcomes[0].id, themeId: w.outcomes[1].themeIds[0], periodKey: 'someday', date: '2024-02-30' })).catch((e) => e);
    expect((bad as ValidationError).problems.map((p) => p.field).sort()).toEqual(['date', 'periodKey', 'themeId']);
  });

  it('keeps a contributor to their own services and outcomes, and to drafts', async () => {
    await expect(w.s.entries.create(w.users.contributor, draft({ service: 'Waste' }))).rejects.toThrow(ForbiddenError);
    await expect(w.s.entries.create(w.users.viewer, draft())).rejects.toThrow(ForbiddenError);
    const theirs = await w.s.entries.create(w.users.otherContributor, draft({ service: 'Waste' }));
    await expect(w.s.entries.update(w.users.contributor, theirs, draft({ service: 'Waste', title: 'Taken over' }))).rejects.toThrow(ForbiddenError);
    await expect(w.s.entries.remove(w.users.contributor, theirs)).rejects.toThrow(ForbiddenError);
    await expect(w.s.entries.transition(w.users.contributor, theirs, 'submit')).rejects.toThrow(ForbiddenError);
    const mine = await w.s.entries.create(w.users.contributor, draft());
    await expect(w.s.entries.update(w.users.contributor, mine, draft({ service: 'Waste' }))).rejects.toThrow(ForbiddenError);
    await w.s.entries.transition(w.users.contributor, mine, 'submit');
    await expect(w.s.entries.update(w.users.contributor, mine, draft({ title: 'After submitting' }))).rejects.toThrow(ForbiddenError);
    const list = await w.s.entries.list(w.users.contributor, { mine: true });
    expect(list.items.every((i) => i.service === 'Highways' || i.outcomeId === w.outcomes[0].id)).toBe(true);
    expect(list.items.some((i) => i.id === theirs)).toBe(false);
  });

  it('runs the workflow: submit, return with a comment, resubmit, approve, publish, unpublish', async () => {
    const id = await w.s.entries.create(w.users.contributor, draft());
    await w.s.entries.transition(w.users.contributor, id, 'submit');
    await expect(w.s.entries.transition(w.users.officer, id, 'return')).rejects.toThrow(ValidationError);
    const returned = await w.s.entries.transition(w.users.officer, id, 'return', 'Say which roads.');
    expect([returned.entry.workflowState, returned.entry.reviewComment]).toEqual(['draft', 'Say which roads.']);
    await w.s.entries.update(w.users.contributor, id, draft({ body: 'Resurfaced the A606 and A607 in Melton.' }));
    const resubmitted = await w.s.entries.transition(w.users.contributor, id, 'submit');
    expect([resubmitted.entry.workflowState, resubmitted.entry.reviewComment]).toEqual(['submitted', null]);
    await expect(w.s.entries.transition(w.users.officer, id, 'publish')).rejects.toThrow(ConflictError);
    await w.s.entries.transition(w.users.officer, id, 'approve');
    const published = await w.s.entries.transition(w.users.officer, id, 'publish');
    expect(published.entry.workflowState).toBe('published');
    expect(published.entry.publishedAt).not.toBeNull();
    expect(published.steps).toEqual(['unpublish']);
    const back = await w.s.entries.transition(w.users.admin, id, 'unpublish');
    expect([back.entry.workflowState, back.entry.publishedAt]).toEqual(['draft', null]);
    const actions = (await w.s.audit.history(w.users.viewer, 'entry', id)).map((h) => h.action);
    expect(actions).toEqual(['create', 'submit', 'return', 'update', 'submit', 'approve', 'publish', 'unpublish']);
  });

  it('keeps facts on their words when the text changes, and lets commitments follow the entry', async () => {
    const id = await w.s.entries.create(w.users.officer, draft({ body: 'We spent £2m on 40 miles of road.' }));
    // Written on the web, the figures are found by the import extractor.
    const created = await w.s.entries.get(w.users.officer, id);
    expect(created.facts.map((f) => [f.text, f.start, f.kind])).toEqual([['£2m', 9, 'money'], ['40 miles of road', 16, 'count']]);
    const c = randomUUID();
    await w.store.db.insert(tables.commitments).values({ id: c, planId: w.planId, entryId: id, text: 'Resurface 50 more miles by 2026' });
    await w.s.entries.update(w.users.officer, id, draft({ body: 'This year we spent £2m on roads.' }));
    const e = await w.s.entries.get(w.users.officer, id);
    // The figure kept follows its words (once, not found again); the one whose words went is gone.
    expect(e.facts.map((f) => [f.text, f.start, e.entry.body.slice(f.start!, f.end!)])).toEqual([['£2m', 19, '£2m']]);
    expect(e.facts[0].id).toBe(created.facts[0].id);
    await w.s.entries.transition(w.users.officer, id, 'submit');
    await w.s.entries.transition(w.users.officer, id, 'approve');
    const done = await w.s.entries.transition(w.users.officer, id, 'publish');
    expect(done.commitments.map((x) => x.workflowState)).toEqual(['published']);
  });

  it('deletes an entry with an audit record of what it was', async () => {
    const id = await w.s.entries.create(w.users.contributor, draft({ title: 'To be deleted' }));
    await w.s.entries.remove(w.users.contributor, id);
    await expect(w.s.entries.get(w.users.contributor, id)).rejects.toThrow(/not found/);
    const h = await w.s.audit.history(w.users.viewer, 'entry', id);
    expect(h.at(-1)?.action).toBe('delete');
    expect((h.at(-1)?.before as { title: string }).title).toBe('To be deleted');
  });
});
