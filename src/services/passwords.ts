// Password hashing with scrypt (node:crypto): salted, slow, and compared in constant time; and the
// check a new password must pass (NCSC and NIST guidance: long enough, not a common or breached
// password, no rules about which kinds of character it must hold).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { loadConfig, type ScryptCost } from '../config.js';

export type { ScryptCost } from '../config.js';

const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, opts, (e, key) => (e ? reject(e) : resolve(key))));

const KEYLEN = 32;
/** scrypt needs 128 × N × r bytes; twice that leaves room. */
const maxmemFor = (c: ScryptCost) => 256 * c.N * c.r;

let configuredCost: ScryptCost | undefined;
/** The cost new hashes get: OWASP's recommendation unless the configuration says otherwise (tests only). */
export const currentCost = (): ScryptCost => (configuredCost ??= loadConfig().passwordCost);

/** Returns "scrypt$N$r$p$salt$hash" (base64), so parameters can be raised later without breaking old hashes. */
export async function hashPassword(password: string, cost: ScryptCost = currentCost()): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { ...cost, maxmem: maxmemFor(cost) });
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const cost = { N: +n, r: +r, p: +p };
  if (![cost.N, cost.r, cost.p].every((x) => Number.isInteger(x) && x > 0) || cost.N > 2 ** 20) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { ...cost, maxmem: maxmemFor(cost) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Whether a stored hash was made at a lower cost than new hashes get (it is re-made at the next sign-in). */
export function needsRehash(stored: string, cost: ScryptCost = currentCost()): boolean {
  const [scheme, n, r, p] = stored.split('$');
  return scheme !== 'scrypt' || +n < cost.N || +r < cost.r || +p < cost.p;
}

export const MIN_PASSWORD_LENGTH = 10;

const COMMON_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reference', 'common-passwords.txt');
let common: Set<string> | undefined;
/** The common and breached passwords (about 49,000, lower case): see NOTICE for where they come from. */
export function commonPasswords(): Set<string> {
  return (common ??= new Set(fs.readFileSync(COMMON_FILE, 'utf8').split('\n').filter(Boolean)));
}

/** Letters or digits in order, forwards or backwards ("abcdefghij", "0987654321"). */
function sequential(s: string): boolean {
  if (s.length < 4) return false;
  const step = s.charCodeAt(1) - s.charCodeAt(0);
  if (Math.abs(step) !== 1) return false;
  for (let i = 2; i < s.length; i++) if (s.charCodeAt(i) - s.charCodeAt(i - 1) !== step) return false;
  return true;
}

/**
 * Why a password may not be used, as one sentence, or null when it may. Refused: shorter than
 * MIN_PASSWORD_LENGTH; on the list of common passwords, also with digits or symbols added before or
 * after ("password12", "!monkey2024"); one character or a short pattern repeated ("aaaaaaaaaa",
 * "abcabcabca"); a run of letters or digits in order; or containing the person's own name or email.
 */
export function passwordProblem(password: string, personal: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `A password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 200) return 'A password can have at most 200 characters';
  const lower = password.toLowerCase();
  const list = commonPasswords();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (list.has(lower) || (core.length >= 4 && list.has(core)) || list.has(lower.replace(/\s+/g, ''))) {
    return 'That password is on a list of common or breached passwords: choose a less predictable one, such as three random words';
  }
  if (/^(.{1,3})\1+.{0,2}$/.test(lower) || new Set(lower).size <= 2 || sequential(lower) || sequential(core)) {
    return 'That password is a repeated or simple pattern: choose a less predictable one, such as three random words';
  }
  return personalPasswordProblem(password, personal);
}

/** Why a password may not be used because it holds the person's own name or email (words of four letters or more), or null. */
export function personalPasswordProblem(password: string, personal: string[]): string | null {
  const lower = password.toLowerCase();
  const own = personal.flatMap((p) => p.toLowerCase().split(/[@\s.]+/)).filter((w) => w.length >= 4);
  return own.some((w) => lower.includes(w)) ? 'A password may not contain your name or email address: choose another' : null;
}
