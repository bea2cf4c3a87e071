import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manageWorkspace, type ManageWorkspace } from '../../test/helpers/manage.js';
import { ForbiddenError, ValidationError } from '../errors.js';

let w: ManageWorkspace;
beforeAll(async () => { w = await manageWorkspace(); });
afterAll(async () => { await w.close(); });

describe('reporting calendar', () => {
  it('sets owners and due dates, lists each owner’s own and what is overdue or stale', async () => {
    const c = w.users.contributor.id;
    await w.s.duties.set(w.users.officer, { subjectType: 'indicator', subjectId: w.indicators[0].id, periodKey: '2023/24', ownerId: c, dueDate: '2024-05-31' });
    await w.s.duties.set(w.users.officer, { subjectType: 'outcome', subjectId: w.outcomes[0].id, periodKey: '2024/25', ownerId: c, dueDate: '2025-04-20' });
    await w.s.duties.set(w.users.officer, { subjectType: 'indicator', subjectId: w.indicators[1].id, periodKey: '2024/25', ownerId: w.users.officer.id, dueDate: '2025-06-30' });
    const on = '2025-05-01';
    const mine = await w.s.duties.mine(w.users.contributor, on);
    expect(mine.map((d) => [d.subjectTitle, d.periodKey, d.state, d.daysLate])).toEqual([
      ['Test indicator 1', 'FY2023-24', 'stale', 335], ['Great Communities', 'FY2024-25', 'overdue', 11]]);
    const overdue = await w.s.duties.overdue(w.users.viewer, on);
    expect(overdue.map((d) => d.subjectTitle)).toEqual(['Test indicator 1', 'Great Communities']);
    // Setting it again changes the existing duty rather than adding one.
    await w.s.duties.set(w.users.officer, { subjectType: 'outcome', subjectId: w.outcomes[0].id, periodKey: 'FY2024-25', ownerId: c, dueDate: '2025-05-20' });
    expect((await w.s.duties.mine(w.users.contributor, on)).map((d) => d.state)).toEqual(['stale', 'due']);
  });

  it('is done when the outcome’s entry for the period is submitted', async () => {
    const id = await w.s.entries.create(w.users.contributor, { title: 'Update', kind: 'update', body: 'x', outcomeId: w.outcomes[0].id, periodKey: '2024/25' });
    await w.s.entries.transition(w.users.contributor, id, 'submit');
    const all = await w.s.duties.list(w.users.viewer, { periodKey: 'FY2024-25', on: '2025-05-01' });
    expect(all.find((d) => d.subjectId === w.outcomes[0].id)?.state).toBe('done');
  });

  it('checks who may set duties and what they name', async () => {
    await expect(w.s.duties.set(w.users.contributor, { subjectType: 'outcome', subjectId: w.outcomes[0].id, periodKey: '2024/25', ownerId: w.users.contributor.id, dueDate: '2025-01-01' })).rejects.toThrow(ForbiddenError);
    const err = await w.s.duties.set(w.users.officer, { subjectType: 'indicator', subjectId: 'nope', periodKey: 'whenever', ownerId: 'nobody', dueDate: '2025-01-01' }).catch((e) => e);
    expect((err as ValidationError).problems.map((p) => p.field).sort()).toEqual(['ownerId', 'periodKey', 'subjectId']);
  });

  it('lets the owner mark their duty done by hand', async () => {
    const id = await w.s.duties.set(w.users.officer, { subjectType: 'indicator', subjectId: w.indicators[0].id, periodKey: '2021/22', ownerId: w.users.viewer.id, dueDate: '2022-05-31' });
    await expect(w.s.duties.complete(w.users.contributor, id)).rejects.toThrow(ForbiddenError);
    await w.s.duties.complete(w.users.viewer, id);
    expect((await w.s.duties.mine(w.users.viewer)).length).toBe(0);
  });
});
