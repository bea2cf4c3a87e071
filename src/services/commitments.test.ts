// Commitments through the year: listed soonest due first, their status set by those who may, with a
// note in the audit trail, and the public site showing the new status at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manageWorkspace, type ManageWorkspace } from '../../test/helpers/manage.js';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.js';
import { pickEvidence } from './commitments.js';

let w: ManageWorkspace;
const REPORT = [
  'Great Communities', '',
  'New library – We will open a new library in Melton by spring 2026.', '',
  'Clean and Green', '',
  'Bypass – The new bypass is expected to open in early 2025.', '',
].join('\n');

beforeAll(async () => {
  w = await manageWorkspace();
  const imported = await w.s.imports.run([{ name: 'promises-2024.txt', bytes: new TextEncoder().encode(REPORT) }], { planId: w.planId, reportYear: 2024 });
  await w.s.importBatches.publish(w.users.officer, imported.files[0].batchId!);
});
afterAll(async () => { await w.close(); });

describe('commitments', () => {
  it('lists the plan’s commitments soonest due first, with their due dates in their own words', async () => {
    const list = await w.s.commitments.list(w.users.viewer);
    expect(list.map((c) => c.text)).toEqual([
      expect.stringContaining('bypass is expected to open in early 2025'),
      expect.stringContaining('open a new library in Melton by spring 2026'),
    ]);
    expect(list.map((c) => [c.status, c.statusLabel])).toEqual([['open', 'In progress'], ['open', 'In progress']]);
    expect(list[1].dueLabel).toMatch(/spring 2026/);
    expect(list[1].outcomeTitle).toBe('Great Communities');
  });

  it('sets a status with a note in the history, and the public site shows it at once', async () => {
    const [bypass] = await w.s.commitments.list(w.users.officer);
    expect((await w.s.commitments.get(w.users.officer, bypass.id)).canUpdate).toBe(true);
    const after = await w.s.commitments.setStatus(w.users.officer, bypass.id, 'late', 'Utility works pushed the opening back.');
    expect([after.status, after.statusLabel]).toEqual(['late', 'Late']);
    expect((await w.s.commitments.list(w.users.viewer, { status: 'late' })).map((c) => c.id)).toEqual([bypass.id]);
    const history = await w.s.audit.history(w.users.viewer, 'commitment', bypass.id);
    expect(history.map((h) => [h.action, h.before, h.after])).toEqual([
      ['update', { status: 'open' }, { status: 'late', note: 'Utility works pushed the opening back.' }],
    ]);
    const site = await w.s.site.commitments();
    expect(site.commitments.find((c) => c.id === bypass.id)?.status).toBe('late');
    // Late: the one set so, and any other whose due date has passed without evidence by the day asked
    // about: before spring 2026 the bypass alone; from the summer of 2026 the library promise too.
    expect(site.counts.late).toBeGreaterThanOrEqual(1);
    expect((await w.s.site.commitments({ onDay: '2025-06-01' })).counts.late).toBe(1);
    expect((await w.s.site.commitments({ onDay: '2026-07-01' })).counts.late).toBe(2);
    // Saving the same status without a note records nothing.
    await w.s.commitments.setStatus(w.users.officer, bypass.id, 'late');
    expect(await w.s.audit.history(w.users.viewer, 'commitment', bypass.id)).toHaveLength(1);
  });

  it('leaves status to administrators and performance officers, and refuses a status it does not know', async () => {
    const [, library] = await w.s.commitments.list(w.users.officer);
    expect((await w.s.commitments.get(w.users.contributor, library.id)).canUpdate).toBe(false);
    await expect(w.s.commitments.setStatus(w.users.contributor, library.id, 'delivered')).rejects.toThrow(ForbiddenError);
    await expect(w.s.commitments.setStatus(w.users.viewer, library.id, 'delivered')).rejects.toThrow(ForbiddenError);
    const err = await w.s.commitments.setStatus(w.users.admin, library.id, 'finished').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).problems[0]).toMatchObject({ field: 'status', message: expect.stringContaining('Delivered') });
    expect((await w.s.commitments.get(w.users.viewer, library.id)).status).toBe('open');
    await expect(w.s.commitments.get(w.users.viewer, 'no-such-id')).rejects.toThrow('Commitment "no-such-id" not found');
  });

  it('links the entries that show a commitment kept, shows them on the public site, and unlinks them', async () => {
    const [bypass] = await w.s.commitments.list(w.users.officer);
    const choices = await w.s.commitments.evidenceChoices(w.users.officer);
    const bypassEntry = choices.find((e) => e.title.startsWith('Bypass'))!;
    await w.s.commitments.linkEvidence(w.users.officer, bypass.id, bypassEntry.id, true);
    await w.s.commitments.linkEvidence(w.users.officer, bypass.id, bypassEntry.id, true); // again: nothing changes
    expect((await w.s.commitments.get(w.users.viewer, bypass.id)).evidence).toEqual([{ id: bypassEntry.id, title: bypassEntry.title, workflowState: 'published' }]);
    expect((await w.s.site.commitments()).commitments.find((c) => c.id === bypass.id)?.evidence).toEqual([{ id: bypassEntry.id, title: bypassEntry.title }]);
    await expect(w.s.commitments.linkEvidence(w.users.contributor, bypass.id, bypassEntry.id, false)).rejects.toThrow(ForbiddenError);
    const wrong = await w.s.commitments.linkEvidence(w.users.officer, bypass.id, 'not-an-entry', true).catch((e: unknown) => e);
    expect((wrong as ValidationError).problems[0].field).toBe('entryId');
    await w.s.commitments.linkEvidence(w.users.officer, bypass.id, bypassEntry.id, false);
    expect((await w.s.commitments.get(w.users.viewer, bypass.id)).evidence).toEqual([]);
    const trail = (await w.s.audit.history(w.users.viewer, 'commitment', bypass.id)).filter((h) => JSON.stringify(h).includes('evidence'));
    expect(trail.map((h) => [h.before, h.after])).toEqual([[null, { evidence: bypassEntry.title }], [{ evidence: bypassEntry.title }, null]]);
  });

  it('takes a proposed status through approval like an entry, publishing its note beside the status only at the end', async () => {
    const [, library] = await w.s.commitments.list(w.users.officer); // under Great Communities, the contributor's outcome
    const publicStatus = async () => (await w.s.site.commitments()).commitments.find((c) => c.id === library.id);
    expect((await w.s.commitments.get(w.users.contributor, library.id)).canPropose).toBe(true);
    expect((await w.s.commitments.get(w.users.otherContributor, library.id)).canPropose).toBe(false);
    await expect(w.s.commitments.propose(w.users.otherContributor, library.id, 'late', 'Not mine')).rejects.toThrow(ForbiddenError);
    await expect(w.s.commitments.propose(w.users.viewer, library.id, 'late')).rejects.toThrow(ForbiddenError);

    const draft = await w.s.commitments.propose(w.users.contributor, library.id, 'delivered', 'Opened 15 months late, in June 2027.');
    expect([draft.status, draft.proposedStatus, draft.proposalState, draft.proposedByName]).toEqual(['open', 'delivered', 'draft', 'contributor']);
    expect((await w.s.commitments.get(w.users.contributor, library.id)).steps).toEqual(['submit']);
    await w.s.commitments.proposalStep(w.users.contributor, library.id, 'submit');
    // Submitted: the contributor may only withdraw it, and may no longer change it.
    expect((await w.s.commitments.get(w.users.contributor, library.id)).steps).toEqual(['withdraw']);
    await expect(w.s.commitments.propose(w.users.contributor, library.id, 'late')).rejects.toThrow(ForbiddenError);
    await expect(w.s.commitments.proposalStep(w.users.contributor, library.id, 'approve')).rejects.toThrow(ForbiddenError);
    expect((await w.s.commitments.awaitingApproval(w.users.officer)).map((c) => c.id)).toEqual([library.id]);
    // Withdrawing is the submitter's step: the officer approves or returns it.
    expect((await w.s.commitments.get(w.users.officer, library.id)).steps).toEqual(['approve', 'return']);
    await expect(w.s.commitments.proposalStep(w.users.officer, library.id, 'withdraw')).rejects.toThrow('Only the person who submitted it can withdraw a submission: return it to them with a comment instead.');
    await w.s.commitments.proposalStep(w.users.officer, library.id, 'approve');
    await expect(w.s.commitments.proposalStep(w.users.officer, library.id, 'approve')).rejects.toThrow(ConflictError);
    // Approved but not yet published: the public site still shows the old status (late: spring 2026 has passed) and no note.
    expect(await publicStatus()).toMatchObject({ status: 'late', statusNote: null });
    const published = await w.s.commitments.proposalStep(w.users.officer, library.id, 'publish');
    expect([published.status, published.statusNote, published.proposalState, published.proposedStatus]).toEqual(['delivered', 'Opened 15 months late, in June 2027.', null, null]);
    expect(await publicStatus()).toMatchObject({ status: 'delivered', statusNote: 'Opened 15 months late, in June 2027.', statusSetOn: new Date().toISOString().slice(0, 10) });
    expect(await w.s.commitments.awaitingApproval(w.users.officer)).toEqual([]);
    await expect(w.s.commitments.proposalStep(w.users.officer, library.id, 'publish')).rejects.toThrow('No change of status is proposed');
    const trail = await w.s.audit.history(w.users.viewer, 'commitment', library.id);
    expect(trail.map((h) => h.action).slice(-4)).toEqual(['propose', 'submit', 'approve', 'publish']);
  });

  it('returns a proposal to draft with a comment, and lets its author withdraw a submission', async () => {
    const [, library] = await w.s.commitments.list(w.users.officer);
    await w.s.commitments.propose(w.users.contributor, library.id, 'dropped', 'Cancelled.', { submit: true });
    await w.s.commitments.proposalStep(w.users.contributor, library.id, 'withdraw');
    expect((await w.s.commitments.get(w.users.viewer, library.id)).proposalState).toBe('draft');
    await w.s.commitments.proposalStep(w.users.contributor, library.id, 'submit');
    await w.s.commitments.proposalStep(w.users.officer, library.id, 'return', 'Say which meeting decided it.');
    const back = await w.s.commitments.get(w.users.contributor, library.id);
    expect([back.status, back.proposalState, back.proposedStatus, back.canPropose]).toEqual(['delivered', 'draft', 'dropped', true]);
    expect((await w.s.audit.history(w.users.viewer, 'commitment', library.id)).at(-1)?.after).toEqual({ workflowState: 'draft', comment: 'Say which meeting decided it.' });
  });
});

describe('the evidence picker', () => {
  const choices = [
    { id: 'a', title: 'Bypass opened', date: '2025-02-01', outcomeId: 'o2', outcomeTitle: 'Clean and Green' },
    { id: 'b', title: 'Library plans agreed', date: '2024-06-01', outcomeId: 'o1', outcomeTitle: 'Great Communities' },
    { id: 'c', title: 'Archive moved', date: null, outcomeId: 'o1', outcomeTitle: 'Great Communities' },
    { id: 'd', title: 'Library opened', date: '2026-01-10', outcomeId: 'o1', outcomeTitle: 'Great Communities' },
  ];
  it('sorts newest first, oldest first or by title, undated entries last by date', () => {
    expect(pickEvidence(choices, {}).map((e) => e.id)).toEqual(['d', 'a', 'b', 'c']);
    expect(pickEvidence(choices, { sort: 'oldest' }).map((e) => e.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(pickEvidence(choices, { sort: 'title' }).map((e) => e.id)).toEqual(['c', 'a', 'd', 'b']);
  });
  it('narrows by outcome and by every word of the title', () => {
    expect(pickEvidence(choices, { outcomeId: 'o1' }).map((e) => e.id)).toEqual(['d', 'b', 'c']);
    expect(pickEvidence(choices, { q: 'library OPENED' }).map((e) => e.id)).toEqual(['d']);
    expect(pickEvidence(choices, { q: 'opened', outcomeId: 'o2' }).map((e) => e.id)).toEqual(['a']);
  });
});
