import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manageWorkspace, PASSWORD, type ManageWorkspace } from '../../test/helpers/manage.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { SYSTEM_ACTOR } from './policy.js';

let w: ManageWorkspace;
beforeAll(async () => { w = await manageWorkspace(); });
afterAll(async () => { await w.close(); });

describe('users', () => {
  it('creates accounts (generating a password when none is given) only for admins', async () => {
    const { user, generatedPassword } = await w.s.users.create(w.users.admin, { email: 'new@test.gov.uk', name: 'New Person', role: 'viewer' });
    expect(generatedPassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect((await w.s.auth.signIn({ email: 'new@test.gov.uk', password: generatedPassword! })).ok).toBe(true);
    expect(user.active).toBe(true);
    await expect(w.s.users.create(w.users.officer, { email: 'x@test.gov.uk', name: 'X', role: 'admin' })).rejects.toThrow(ForbiddenError);
    const dup = await w.s.users.create(w.users.admin, { email: 'NEW@test.gov.uk', name: 'Again', role: 'viewer' }).catch((e) => e);
    expect((dup as ValidationError).problems).toEqual([{ field: 'email', message: 'There is already a user with the email NEW@test.gov.uk' }]);
    const bad = await w.s.users.create(w.users.admin, { email: 'not an email', name: '', role: 'boss' as 'admin', password: 'short' }).catch((e) => e);
    expect((bad as ValidationError).problems.map((p) => p.field).sort()).toEqual(['email', 'name', 'password', 'role']);
  });

  it('changes roles and assignments, and never leaves the workspace without an admin', async () => {
    const after = await w.s.users.update(w.users.admin, w.users.viewer.id, { role: 'contributor', services: ['Libraries'] });
    expect([after.role, after.services]).toEqual(['contributor', ['Libraries']]);
    await expect(w.s.users.update(w.users.admin, w.users.admin.id, { role: 'viewer' })).rejects.toThrow(/only active admin/);
    await expect(w.s.users.setActive(w.users.admin, w.users.admin.id, false)).rejects.toThrow(ValidationError);
    const h = await w.s.audit.history(w.users.admin, 'user', w.users.viewer.id);
    expect(h.at(-1)).toMatchObject({ action: 'update', before: { role: 'viewer' }, after: { role: 'contributor' } });
    expect(JSON.stringify(h)).not.toMatch(/scrypt/);
  });

  it('deactivation ends sessions; a new password ends them too', async () => {
    const r = await w.s.auth.signIn({ email: 'officer@test.gov.uk', password: PASSWORD });
    if (!r.ok) throw new Error('sign-in failed');
    await w.s.users.setPassword(SYSTEM_ACTOR, w.users.officer.id, 'another long password');
    expect(await w.s.auth.session(r.token)).toBeNull();
    const again = await w.s.auth.signIn({ email: 'officer@test.gov.uk', password: 'another long password' });
    if (!again.ok) throw new Error('sign-in failed');
    await w.s.users.setActive(w.users.admin, w.users.officer.id, false);
    expect(await w.s.auth.session(again.token)).toBeNull();
  });
});
