// Importing the real 2020 report into its council's plan: the suggested mapping, provenance of every
// entry, facts and commitments, idempotence.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rows, tables, type Store } from '../store/index.js';
import type { Services } from './index.js';
import { loadReport as load, workspaceWithPlan } from '../../test/helpers/imports.js';
import { canonical, REPORT_2020 } from '../../test/helpers/reports.js';

describe('importing the 2020 Annual Delivery Report', () => {
  let store: Store;
  let s: Services;
  let planId: string;
  beforeEach(async () => {
    ({ store, s, planId } = await workspaceWithPlan());
  });
  afterEach(async () => {
    await store.close();
  });
  const counts = async () => (await s.workspace.status()).counts;

  it('suggests a mapping and writes nothing on a dry run', async () => {
    const before = await counts();
    const summary = await s.imports.preview([load(REPORT_2020)], { planId });
    expect(summary.dryRun).toBe(true);
    const f = summary.files[0];
    expect(f.status).toBe('would import');
    const outcomeOf = (title: string) => f.sections.find((x) => x.title === title);
    expect(outcomeOf('Economy – Transport')).toMatchObject({ outcome: 'A Strong Economy', mappedBy: 'suggested' });
    expect(outcomeOf('Public Health')).toMatchObject({ outcome: 'Wellbeing and Opportunity', mappedBy: 'suggested' });
    expect(outcomeOf('Health, Care and Wellbeing')?.outcome).toBe('Wellbeing and Opportunity');
    expect(outcomeOf('Consumer Protection')?.outcome).toBe('Keeping People Safe');
    expect(outcomeOf('Great Communities – Environment and Waste')?.outcome).toBe('Great Communities');
    expect(outcomeOf('Corporate Enablers – Ensuring a Sustainable and Successful Organisation')).toMatchObject({ outcome: null, mappedBy: 'none' });
    expect(outcomeOf('Introduction')).toMatchObject({ kind: 'front', entries: 0 });
    expect(f.warnings.join('\n')).toMatch(/not mapped to an outcome.*Corporate Enablers/);
    expect(f.entries).toBeGreaterThan(270);
    expect(f.facts.money).toBeGreaterThan(50);
    expect(await counts()).toEqual(before);
  });

  it('stores entries, facts, places and commitments with provenance in one import, and the same file again changes nothing', async () => {
    const summary = await s.imports.run([load(REPORT_2020)], { planId });
    const f = summary.files[0];
    expect(f.status).toBe('imported');
    const c = await counts();
    expect(c.documents).toBe(1);
    expect(c.entries).toBe(f.entries);
    expect(c.facts).toBe(Object.values(f.facts).reduce((a, b) => a + b, 0));
    expect(c.commitments).toBe(f.commitments);
    expect(c.entry_places).toBeGreaterThan(20);

    const [doc] = await store.db.select().from(tables.documents);
    expect(doc.sha256).toBe(f.sha256);
    expect(doc.text).toBe(fs.readFileSync(REPORT_2020, 'utf8'));
    const entries = await store.db.select().from(tables.entries);
    for (const e of entries) {
      expect(canonical(doc.text!.slice(e.sourceStart!, e.sourceEnd!))).toBe(canonical(e.body));
      expect(e).toMatchObject({ documentId: doc.id, kind: 'achievement', workflowState: 'draft', importBatchId: f.batchId, importDecision: 'pending', periodKey: 'FY2019-20', planId });
    }
    const outcomes = await store.db.select().from(tables.outcomes);
    const economy = outcomes.find((o) => o.title === 'A Strong Economy')!;
    const transport = entries.find((e) => e.title === 'Coalville – A511')!;
    expect(transport).toMatchObject({ outcomeId: economy.id, sourceSection: 'Economy – Transport / Major Road Schemes Supporting Growth' });
    const corporate = entries.filter((e) => e.sourceSection?.startsWith('Corporate Enablers'));
    expect(corporate.length).toBeGreaterThan(10);
    expect(corporate.every((e) => e.outcomeId === null)).toBe(true);

    const apollo = entries.find((e) => e.title === 'Apollo Court Business Park, Coalville')!;
    const apolloFacts = await store.db.select().from(tables.facts).where(eq(tables.facts.entryId, apollo.id));
    const money = apolloFacts.filter((x) => x.kind === 'money').map((x) => x.value);
    expect(money).toEqual(expect.arrayContaining([5_500_000, 2_400_000, 437_000]));
    for (const fact of apolloFacts) expect(apollo.body.slice(fact.start!, fact.end!)).toBe(fact.text);
    const places = await store.db.select().from(tables.entryPlaces).where(eq(tables.entryPlaces.entryId, apollo.id));
    expect(places.map((p) => p.name)).toContain('Coalville');

    const commitments = await store.db.select().from(tables.commitments);
    for (const cm of commitments) {
      expect(cm.documentId).toBe(doc.id);
      expect(cm.sourceEnd!).toBeGreaterThan(cm.sourceStart!);
    }
    const audit = await rows<{ n: number }>(store.db, sql`select count(*)::int as n from audit_events where action = 'import' and entity_type = 'document'`);
    expect(Number(audit[0].n)).toBe(1);

    const again = await s.imports.run([load(REPORT_2020)], { planId });
    expect(again.files[0].status).toBe('already imported');
    expect(again.totals.entries).toBe(0);
    expect(await counts()).toEqual(c);
  });

  it("keeps the report's narrative paragraph by paragraph, in its order: the introduction and financial context under no outcome, each outcome's introduction under it", async () => {
    await s.imports.run([load(REPORT_2020)], { planId });
    const blocks = await store.db.select().from(tables.narrativeBlocks).orderBy(tables.narrativeBlocks.position);
    expect(blocks.map((b) => b.position)).toEqual(blocks.map((_, i) => i + 1));
    const intro = blocks.find((b) => b.heading === 'Introduction')!;
    expect(intro.outcomeId).toBeNull();
    expect(intro.paragraphs.length).toBeGreaterThanOrEqual(3);
    expect(intro.paragraphs[0]).toMatch(/^In December 2017 the County Council agreed a four-year/);
    expect(intro.paragraphs[1]).toMatch(/^In October 2019 we reported/);
    const finance = blocks.find((b) => b.heading === 'Financial Context, Challenges and Fair Funding Campaign')!;
    expect(finance.outcomeId).toBeNull();
    expect(finance.position).toBeGreaterThan(intro.position);
    const outcomes = await store.db.select().from(tables.outcomes);
    const economy = outcomes.find((o) => o.title === 'A Strong Economy')!;
    const economyIntro = blocks.find((b) => b.outcomeId === economy.id && b.themeId === null)!;
    expect(economyIntro.paragraphs[0]).toMatch(/^Our economy outcome focuses on/);
    for (const b of blocks) for (const p of b.paragraphs) expect(p, p.slice(0, 40)).toMatch(/^[^a-z]/);
  });
});
