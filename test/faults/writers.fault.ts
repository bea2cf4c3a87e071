// Two writers. On the embedded database the second process is refused at once, by name, and writes
// nothing; a lock whose holder was killed is taken over. On PostgreSQL several processes write at
// once and every write stays correct: servers set up a new database once between them, and
// concurrent imports all land with their audit events.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openStore, rows, shippedSchemaVersion, type Store } from '../../src/store/index.js';
import { loadConfig } from '../../src/config.js';
import { services } from '../../src/services/index.js';
import { compendium, freshDatabase, postgresUrl, startCompendium, tmpDir, waitFor } from './helpers.js';

let dir: string;
beforeAll(() => { dir = tmpDir('writers'); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const count = async (store: Store, query: string) => Number((await rows<{ n: number }>(store.db, sql.raw(query)))[0].n);
const snapshot = () => new Blob([fs.readFileSync(inject('pgliteSnapshot'))]);

async function initialised(dataDir: string): Promise<void> {
  const store = await openStore({ dataDir, snapshot: snapshot() });
  await services(store, loadConfig({ dataDir })).workspace.init();
  await store.close();
}

describe('two writers on the embedded database', () => {
  it('refuses a second process by name while a server holds the workspace, and it writes nothing', async () => {
    const data = path.join(dir, 'served');
    await initialised(data);
    const server = startCompendium(['--data', data, 'serve', '--port', '3103']);
    try {
      await waitFor(() => /is running at/.test(server.output()) || server.exitCode !== null, 300_000, 'the server to start');
      const started = Date.now();
      const add = await compendium(['--data', data, 'user', 'add', '--email', 'second@council.gov.uk', '--name', 'Second', '--role', 'admin']);
      console.info(`second process refused after ${Date.now() - started} ms (including its own start-up)`);
      expect(add.code).not.toBe(0);
      expect(add.output).toMatch(new RegExp(
        `^compendium: The workspace in ${data} is in use by compendium serve --port 3103 at http://127\\.0\\.0\\.1:3103 \\(pid ${server.pid} on .+, running since .+ UTC\\): ` +
        'stop that process and try again, or move the workspace to PostgreSQL to use it from several processes at once \\(README, "Moving to PostgreSQL"\\)\\n$',
      ));
      const status = await compendium(['--data', data, 'status']);
      expect(status.code).not.toBe(0);
      expect(status.output).toContain(`is in use by compendium serve --port 3103`);
    } finally {
      server.kill('SIGTERM');
      await server.done;
    }
    expect(fs.existsSync(path.join(data, 'compendium.lock')), 'the server gives the lock back when it stops').toBe(false);
    const store = await openStore({ dataDir: data });
    try {
      expect(await count(store, "select count(*)::int as n from users where email = 'second@council.gov.uk'")).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('lets one of two imports started together run, refuses the other at once, and takes over a killed holder', async () => {
    const data = path.join(dir, 'two-imports');
    await initialised(data);
    const a = path.join(dir, 'a.csv');
    const b = path.join(dir, 'b.csv');
    fs.writeFileSync(a, 'indicator,area,period,value\nAAA,E10000018,2022/23,1\n');
    fs.writeFileSync(b, 'indicator,area,period,value\nBBB,E10000018,2022/23,2\n');
    const [ra, rb] = await Promise.all([compendium(['--data', data, 'observations', 'import', a]), compendium(['--data', data, 'observations', 'import', b])]);
    const results = [ra, rb];
    expect(results.map((r) => r.code).sort()).toEqual([0, 1]);
    const refused = results.find((r) => r.code === 1)!;
    expect(refused.output).toMatch(/^compendium: The workspace in .* is in use by compendium observations import .*\(pid \d+ on .*\): stop that process and try again, or move the workspace to PostgreSQL/);
    const store = await openStore({ dataDir: data });
    try {
      const winner = ra.code === 0 ? 'AAA' : 'BBB';
      expect((await rows<{ code: string }>(store.db, sql`select code from indicators order by code`)).map((r) => r.code)).toEqual([winner]);
    } finally {
      await store.close();
    }

    // A holder killed with SIGKILL leaves its lock file; the next process takes over and says so.
    const server = startCompendium(['--data', data, 'serve', '--port', '3104']);
    await waitFor(() => /is running at/.test(server.output()) || server.exitCode !== null, 300_000, 'the server to start');
    server.kill('SIGKILL');
    await server.done;
    expect(fs.existsSync(path.join(data, 'compendium.lock'))).toBe(true);
    const status = await compendium(['--data', data, 'status']);
    expect(status.code).toBe(0);
    expect(status.output).toMatch(new RegExp(`^Took over the workspace in ${data} from compendium serve --port 3104 at http://127\\.0\\.0\\.1:3104 \\(pid ${server.pid} on .*\\), which is no longer running\\.$`, 'm'));
  });
});

describe.skipIf(!postgresUrl)('several writers on PostgreSQL', () => {
  it('sets up a new database once when several processes open it together', async () => {
    const db = await freshDatabase();
    try {
      const results = await Promise.all([1, 2, 3].map(() => compendium(['init'], { DATABASE_URL: db.url })));
      expect(results.map((r) => [r.code, r.output.replace(/\d+ reference areas/, 'N reference areas').trim().split('\n').at(-1)])).toEqual(
        results.map(() => [0, expect.stringMatching(/^Workspace ready: PostgreSQL at .*, N reference areas\.$/)]),
      );
      const store = await openStore({ dataDir: '', databaseUrl: db.url });
      try {
        expect(await count(store, 'select count(*)::int as n from drizzle.__drizzle_migrations')).toBe(shippedSchemaVersion().migrations);
        expect(await count(store, 'select count(*)::int as n from (select code from areas group by code having count(*) > 1) d')).toBe(0);
        expect(await count(store, 'select count(*)::int as n from areas')).toBeGreaterThan(400);
      } finally {
        await store.close();
      }
    } finally {
      await db.drop();
    }
  });

  it('keeps every one of several imports run at once, each with its audit event', async () => {
    const db = await freshDatabase();
    try {
      const files = [1, 2, 3, 4].map((i) => {
        const f = path.join(dir, `pg-${i}.csv`);
        fs.writeFileSync(f, `indicator,area,period,value\nPG${i},E10000018,2022/23,${i}\nPG${i},E07000129,2022/23,${i * 2}\n`);
        return f;
      });
      const results = await Promise.all(files.map((f) => compendium(['observations', 'import', f], { DATABASE_URL: db.url })));
      expect(results.map((r) => r.code), results.map((r) => r.output).join('\n')).toEqual([0, 0, 0, 0]);
      const store = await openStore({ dataDir: '', databaseUrl: db.url });
      try {
        expect(await count(store, 'select count(*)::int as n from observations')).toBe(8);
        expect(await count(store, 'select count(*)::int as n from indicators')).toBe(4);
        expect(await count(store, "select count(*)::int as n from audit_events where action like '%import%'")).toBe(4);
      } finally {
        await store.close();
      }
    } finally {
      await db.drop();
    }
  });
});
