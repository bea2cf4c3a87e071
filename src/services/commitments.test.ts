// Commitments through the year: listed soonest due first, their status set by those who may, with a
// note in the audit trail, and the public site showing the new status at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manageWorkspace, type ManageWorkspace } from '../../test/helpers/manage.js';
import { ForbiddenError, ValidationError } from '../errors.js';

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
});
