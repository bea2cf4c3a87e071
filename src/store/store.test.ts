// The store suite: runs on PGlite with `npm test` and on PostgreSQL with `npm run test:pg`.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { tables, type Store } from './index.js';
import { testStore } from '../../test/helpers/store.js';
import { getTableCounts, getSchemaVersion } from './queries/getTableCounts.js';
import { getPlanStructure } from './queries/plans.js';
import { services } from '../services/index.js';
import { loadConfig } from '../config.js';

let store: Store;

// The tests that only read share one database; each test that writes gets its own.
describe('reading a new workspace', () => {
  beforeAll(async () => { store = await testStore(); });
  afterAll(async () => { await store.close(); });

  describe('reference areas', () => {
    it('has Leicestershire with its seven districts', async () => {
      const [leics] = await store.db.select().from(tables.areas).where(eq(tables.areas.code, 'E10000018'));
      expect(leics).toMatchObject({ shortName: 'Leicestershire', type: 'county', parentCode: 'E12000004', region: 'East Midlands' });
      const districts = await store.db.select().from(tables.areas).where(eq(tables.areas.parentCode, 'E10000018'));
      expect(districts.map((d) => d.shortName).sort()).toEqual([
        'Blaby', 'Charnwood', 'Harborough', 'Hinckley and Bosworth', 'Melton', 'North West Leicestershire', 'Oadby and Wigston',
      ]);
      expect(districts.every((d) => d.type === 'district')).toBe(true);
    });

    it('puts every county in the region its districts are in', async () => {
      const counties = await store.db.select().from(tables.areas).where(eq(tables.areas.parentCode, 'E12000004'));
      const names = counties.filter((c) => c.type === 'county').map((c) => c.shortName).sort();
      expect(names).toEqual(['Derbyshire', 'Leicestershire', 'Lincolnshire', 'Northamptonshire', 'Nottinghamshire']);
    });

    it('knows which councils have been abolished', async () => {
      const [northants] = await store.db.select().from(tables.areas).where(eq(tables.areas.code, 'E10000021'));
      expect(northants.endDate).toBe('2021-04-01');
    });
  });

  describe('schema and counts', () => {
    it('records the applied migration and counts every table', async () => {
      expect((await getSchemaVersion(store.db)).migrations).toBeGreaterThanOrEqual(1);
      const counts = await getTableCounts(store.db);
      expect(counts.areas).toBeGreaterThan(400);
      expect(counts.entries).toBe(0);
      expect(Object.keys(counts)).toContain('audit_events');
    });
  });
});

describe('plans', () => {
  beforeEach(async () => { store = await testStore(); });
  afterEach(async () => { await store.close(); });

  it('creates a plan with outcomes and themes in order, and audits it', async () => {
    const s = services(store, loadConfig());
    const id = await s.plans.create({
      title: 'Test Plan 2026–30', councilCode: 'E10000018', startDate: '2026-04-01', endDate: '2030-03-31',
      outcomes: [
        { title: 'Clean and Green', themes: [{ title: 'Waste' }, { title: 'Nature' }] },
        { title: 'Safe & Well', summary: 'People are safe.' },
      ],
    });
    const s1 = await getPlanStructure(store.db, id);
    expect(s1?.outcomes.map((o) => [o.slug, o.position, o.themes.map((t) => t.title)])).toEqual([
      ['clean-and-green', 1, ['Waste', 'Nature']],
      ['safe-and-well', 2, []],
    ]);
    expect(await s.plans.currentPlanId()).toBe(id);
    const audit = await store.db.select().from(tables.auditEvents);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entityType: 'plan', entityId: id });
  });

  it('writes nothing when a plan is invalid', async () => {
    const s = services(store, loadConfig());
    await expect(s.plans.create({ title: 'Backwards', councilCode: 'E10000018', startDate: '2030-04-01', endDate: '2026-03-31' })).rejects.toThrow(/ends before it starts/);
    expect((await getTableCounts(store.db)).plans).toBe(0);
  });
});

describe('the embedded database and the event loop', () => {
  it('lets other work run between the statements of a chain of queries and of a transaction', async () => {
    const s = await testStore();
    try {
      // Twenty statements awaited one after another, as a page's queries are: a timer due at once
      // must fire before they are all done (without a turn per statement it fires only after, and
      // the chain ends with it not yet fired: -1).
      type Exec = Pick<typeof s.db, 'execute'>;
      const chain = async (run: (q: (db: Exec) => Promise<unknown>) => Promise<unknown>) => {
        let done = 0;
        let doneWhenTimerFired = -1;
        setTimeout(() => (doneWhenTimerFired = done), 0);
        await run(async (db) => {
          for (let i = 0; i < 20; i++) {
            await db.execute(sql`select ${i}::int as n`);
            done++;
          }
        });
        return doneWhenTimerFired;
      };
      for (const firedAt of [await chain((q) => q(s.db)), await chain((q) => s.db.transaction((tx) => q(tx)))]) {
        expect(firedAt).toBeGreaterThanOrEqual(0);
        expect(firedAt).toBeLessThan(20);
      }
    } finally {
      await s.close();
    }
  });
});
