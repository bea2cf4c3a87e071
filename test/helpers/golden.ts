// Golden files: the expected output of a renderer, kept in test/golden. On a difference the new output
// is written beside it as NAME-changed.EXT for review (rename it over the golden file to accept it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const GOLDEN_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'golden');

export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  const ext = path.extname(name);
  const changed = path.join(GOLDEN_DIR, `${path.basename(name, ext)}-changed${ext}`);
  if (!fs.existsSync(file)) {
    // First run: the output becomes the golden file, to be reviewed and committed.
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  const expected = fs.readFileSync(file, 'utf8');
  if (expected === actual) {
    fs.rmSync(changed, { force: true });
    return;
  }
  fs.writeFileSync(changed, actual);
  expect.fail(`${name} differs from its golden file; the new output is in ${path.relative(process.cwd(), changed)} for review`);
}
