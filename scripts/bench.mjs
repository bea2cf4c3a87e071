#!/usr/bin/env node
// npm run bench -- NAME: runs bench/NAME.ts; its last line of output is one JSON object of figures.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const name = process.argv[2];
const available = fs.existsSync('bench') ? fs.readdirSync('bench').filter((f) => f.endsWith('.ts') && !f.startsWith('_')).map((f) => f.slice(0, -3)) : [];
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- NAME, where NAME is one of: ${available.join(', ') || '(none yet)'}`);
  process.exit(2);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', `bench/${name}.ts`, ...process.argv.slice(3)], { stdio: 'inherit', env: { ...process.env, TZ: 'Europe/London' } });
process.exit(r.status ?? 1);
