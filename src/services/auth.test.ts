import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { manageWorkspace, PASSWORD, type ManageWorkspace } from '../../test/helpers/manage.js';
import { hashToken, THROTTLE } from './auth.js';
import { SYSTEM_ACTOR } from './policy.js';

let w: ManageWorkspace;
beforeAll(async () => { w = await manageWorkspace(); });
afterAll(async () => { await w.close(); });
// One workspace for the file (quicker); each test starts with no sessions, no failed attempts, everyone active.
beforeEach(async () => {
  await w.store.db.execute(sql`delete from sessions`);
  await w.store.db.execute(sql`delete from sign_in_counters`);
  await w.store.db.execute(sql`update users set active = true`);
});

const sessionRows = async () => (await w.store.db.execute(sql`select id, user_id, csrf_token from sessions`) as unknown as { rows: { id: string; user_id: string; csrf_token: string }[] }).rows;

describe('auth', () => {
  it('signs in with the right password, whatever the email’s case, and stores only the token’s hash', async () => {
    const r = await w.s.auth.signIn({ email: 'Officer@Test.gov.uk', password: PASSWORD, address: '10.0.0.1' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.user.role).toBe('performance-officer');
    const stored = await sessionRows();
    expect(stored).toHaveLength(1);
    expect(stored[0].id).toBe(hashToken(r.token));
    expect(stored[0].id).not.toBe(r.token);
    const current = await w.s.auth.session(r.token);
    expect(current?.user.email).toBe('officer@test.gov.uk');
    expect(current?.csrfToken).toBe(r.csrfToken);
    expect(await w.s.auth.session(r.token + 'x')).toBeNull();
    expect((r.expiresAt.getTime() - Date.now()) / 86_400_000).toBeCloseTo(w.s.config.sessionDays, 1);
  });

  it('refuses a wrong password or unknown email the same way', async () => {
    expect(await w.s.auth.signIn({ email: 'officer@test.gov.uk', password: 'wrong password!' })).toEqual({ ok: false, reason: 'invalid' });
    expect(await w.s.auth.signIn({ email: 'nobody@test.gov.uk', password: PASSWORD })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('rotates the session on sign-in: the old token stops working', async () => {
    const first = await w.s.auth.signIn({ email: 'viewer@test.gov.uk', password: PASSWORD });
    if (!first.ok) throw new Error('sign-in failed');
    const second = await w.s.auth.signIn({ email: 'viewer@test.gov.uk', password: PASSWORD, previousToken: first.token });
    if (!second.ok) throw new Error('sign-in failed');
    expect(second.token).not.toBe(first.token);
    expect(second.csrfToken).not.toBe(first.csrfToken);
    expect(await w.s.auth.session(first.token)).toBeNull();
    expect(await w.s.auth.session(second.token)).not.toBeNull();
  });

  it('throttles repeated attempts on one account from one address, even with the right password, and not from other addresses', async () => {
    for (let i = 0; i < THROTTLE.perAccountAndClient; i++) {
      expect((await w.s.auth.signIn({ email: 'viewer@test.gov.uk', password: `wrong ${i}`, address: '10.0.0.1' })).ok).toBe(false);
    }
    expect(await w.s.auth.signIn({ email: 'viewer@test.gov.uk', password: PASSWORD, address: '10.0.0.1' })).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: expect.any(Number) });
    // The owner, elsewhere, is not locked out by someone guessing from 10.0.0.1.
    expect((await w.s.auth.signIn({ email: 'viewer@test.gov.uk', password: PASSWORD, address: '10.9.9.9' })).ok).toBe(true);
    expect((await w.s.auth.signIn({ email: 'officer@test.gov.uk', password: PASSWORD, address: '10.9.9.9' })).ok).toBe(true);
  });

  it('throttles many attempts from one address across accounts', async () => {
    await w.store.db.execute(sql`insert into sign_in_counters (key, attempts) values ('client:10.1.1.1', ${THROTTLE.perClient})`);
    expect(await w.s.auth.signIn({ email: 'officer@test.gov.uk', password: PASSWORD, address: '10.1.1.1' })).toMatchObject({ ok: false, reason: 'throttled' });
    expect((await w.s.auth.signIn({ email: 'officer@test.gov.uk', password: PASSWORD, address: '10.1.1.2' })).ok).toBe(true);
  });

  it('ignores attempts older than the window', async () => {
    await w.store.db.execute(sql`insert into sign_in_counters (key, attempts, window_start) values ('account:viewer@test.gov.uk|client:unknown', 10, now() - interval '1 hour')`);
    expect((await w.s.auth.signIn({ email: 'viewer@test.gov.uk', password: PASSWORD })).ok).toBe(true);
  });

  it('expires sessions and refuses deactivated users', async () => {
    const r = await w.s.auth.signIn({ email: 'contributor@test.gov.uk', password: PASSWORD });
    if (!r.ok) throw new Error('sign-in failed');
    await w.store.db.execute(sql`update sessions set expires_at = now() - interval '1 minute'`);
    expect(await w.s.auth.session(r.token)).toBeNull();
    await w.s.users.setActive(SYSTEM_ACTOR, w.users.contributor.id, false);
    expect(await w.s.auth.signIn({ email: 'contributor@test.gov.uk', password: PASSWORD })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('signs out one session, or every session of the person', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await w.s.auth.signIn({ email: 'admin@test.gov.uk', password: PASSWORD });
      if (r.ok) tokens.push(r.token);
    }
    const other = await w.s.auth.signIn({ email: 'viewer@test.gov.uk', password: PASSWORD });
    await w.s.auth.signOut(tokens[0]);
    expect(await w.s.auth.session(tokens[0])).toBeNull();
    expect(await w.s.auth.session(tokens[1])).not.toBeNull();
    expect(await w.s.auth.signOutEverywhere(w.users.admin)).toBe(2);
    expect(await w.s.auth.session(tokens[2])).toBeNull();
    expect(other.ok && (await w.s.auth.session(other.token))).toBeTruthy();
  });
});
