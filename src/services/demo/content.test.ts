// The demo's data files: read from demo/ at the package root, checked, and every mistake named.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isValidationError } from '../../errors.js';
import { packageRoot } from '../../package-root.js';
import { demoDataDir, loadDemoContent } from './content.js';

const copies: string[] = [];
afterEach(() => {
  for (const dir of copies.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of demo/ with one file changed. */
function copyWith(file: string, change: (value: unknown) => unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-demo-data-'));
  copies.push(dir);
  fs.cpSync(demoDataDir(), dir, { recursive: true });
  const at = path.join(dir, file);
  fs.writeFileSync(at, JSON.stringify(change(JSON.parse(fs.readFileSync(at, 'utf8')))));
  return dir;
}

const problemOf = (dir: string) => {
  try {
    loadDemoContent(dir);
  } catch (e) {
    if (isValidationError(e)) return [e.message, ...e.problems.map((p) => `${p.field}: ${p.message}`)];
    throw e;
  }
  return [];
};

describe('demo content as data', () => {
  it('is found from the package root, the folder with package.json', () => {
    expect(fs.existsSync(path.join(packageRoot(), 'package.json'))).toBe(true);
    expect(demoDataDir()).toBe(path.join(packageRoot(), 'demo'));
    // From a folder deeper down, as the compiled dist/services/demo/ is.
    expect(packageRoot(path.join(packageRoot(), 'src', 'services', 'demo'))).toBe(packageRoot());
  });

  it('reads every entry file, in order', () => {
    const content = loadDemoContent();
    expect(content.council.name).toBe('Demoshire County Council');
    expect(content.entries.length).toBeGreaterThan(50);
    expect(new Set(content.entries.map((e) => e.key)).size).toBe(content.entries.length);
    expect(content.entries[0].outcome).toBe('a-thriving-and-fair-economy');
    expect(content.entries.at(-1)?.outcome).toBe('a-cleaner-greener-demoshire');
  });

  it('names the file and the field of a mistake', () => {
    const dir = copyWith('entries/2-places.json', (entries) => {
      (entries as { kind: string }[])[1].kind = 'triumph';
      return entries;
    });
    const [message, problem] = problemOf(dir);
    expect(message).toBe(`The demo content is not valid: ${path.join(dir, 'entries', '2-places.json')}`);
    expect(problem).toMatch(/^1\.kind: /);
  });

  it('refuses a field the schema does not know, so a misspelt one is not silently dropped', () => {
    const dir = copyWith('users.json', (users) => [{ ...(users as object[])[0], pasword: 'x' }, ...(users as object[]).slice(1)]);
    expect(problemOf(dir)[1]).toMatch(/^0: .*pasword/);
  });
});
