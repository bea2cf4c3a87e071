#!/usr/bin/env node
// Runs a command with TEST_DATABASE_URL pointing at a PostgreSQL server: the one given, or the local
// server as the postgres user over its socket (what .ci/run starts). Fails clearly when none answers.
import { spawnSync } from 'node:child_process';

const url = process.env.TEST_DATABASE_URL || 'postgres://postgres:postgres@localhost:5432/postgres';
const probe = spawnSync('psql', [url, '-tAc', 'select 1'], { encoding: 'utf8' });
if (probe.status !== 0) {
  console.error(`No PostgreSQL answers at ${url.replace(/:[^:@/]+@/, ':***@')}: ${(probe.stderr || probe.error?.message || '').trim()}`);
  console.error('Start one (see .ci/run) or set TEST_DATABASE_URL.');
  process.exit(1);
}
const [cmd, ...args] = process.argv.slice(2);
const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32', env: { ...process.env, TEST_DATABASE_URL: url } });
process.exit(r.status ?? 1);
