// What the fault suite shares: how many inputs to generate, whether PostgreSQL is there, what counts
// as a clear error, and child processes that can be killed part-way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { expect } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors.js';

/** Generated inputs per importer: 1,000 in the full run, FAULTS_RUNS when set (CI runs a bounded number). */
export const RUNS = Number(process.env.FAULTS_RUNS ?? 1000);
/** Runs that go through the services into a database: each writes, so fewer of them. */
export const DB_RUNS = Math.max(20, Math.round(RUNS / 5));

const pgUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres:postgres@localhost:5432/postgres';
/** The PostgreSQL server to make throw-away databases on, when one answers. */
export const postgresUrl: string | null = spawnSync('psql', [pgUrl, '-tAc', 'select 1'], { encoding: 'utf8' }).status === 0 ? pgUrl : null;

/** A new empty database on the PostgreSQL server; returns its URL and a function that drops it. */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `compendium_fault_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl! });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresUrl!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: postgresUrl! });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Asserts that E is one of the product's own errors with one sentence, not a crash of the code. */
export function expectClearError(e: unknown): void {
  const known = e instanceof ValidationError || e instanceof ConflictError || e instanceof NotFoundError;
  if (!known) throw new Error(`not a clear error: ${(e as Error)?.name}: ${(e as Error)?.message}\n${(e as Error)?.stack}`);
  const message = (e as Error).message;
  expect(message.trim().length).toBeGreaterThan(5);
  expect(message).not.toMatch(/\n|undefined|\[object Object\]|NaN|at Object\.|Failed query|params:/);
  for (const p of (e as ValidationError).problems ?? []) {
    expect(typeof p.message).toBe('string');
    expect(p.message).not.toMatch(/undefined|\[object Object\]|Failed query|params:/);
  }
}

export const root = path.resolve(import.meta.dirname, '../..');
export const tmpDir = (label: string) => fs.mkdtempSync(path.join(os.tmpdir(), `compendium-fault-${label}-`));

/** Starts the real `compendium` bin (clean of the caller's DATABASE_URL and COMPENDIUM_DATA). */
export function startCompendium(args: string[], env: Record<string, string> = {}): ChildProcess & { output(): string; done: Promise<number | null> } {
  const child = spawn(process.execPath, [path.join(root, 'bin/compendium.js'), ...args], {
    env: { ...process.env, DATABASE_URL: '', COMPENDIUM_DATA: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (d: Buffer) => { text += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { text += d.toString(); });
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return Object.assign(child, { output: () => text, done });
}

/** Runs the bin to its end: exit code and everything it printed. */
export async function compendium(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const child = startCompendium(args, env);
  const code = await child.done;
  return { code, output: child.output() };
}

/** Waits until CHECK is true (polling), or fails after TIMEOUT ms. */
export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
