// kill -9 part-way through an import, a restore and a stream of writes, on the embedded database and
// on PostgreSQL: afterwards the workspace is wholly as before or wholly as after each piece of work,
// and the next process opens it (taking over the dead one's lock) without help.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openStore, rows, type Store } from '../../src/store/index.js';
import { loadConfig } from '../../src/config.js';
import { services } from '../../src/services/index.js';
import net from 'node:net';
import { RUNS, freshDatabase, postgresUrl, root, startCompendium, tmpDir, waitFor } from './helpers.js';
import { signIn } from '../helpers/http-session.js';
import { SYSTEM_ACTOR } from '../../src/services/policy.js';

const kinds = postgresUrl ? (['pglite', 'postgres'] as const) : (['pglite'] as const);
if (!postgresUrl) console.warn('fault suite: no PostgreSQL answers (TEST_DATABASE_URL), so the PostgreSQL cases are skipped');

let dir: string;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(() => { dir = tmpDir('kill'); });
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Workspace {
  /** Arguments and environment that point the bin at it. */
  args: string[];
  env: Record<string, string>;
  dataDir: string;
  databaseUrl?: string;
  open(): Promise<Store>;
}

/** A new, initialised workspace of the given kind. */
async function workspace(kind: 'pglite' | 'postgres', label: string): Promise<Workspace> {
  const dataDir = path.join(dir, label);
  let databaseUrl: string | undefined;
  if (kind === 'postgres') {
    const db = await freshDatabase();
    cleanups.push(db.drop);
    databaseUrl = db.url;
  }
  const open = () => openStore({ dataDir, databaseUrl, snapshot: new Blob([fs.readFileSync(inject('pgliteSnapshot'))]) });
  const store = await open();
  await services(store, loadConfig({ dataDir })).workspace.init();
  await store.close();
  return { args: ['--data', dataDir], env: databaseUrl ? { DATABASE_URL: databaseUrl } : {}, dataDir, databaseUrl, open };
}

/** Waits until another client is connected to the database at URL (the bin has opened it). */
async function waitForConnection(url: string, gaveUp: () => boolean): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let i = 0; i < 6000 && !gaveUp(); i++) {
      const r = await client.query('select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
      if (r.rows[0].n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}

const count = async (store: Store, query: string) => Number((await rows<{ n: number }>(store.db, sql.raw(query)))[0].n);
/** Delays (ms) after the work has begun at which the process is killed: three in the full run, one in CI's bounded run. */
const full = RUNS >= 1000;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A values table of about 70,000 rows for codes that are not yet indicators. */
function bigCsv(file: string): number {
  const areas = fs.readFileSync(path.join(root, 'src/store/reference/areas.csv'), 'utf8').split('\n').slice(1).map((l) => l.split(',')[0]).filter((c) => /^E0[6-9]/.test(c));
  const lines = ['indicator,area,period,value'];
  for (let i = 0; i < 20; i++) for (const a of areas) for (let y = 2010; y < 2022; y++) lines.push(`FAULT${i},${a},${y}/${String(y + 1).slice(2)},${(i * 7 + y) % 100}.5`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return lines.length - 1;
}

describe.each(kinds)('kill -9 on %s', (kind) => {
  it('during an observations import leaves all of it or none of it, with its audit event or without', async () => {
    const csv = path.join(dir, `values-${kind}.csv`);
    const total = bigCsv(csv);
    const outcomes: string[] = [];
    for (const delay of full ? [0, 400, 1500] : [400]) {
      const ws = await workspace(kind, `import-${kind}-${delay}`);
      const child = startCompendium([...ws.args, 'observations', 'import', csv], ws.env);
      await waitFor(() => /Writing:/.test(child.output()) || child.exitCode !== null, 300_000, 'the import to start writing');
      await pause(delay);
      child.kill('SIGKILL');
      await child.done;
      const store = await ws.open();
      try {
        const observations = await count(store, 'select count(*)::int as n from observations');
        const audits = await count(store, "select count(*)::int as n from audit_events where action like '%import%'");
        expect([0, total], `observations after a kill ${delay} ms into writing`).toContain(observations);
        expect(audits > 0, 'an audit event exactly when the values are there').toBe(observations === total);
        outcomes.push(observations === total ? 'after' : 'before');
      } finally {
        await store.close();
      }
    }
    console.info(`kill -9 during import on ${kind}: ${outcomes.join(', ')}`);
  });

  it('during a restore leaves the workspace empty or wholly restored', async () => {
    const source = await workspace(kind, `restore-source-${kind}`);
    const csv = path.join(dir, `values-${kind}.csv`);
    const total = fs.existsSync(csv) ? fs.readFileSync(csv, 'utf8').split('\n').length - 2 : bigCsv(csv);
    const backup = path.join(dir, `source-${kind}.backup.gz`);
    const store = await source.open();
    const s = services(store, loadConfig({ dataDir: source.dataDir }));
    await s.observations.import(csv);
    const written = await s.backup.backup(backup);
    await store.close();
    expect(written.tables.observations).toBe(total);
    const outcomes: string[] = [];
    for (const delay of full ? [0, 1500, 4000] : [1500]) {
      const target = await workspace(kind, `restore-${kind}-${delay}`);
      const child = startCompendium([...target.args, 'restore', backup], target.env);
      // The restore has begun once the bin has the database open (its lock, or its connection).
      if (kind === 'pglite') await waitFor(() => fs.existsSync(path.join(target.dataDir, 'compendium.lock')) || child.exitCode !== null, 300_000, 'the restore to open the workspace');
      else await waitForConnection(target.databaseUrl!, () => child.exitCode !== null);
      await pause(delay);
      child.kill('SIGKILL');
      await child.done;
      const after = await target.open();
      try {
        const observations = await count(after, 'select count(*)::int as n from observations');
        const areas = await count(after, 'select count(*)::int as n from areas');
        expect([0, total], `observations after a kill ${delay} ms into the restore`).toContain(observations);
        expect(areas).toBeGreaterThan(400);
        outcomes.push(observations === total ? 'after' : 'before');
      } finally {
        await after.close();
      }
    }
    console.info(`kill -9 during restore on ${kind}: ${outcomes.join(', ')}`);
  });

  it('during a stream of writes leaves every committed one whole and no half of the next', async () => {
    const ws = await workspace(kind, `writes-${kind}`);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/faults/writer.ts'), ws.dataDir, ws.databaseUrl ?? ''], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    const done = new Promise((r) => child.on('close', r));
    await waitFor(() => (output.match(/committed/g)?.length ?? 0) >= 5 || child.exitCode !== null, 300_000, `five commits (${output})`);
    await pause(Math.floor(Math.random() * 300));
    child.kill('SIGKILL');
    await done;
    const committed = Number([...output.matchAll(/committed (\d+)/g)].at(-1)?.[1] ?? 0);
    const store = await ws.open();
    try {
      const plans = await count(store, "select count(*)::int as n from plans where title like 'Plan %'");
      expect(plans === committed || plans === committed + 1, `${plans} plans after ${committed} reported commits`).toBe(true);
      // Each plan is whole: three outcomes of two themes, and its audit event.
      const partial = await rows(store.db, sql.raw(`
        select p.title, (select count(*) from outcomes o where o.plan_id = p.id)::int as outcomes,
          (select count(*) from themes t join outcomes o on o.id = t.outcome_id where o.plan_id = p.id)::int as themes,
          (select count(*) from audit_events a where a.entity_id = p.id and a.action = 'create')::int as audits
        from plans p where p.title like 'Plan %'`));
      expect(partial.filter((r) => r.outcomes !== 3 || r.themes !== 6 || r.audits !== 1)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('of the server during web writes leaves every answered one whole and no half of the next', async () => {
    const ws = await workspace(kind, `web-${kind}`);
    const email = 'fault-admin@council.gov.uk';
    const password = 'quiet harbour lantern seven';
    let outcomeId = '';
    const setup = await ws.open();
    try {
      const s = services(setup, loadConfig({ dataDir: ws.dataDir }));
      await s.users.create(SYSTEM_ACTOR, { email, name: 'Fault', role: 'admin', password });
      await s.plans.create({ title: 'Web plan', councilCode: 'E10000018', startDate: '2022-04-01', endDate: '2026-03-31', outcomes: [{ title: 'Only outcome', themes: [] }] });
      outcomeId = String((await rows<{ id: string }>(setup.db, sql`select id from outcomes limit 1`))[0].id);
    } finally {
      await setup.close();
    }
    const port = await freePort();
    const server = startCompendium(['serve', ...ws.args, '--port', String(port)], { ...ws.env, COMPENDIUM_PASSWORD_COST: 'test' });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(() => server.output().includes(String(port)) || server.exitCode !== null, 120_000, `the server (${server.output()})`);
    const session = await signIn(base, email, password);
    // Entries written one after another through the workspace's form; each answered 303 is committed.
    let answered = 0;
    let stopped = false;
    const writing = (async () => {
      for (let n = 1; !stopped; n++) {
        const body = new URLSearchParams({ title: `Web write ${n}`, body: `Written over HTTP, number ${n}.`, kind: 'update', outcomeId, date: '2025-01-15' });
        const r = await session.post('/manage/entries', body).catch(() => null);
        if (!r) return;
        await r.arrayBuffer().catch(() => undefined);
        if (r.status !== 303) throw new Error(`writing entry ${n} answered ${r.status}`);
        answered = n;
      }
    })();
    await waitFor(() => answered >= 5 || server.exitCode !== null, 300_000, `five answered writes (${server.output()})`);
    await pause(Math.floor(Math.random() * 300));
    server.kill('SIGKILL');
    await server.done;
    stopped = true;
    await writing;
    const store = await ws.open();
    try {
      const entries = await rows<{ title: string; audits: number }>(store.db, sql.raw(`
        select e.title, (select count(*) from audit_events a where a.entity_id = e.id and a.action = 'create')::int as audits
        from entries e where e.title like 'Web write %'`));
      expect(entries.length === answered || entries.length === answered + 1, `${entries.length} entries after ${answered} answered writes`).toBe(true);
      expect(entries.filter((e) => e.audits !== 1)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}
