// The bulk path on its own: insert, update with audit, unchanged rows, and the key and index rebuild.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows, tables, type Store } from '../index.js';
import { testStore } from '../../../test/helpers/store.js';
import { upsertObservations, type ObservationColumns } from './upsertObservations.js';

let store: Store;
beforeAll(async () => {
  store = await testStore();
  await store.db.insert(tables.indicators).values([
    { id: 'i-1', code: 'U1', title: 'One', unit: 'count', polarity: 'higher', frequency: 'annual-financial' },
    { id: 'i-2', code: 'U2', title: 'Two', unit: 'count', polarity: 'lower', frequency: 'annual-financial' },
  ]);
});
afterAll(async () => { await store.close(); });

const columns = (indicatorId: string, values: (number | null)[]): ObservationColumns => ({
  indicatorIds: values.map(() => indicatorId),
  areaCodes: ['E10000018', 'E10000007', 'E10000019'].slice(0, values.length),
  periodKeys: values.map(() => 'FY2022-23'),
  values,
  statuses: values.map(() => 'final'),
  notes: values.map((_, i) => (i === 0 ? 'note with \u001f separator' : null)),
});

describe('upsertObservations', () => {
  it('inserts, then updates only what changed, auditing old and new values', async () => {
    const first = await store.db.transaction((tx) => upsertObservations(tx, columns('i-1', [1, null, 3]), { workflowState: 'published', userId: null }));
    expect(first).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    const second = await store.db.transaction((tx) => upsertObservations(tx, columns('i-1', [1, 2, 3]), { workflowState: 'published', userId: null }));
    expect(second).toEqual({ inserted: 0, updated: 1, unchanged: 2 });
    const audit = await rows<{ entity_id: string; before: { value: number | null }; after: { value: number } }>(store.db, sql`select entity_id, before, after from audit_events where entity_type = 'observation'`);
    expect(audit).toEqual([{ entity_id: 'U1/E10000007/FY2022-23', before: expect.objectContaining({ value: null }), after: expect.objectContaining({ value: 2 }) }]);
    const [note] = await rows<{ note: string }>(store.db, sql`select note from observations where area_code = 'E10000018' and indicator_id = 'i-1'`);
    expect(note.note).toBe('note with   separator'); // the separator the bulk path uses becomes a space
  });

  const shape = async () => ({
    indexes: await rows(store.db, sql`select indexname, indexdef from pg_indexes where tablename = 'observations' order by indexname`),
    constraints: await rows(store.db, sql`select conname, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'observations'::regclass order by conname`),
  });

  it('rebuilds the keys and indexes after a large first import, exactly as they were', async () => {
    const before = await shape();
    // Three rows stored (of U1) and three coming: large enough to rebuild with rebuildFrom 1.
    const r = await store.db.transaction((tx) => upsertObservations(tx, columns('i-2', [5, 6, 7]), { workflowState: 'published', userId: null, rebuildIndexes: true, rebuildFrom: 1 }));
    expect(r.inserted).toBe(3);
    expect(await shape()).toEqual(before);
    expect(before.indexes.length).toBeGreaterThanOrEqual(2);
    expect(before.constraints.map((c) => c.def)).toEqual(expect.arrayContaining([expect.stringMatching(/^PRIMARY KEY/), expect.stringMatching(/^FOREIGN KEY \(indicator_id\)/)]));
    // The primary key is back: the same row again is refused.
    await expect(store.db.execute(sql`insert into observations (indicator_id, area_code, period_key) values ('i-2', 'E10000018', 'FY2022-23')`)).rejects.toThrow();
  });

  // Rows for four years of the three areas: more than the table holds, so the keys are rebuilt.
  const many = (indicatorId: string, count: number): ObservationColumns => {
    const areas = ['E10000018', 'E10000007', 'E10000019'];
    const keys = Array.from({ length: count }, (_, i) => i);
    return {
      indicatorIds: keys.map(() => indicatorId), areaCodes: keys.map((i) => areas[i % 3]), periodKeys: keys.map((i) => `FY${2010 + Math.floor(i / 3)}-${11 + Math.floor(i / 3)}`),
      values: keys.map((i) => i), statuses: keys.map(() => 'final'), notes: keys.map(() => null),
    };
  };

  it('writes nothing when a rebuilt foreign key finds a bad row, and leaves the keys in place', async () => {
    const before = await shape();
    const [{ n }] = await rows<{ n: number }>(store.db, sql`select count(*)::int as n from observations`);
    await expect(store.db.transaction((tx) => upsertObservations(tx, many('no-such-indicator', 12), { workflowState: 'published', userId: null, rebuildIndexes: true, rebuildFrom: 1 }))).rejects.toThrow();
    expect(await shape()).toEqual(before);
    const [{ n: after }] = await rows<{ n: number }>(store.db, sql`select count(*)::int as n from observations`);
    expect(after).toBe(n);
  });
});
