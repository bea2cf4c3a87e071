#!/usr/bin/env node
// npm run build (and `prepare`, which `npm install` runs): compiles src/ to dist/ with tsc and
// copies beside it every file the code reads at run time (views, assets, SQL, reference data,
// worker scripts, data files), so paths relative to a module are the same in src/ and dist/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');

/** Sources, their tests and test-only files stay behind; everything else is a run-time asset. */
const isAsset = (name) => !name.endsWith('.ts') && !name.endsWith('.tsbuildinfo');

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // An install without development dependencies (npm install --omit=dev) has no compiler.
  if (fs.existsSync(path.join(dist, 'cli/main.js'))) {
    console.log('build: TypeScript is not installed; keeping the existing dist/');
    process.exit(0);
  }
  console.error('build: TypeScript is not installed, so src/ cannot be compiled: run npm install (with development dependencies)');
  process.exit(1);
}
fs.rmSync(dist, { recursive: true, force: true });
const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (r.status !== 0) {
  console.error('build: tsc failed; dist/ is incomplete (fix the errors above and run npm run build)');
  fs.rmSync(dist, { recursive: true, force: true });
  process.exit(r.status ?? 1);
}
let copied = 0;
for (const entry of fs.readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !isAsset(entry.name)) continue;
  const from = path.join(entry.parentPath, entry.name);
  const to = path.join(dist, path.relative(src, from));
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  copied++;
}
console.log(`build: compiled src/ to dist/ and copied ${copied} run-time files`);
