import { describe, expect, it } from 'vitest';
import { OWASP_SCRYPT, TEST_SCRYPT, loadConfig } from '../config.js';
import { currentCost, hashPassword, needsRehash, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('verifies the right password and refuses others', async () => {
    const h = await hashPassword('correct horse battery staple');
    expect(h).toMatch(/^scrypt\$1024\$8\$1\$/); // the test runs' cost
    expect(await verifyPassword('correct horse battery staple', h)).toBe(true);
    expect(await verifyPassword('Correct horse battery staple', h)).toBe(false);
    expect(await verifyPassword('', h)).toBe(false);
  });
  it('salts each hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
  it('hashes at the cost OWASP recommends unless a test run says otherwise', async () => {
    expect(OWASP_SCRYPT).toEqual({ N: 131072, r: 8, p: 1 });
    expect(loadConfig({}, {}).passwordCost).toEqual(OWASP_SCRYPT);
    expect(loadConfig({}, { NODE_ENV: 'production' }).passwordCost).toEqual(OWASP_SCRYPT);
    expect(() => loadConfig({}, { COMPENDIUM_PASSWORD_COST: 'test', NODE_ENV: 'production' })).toThrow(/test runs only/);
    expect(currentCost()).toEqual(TEST_SCRYPT);
    const strong = await hashPassword('correct horse battery staple', OWASP_SCRYPT);
    expect(strong).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword('correct horse battery staple', strong)).toBe(true);
  });
  it('says which stored hashes are below the current cost', async () => {
    const old = await hashPassword('correct horse battery staple', { N: 16384, r: 8, p: 1 });
    expect(needsRehash(old, OWASP_SCRYPT)).toBe(true);
    expect(needsRehash(old, { N: 16384, r: 8, p: 1 })).toBe(false);
    expect(needsRehash('plaintext', OWASP_SCRYPT)).toBe(true);
  });
  it('refuses a malformed stored hash', async () => {
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
  });
});
