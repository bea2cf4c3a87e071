import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../errors.js';
import { ACTIONS, authorize, can, SYSTEM_ACTOR, type Actor, type EntryScope } from './policy.js';

const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({ id: role, name: role, role, services: [], outcomeIds: [], ...extra });
const entry = (service: string | null, outcomeId: string | null, workflowState: EntryScope['workflowState'] = 'draft'): EntryScope => ({ kind: 'entry', service, outcomeId, workflowState });

describe('policy', () => {
  it('lets admins and the command line do everything, and nobody signed out do anything', () => {
    for (const a of ACTIONS) {
      expect(can(actor('admin'), a)).toBe(true);
      expect(can(SYSTEM_ACTOR, a)).toBe(true);
      expect(can(null, a)).toBe(false);
    }
  });

  it('keeps users, plan structure and settings from performance officers', () => {
    const po = actor('performance-officer');
    expect(can(po, 'entry.publish', entry('Waste', null, 'approved'))).toBe(true);
    expect(can(po, 'value.approve')).toBe(true);
    expect(can(po, 'import.run')).toBe(true);
    for (const a of ['user.manage', 'plan.manage', 'settings.manage'] as const) expect(can(po, a)).toBe(false);
  });

  it('leaves withdrawing a submission to the person who submitted it, whatever the role', () => {
    const submitted = (submittedBy: string | null): EntryScope => ({ ...entry('Highways', null, 'submitted'), submittedBy });
    const c = actor('contributor', { services: ['Highways'] });
    const colleague = actor('contributor', { id: 'colleague', services: ['Highways'] });
    expect([c, colleague, actor('performance-officer'), actor('admin')].map((a) => can(a, 'entry.withdraw', submitted('contributor')))).toEqual([true, false, false, false]);
    expect(can(actor('performance-officer'), 'entry.withdraw', submitted('performance-officer'))).toBe(true);
    expect(can(actor('admin'), 'entry.withdraw', submitted(null))).toBe(false);
    expect(can(SYSTEM_ACTOR, 'entry.withdraw', submitted('contributor'))).toBe(true);
    expect(() => authorize(actor('performance-officer'), 'value.withdraw', { kind: 'value', outcomeId: null, ownerId: null, workflowState: 'submitted', submittedBy: 'contributor' }))
      .toThrow('Only the person who submitted it can withdraw a submission: return it to them with a comment instead.');
  });

  it('lets viewers read drafts and nothing else', () => {
    const v = actor('viewer');
    expect(ACTIONS.filter((a) => can(v, a))).toEqual(['workspace.read', 'drafts.read']);
  });

  it('limits a contributor to drafts of their own services or outcomes', () => {
    const c = actor('contributor', { services: ['Highways'], outcomeIds: ['o1'] });
    expect(can(c, 'entry.edit', entry('Highways', null))).toBe(true);
    expect(can(c, 'entry.edit', entry(null, 'o1'))).toBe(true);
    expect(can(c, 'entry.edit', entry('Waste', 'o2'))).toBe(false);
    expect(can(c, 'entry.edit', entry(null, null))).toBe(false);
    expect(can(c, 'entry.edit', entry('Highways', null, 'submitted'))).toBe(false);
    expect(can(c, 'entry.submit', entry('Highways', null))).toBe(true);
    expect(can(c, 'entry.approve', entry('Highways', null, 'submitted'))).toBe(false);
    expect(can(c, 'entry.publish', entry('Highways', null, 'approved'))).toBe(false);
    expect(can(c, 'value.enter', { kind: 'value', outcomeId: 'o2', ownerId: c.id, workflowState: 'draft' })).toBe(true);
    expect(can(c, 'value.enter', { kind: 'value', outcomeId: 'o2', ownerId: 'someone', workflowState: 'draft' })).toBe(false);
    expect(can(c, 'user.manage')).toBe(false);
  });

  it('throws a ForbiddenError that names the role', () => {
    expect(() => authorize(actor('viewer'), 'entry.create')).toThrow(ForbiddenError);
    expect(() => authorize(actor('viewer'), 'entry.create')).toThrow(/viewer.*creating entries/);
    expect(() => authorize(undefined, 'entry.create')).toThrow(/Sign in/);
  });
});
