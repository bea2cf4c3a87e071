// New passwords are checked as NCSC and NIST advise: long enough, not common or breached, not a
// simple pattern, not the person's own name; no rules about kinds of character.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manageWorkspace, type ManageWorkspace } from '../../test/helpers/manage.js';
import { ValidationError } from '../errors.js';
import { SYSTEM_ACTOR } from './policy.js';
import { commonPasswords, passwordProblem } from './passwords.js';

describe('passwordProblem', () => {
  it('ships a list of at least 10,000 common passwords', () => {
    expect(commonPasswords().size).toBeGreaterThan(10_000);
    expect(commonPasswords().has('password')).toBe(true);
  });

  it.each(['aaaaaaaaaa', 'password12', 'Password12', 'password123!', '!!monkey2024', 'qwertyuiop', '1234567890', 'abcdefghij',
    'abcabcabcabc', 'ababababab', 'iloveyou12', 'letmein2024', 'Football1234'])('refuses %j with a sentence', (pw) => {
    const problem = passwordProblem(pw);
    expect(problem).toMatch(/^[A-Z].*(list of common or breached passwords|repeated or simple pattern)/);
  });

  it('refuses short ones, and the person’s own name or email', () => {
    expect(passwordProblem('Xq7!short')).toBe('A password needs at least 10 characters');
    expect(passwordProblem('morgan-quietly-88', ['alex.morgan@demoshire.example', 'Alex Morgan'])).toMatch(/your name or email/);
  });

  it('accepts long, unpredictable ones with no rule about kinds of character', () => {
    for (const pw of ['orbit lantern staple quietly', 'correct horse battery staple', 'wxyvbmqpltzr', 'a long enough password']) {
      expect([pw, passwordProblem(pw)]).toEqual([pw, null]);
    }
  });
});

describe('setting passwords through the services', () => {
  let w: ManageWorkspace;
  beforeAll(async () => { w = await manageWorkspace(); });
  afterAll(async () => { await w.close(); });

  it('refuses a common password for a new account and a changed one, saying why', async () => {
    const err = await w.s.users.create(SYSTEM_ACTOR, { email: 'new@test.gov.uk', name: 'New Person', role: 'viewer', password: 'password12' }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).problems).toEqual([expect.objectContaining({ field: 'password', message: expect.stringMatching(/common or breached/) })]);
    const again = await w.s.users.setPassword(w.users.admin, w.users.viewer.id, 'aaaaaaaaaa').catch((e) => e);
    expect((again as ValidationError).problems[0].message).toMatch(/repeated or simple pattern/);
    await w.s.users.setPassword(w.users.admin, w.users.viewer.id, 'orbit lantern staple quietly');
    const own = await w.s.users.create(SYSTEM_ACTOR, { email: 'morgana@test.gov.uk', name: 'Morgana Vale', role: 'viewer', password: 'morgana-orbit-lantern' }).catch((e) => e);
    expect((own as ValidationError).problems).toEqual([{ field: 'password', message: 'A password may not contain your name or email address: choose another' }]);
  });
});
