// insertRows writes its own INSERT statements instead of drizzle's builder: the rows it leaves must be
// the very rows the builder leaves, for a real report's import (bytes, JSON, nulls, defaults, quotes).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, getTableColumns, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { loadReport, workspaceWithPlan } from '../../../test/helpers/imports.js';
import { REPORT_2020 } from '../../../test/helpers/reports.js';
import { readAndParseHere } from '../../ingest/report/read-and-parse.js';
import { planImport } from '../../services/import-plan/plan.js';
import type { Store } from '../index.js';
import type { Db } from '../db.js';
import { commitments, documents, entries, entryPlaces, facts, importBatches, narrativeBlocks } from '../schema.js';
import { entryLinks } from '../schema-links.js';
import { getPlanStructure } from './plans.js';
import { listAreaNames } from './listAreaNames.js';
import { insertReportImport, type ReportImportRows } from './insertReportImport.js';
import { insertImportBatch } from './importBatches.js';
import { insertSuggestions } from './entryLinks.js';

/** Every row of a table, in key order, as the driver gives it back. */
async function dump(db: Db, table: PgTable, key: SQL | unknown): Promise<unknown[]> {
  return db.select().from(table).orderBy(asc(key as never), asc(Object.values(getTableColumns(table))[1] as never));
}

const TABLES = () => [
  [documents, documents.id], [importBatches, importBatches.id], [entries, entries.id], [facts, facts.id],
  [entryPlaces, entryPlaces.entryId], [commitments, commitments.id], [narrativeBlocks, narrativeBlocks.id],
] as const;

/** drizzle's own builder, table by table in the order insertReportImport writes: what insertRows must match. */
async function insertWithBuilder(tx: Db, rows: ReportImportRows, batch: Parameters<typeof insertImportBatch>[1]): Promise<void> {
  await tx.insert(documents).values(rows.document);
  await tx.insert(importBatches).values(batch);
  for (const [table, list] of [[entries, rows.entries], [facts, rows.facts], [entryPlaces, rows.places], [commitments, rows.commitments], [narrativeBlocks, rows.narrative ?? []]] as const) {
    for (let i = 0; i < list.length; i += 200) await tx.insert(table).values(list.slice(i, i + 200) as never);
  }
}

class RollBack extends Error {}

describe('inserting rows without drizzle’s builder', () => {
  let store: Store;
  let planned: ReturnType<typeof planImport>;

  beforeAll(async () => {
    const w = await workspaceWithPlan();
    store = w.store;
    const areas = await listAreaNames(store.db);
    const { read, parsed } = await readAndParseHere({ file: loadReport(REPORT_2020), read: { maxBytes: 50_000_000 }, parse: { areas, reportYear: 2020 } });
    const s = (await getPlanStructure(store.db, w.planId))!;
    const plan = { id: w.planId, title: s.plan.title, isNew: false, outcomes: s.outcomes.map((o) => ({ id: o.id, title: o.title, slug: o.slug, themes: o.themes.map((t) => ({ id: t.id, title: t.title })) })) };
    planned = planImport([{ read, report: parsed }], { plan, overrides: new Map(), remembered: new Map(), existing: new Map() }, { dryRun: false, userId: null, now: new Date().toISOString(), newId: randomUUID });
  });
  afterAll(async () => store?.close());

  it('leaves the same rows as drizzle’s builder for a whole report (document text, entries, facts, places, commitments, narrative)', async () => {
    const [w] = planned.writes;
    expect(w.rows.entries.length).toBeGreaterThan(100);
    expect(w.rows.facts.length).toBeGreaterThan(50);
    expect(w.rows.narrative?.length).toBeGreaterThan(0);
    let ours: unknown[][] = [];
    let theirs: unknown[][] = [];
    // Both inside one transaction (so that now() is the same for both), which is then rolled back.
    await expect(store.db.transaction(async (tx) => {
      await insertReportImport(tx, w.rows, () => insertImportBatch(tx, w.batch));
      ours = await Promise.all(TABLES().map(([t, k]) => dump(tx, t, k)));
      for (const [t] of [...TABLES()].reverse()) await tx.delete(t);
      await insertWithBuilder(tx, w.rows, w.batch);
      theirs = await Promise.all(TABLES().map(([t, k]) => dump(tx, t, k)));
      throw new RollBack();
    })).rejects.toBeInstanceOf(RollBack);
    expect(ours.map((rows) => rows.length)).toEqual([1, 1, w.rows.entries.length, w.rows.facts.length, w.rows.places.length, w.rows.commitments.length, w.rows.narrative!.length]);
    expect(ours).toEqual(theirs);
    // The document's text (quotes, dollar signs, line breaks and all) came back whole.
    expect((ours[0][0] as { text: string }).text).toBe(w.rows.document.text);
  });

  it('counts only the new rows when rows already there are left out, as the builder does', async () => {
    const [w] = planned.writes;
    const link = (i: number, j: number) => ({
      id: randomUUID(), entryId: String(w.rows.entries[i].id), earlierEntryId: String(w.rows.entries[j].id), commitmentId: null,
      score: 0.5 + i / 1000, reason: `Both name “it’s a '$1' test”; shared words ${i}`, sharedNames: ['a', `b${i}`], state: 'suggested',
    });
    let counts: number[] = [];
    let ours: unknown[] = [];
    let theirs: unknown[] = [];
    await expect(store.db.transaction(async (tx) => {
      await insertReportImport(tx, w.rows, () => insertImportBatch(tx, w.batch));
      const first = [link(1, 2), link(3, 4), link(5, 6)];
      // The second write repeats two pairs (with new ids) and adds one.
      const second = [{ ...link(1, 2), id: randomUUID() }, link(7, 8), { ...link(5, 6), id: randomUUID() }];
      counts = [await insertSuggestions(tx, first), await insertSuggestions(tx, second)];
      ours = await dump(tx, entryLinks, entryLinks.id);
      await tx.delete(entryLinks);
      await tx.insert(entryLinks).values(first);
      await tx.insert(entryLinks).values(second).onConflictDoNothing();
      theirs = await dump(tx, entryLinks, entryLinks.id);
      throw new RollBack();
    })).rejects.toBeInstanceOf(RollBack);
    expect(counts).toEqual([3, 1]);
    expect(ours).toHaveLength(4);
    expect(ours).toEqual(theirs);
  });
});
