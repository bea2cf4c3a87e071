// Sign-in throttling under racing attempts, spread attempts and a reverse proxy's shared address;
// and password hashes re-made at today's cost on the next sign-in.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { manageWorkspace, PASSWORD, type ManageWorkspace } from '../../test/helpers/manage.js';
import { THROTTLE } from './auth.js';
import * as passwords from './passwords.js';

let w: ManageWorkspace;
beforeAll(async () => { w = await manageWorkspace(); });
afterAll(async () => { await w.close(); });
beforeEach(async () => { await w.store.db.execute(sql`delete from sign_in_counters`); });

describe('sign-in throttling', () => {
  it('lets at most the limit of 40 racing wrong attempts reach a password check', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) =>
      w.s.auth.signIn({ email: 'viewer@test.gov.uk', password: `wrong guess ${i}`, address: '203.0.113.7' })));
    const checked = results.filter((r) => !r.ok && r.reason === 'invalid').length;
    const throttled = results.filter((r) => !r.ok && r.reason === 'throttled').length;
    expect(checked).toBe(THROTTLE.perAccountAndClient);
    expect(throttled).toBe(40 - THROTTLE.perAccountAndClient);
    const [row] = (await w.store.db.execute(sql`select attempts from sign_in_counters where key = 'account:viewer@test.gov.uk|client:203.0.113.7'`) as unknown as { rows: { attempts: number }[] }).rows;
    expect(Number(row.attempts)).toBe(40);
  });

  it('says how long to wait, and lets the account in from another address meanwhile', async () => {
    for (let i = 0; i < THROTTLE.perAccountAndClient + 1; i++) await w.s.auth.signIn({ email: 'officer@test.gov.uk', password: 'not it at all', address: '198.51.100.1' });
    const r = await w.s.auth.signIn({ email: 'officer@test.gov.uk', password: PASSWORD, address: '198.51.100.1' });
    expect(r).toMatchObject({ ok: false, reason: 'throttled' });
    if (!r.ok && r.reason === 'throttled') expect(r.retryAfterSeconds).toBeGreaterThan(THROTTLE.minutes * 60 - 60);
    expect((await w.s.auth.signIn({ email: 'officer@test.gov.uk', password: PASSWORD, address: '192.0.2.10' })).ok).toBe(true);
  });

  it('does not hold successful sign-ins against a shared address', async () => {
    for (let i = 0; i < THROTTLE.perClient + 5; i++) {
      expect((await w.s.auth.signIn({ email: 'viewer@test.gov.uk', password: PASSWORD, address: '192.0.2.99' })).ok).toBe(true);
    }
  });

  it('stops guessing one account spread over many addresses at the account-wide limit', async () => {
    await w.store.db.execute(sql`insert into sign_in_counters (key, attempts) values ('account:admin@test.gov.uk', ${THROTTLE.perAccount})`);
    expect(await w.s.auth.signIn({ email: 'admin@test.gov.uk', password: PASSWORD, address: '192.0.2.200' })).toMatchObject({ ok: false, reason: 'throttled' });
  });
});

describe('password hashes at an older cost', () => {
  it('are re-made at the current cost when the person next signs in', async () => {
    const weak = await passwords.hashPassword(PASSWORD, { N: 256, r: 8, p: 1 });
    await w.store.db.execute(sql`update users set password_hash = ${weak} where email = 'contributor@test.gov.uk'`);
    expect((await w.s.auth.signIn({ email: 'contributor@test.gov.uk', password: PASSWORD })).ok).toBe(true);
    const [row] = (await w.store.db.execute(sql`select password_hash from users where email = 'contributor@test.gov.uk'`) as unknown as { rows: { password_hash: string }[] }).rows;
    expect(row.password_hash).not.toBe(weak);
    expect(passwords.needsRehash(row.password_hash)).toBe(false);
    expect(row.password_hash.startsWith(`scrypt$${passwords.currentCost().N}$`)).toBe(true);
    expect((await w.s.auth.signIn({ email: 'contributor@test.gov.uk', password: PASSWORD })).ok).toBe(true);
  });
});
