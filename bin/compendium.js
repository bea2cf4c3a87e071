#!/usr/bin/env node
// Runs the compiled CLI in dist/ (built by `npm run build`, which `npm install` runs through the
// `prepare` script). Development and tests run the TypeScript sources through tsx instead.
import fs from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!fs.existsSync(entry)) {
  process.stderr.write('compendium: the compiled CLI (dist/) is missing: run npm run build\n');
  process.exit(1);
}
await import(entry.href);
