import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { loadConfig } from '../config.js';
import { rows, tables, type Store } from '../store/index.js';
import { services, type Services } from './index.js';
import { testStore } from '../../test/helpers/store.js';
import { canonical, OWN_REPORTS, REPORT_2020, SUMMARY_2024 } from '../../test/helpers/reports.js';

const PLAN_2018 = {
  title: 'Strategic Plan 2018-22',
  councilCode: 'E10000018',
  startDate: '2018-04-01',
  endDate: '2022-03-31',
  outcomes: [
    { title: 'A Strong Economy' },
    { title: 'Wellbeing and Opportunity' },
    { title: 'Keeping People Safe' },
    { title: 'Great Communities' },
    { title: 'Affordable and Quality Homes' },
  ],
};

const load = (file: string) => ({ name: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) });

describe('importing reports', () => {
  let store: Store;
  let s: Services;
  let planId: string;
  beforeEach(async () => {
    store = await testStore();
    s = services(store, loadConfig({ dataDir: fs.mkdtempSync('/tmp/compendium-test-') }));
    planId = await s.plans.create(PLAN_2018);
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
      expect(e).toMatchObject({ documentId: doc.id, kind: 'achievement', workflowState: 'published', periodKey: 'FY2019-20', planId });
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

  it("adds another year's report to the history", async () => {
    const first = await s.imports.run([load(SUMMARY_2024)], { planId });
    const f = first.files[0];
    expect(f.periodKey).toBe('FY2023-24');
    expect(f.sections.find((x) => x.title === 'STRONG ECONOMY, TRANSPORT AND INFRASTRUCTURE')?.outcome).toBe('A Strong Economy');
    expect(f.sections.find((x) => x.title === 'GREAT COMMUNITIES')?.outcome).toBe('Great Communities');
    const next = await s.imports.run([load(path.join(OWN_REPORTS, 'northvale-numbered-priorities-2025.txt'))], { planId });
    const byPeriod = await rows<{ period_key: string; n: number }>(store.db, sql`select period_key, count(*)::int as n from entries group by period_key order by period_key`);
    expect(byPeriod.map((r) => r.period_key)).toEqual(['FY2023-24', 'FY2024-25']);
    expect(byPeriod.map((r) => Number(r.n))).toEqual([f.entries, next.files[0].entries]);
    expect((await counts()).documents).toBe(2);
  });

  it('remembers a --map override for the next import', async () => {
    const first = await s.imports.run([load(path.join(OWN_REPORTS, 'northvale-numbered-priorities-2025.txt'))], {
      planId, map: ['Healthy and Safe Communities=Wellbeing and Opportunity'],
    });
    expect(first.files[0].sections.find((x) => x.title === 'Healthy and Safe Communities')).toMatchObject({ outcome: 'Wellbeing and Opportunity', mappedBy: 'override' });
    const [remembered] = await store.db.select().from(tables.sectionMappings)
      .where(and(eq(tables.sectionMappings.planId, planId), eq(tables.sectionMappings.section, 'healthy and safe communities')));
    expect(remembered.outcomeId).not.toBeNull();

    const next = { name: 'northvale-2026.txt', bytes: new TextEncoder().encode('Healthy and Safe Communities\n\nOur aim is safe and healthy towns.\n\nPark Run – a new weekly run started in Coalville in 2026.\n') };
    const second = await s.imports.run([next], { planId });
    expect(second.files[0].sections[0]).toMatchObject({ title: 'Healthy and Safe Communities', outcome: 'Wellbeing and Opportunity', mappedBy: 'remembered' });
  });

  it('maps a theme on its own when --map names it, and remembers that too', async () => {
    const summary = await s.imports.run([load(SUMMARY_2024)], { planId, map: ['Public Health=Wellbeing and Opportunity'] });
    const safe = summary.files[0].sections.find((x) => x.title === 'SAFE AND WELL')!;
    expect(safe).toMatchObject({ outcome: 'Keeping People Safe', themeMappings: [{ title: 'Public Health', outcome: 'Wellbeing and Opportunity', mappedBy: 'override' }] });
    const byTheme = await rows<{ source_section: string; outcome: string }>(store.db, sql`
      select distinct e.source_section, o.title as outcome from entries e join outcomes o on o.id = e.outcome_id
      where e.source_section like 'SAFE AND WELL%' order by 1`);
    expect(byTheme).toEqual([
      { source_section: 'SAFE AND WELL / Adult Social Care', outcome: 'Keeping People Safe' },
      { source_section: 'SAFE AND WELL / Community and Consumer Safety and Safeguarding', outcome: 'Keeping People Safe' },
      { source_section: 'SAFE AND WELL / Public Health', outcome: 'Wellbeing and Opportunity' },
    ]);
    const remembered = await store.db.select().from(tables.sectionMappings).where(eq(tables.sectionMappings.section, 'public health'));
    expect(remembered).toHaveLength(1);
  });

  it('refuses a --map that names no section or no outcome, writing nothing', async () => {
    const before = await counts();
    const northvale = load(path.join(OWN_REPORTS, 'northvale-numbered-priorities-2025.txt'));
    await expect(s.imports.run([northvale], { planId, map: ['Nowhere=A Strong Economy'] })).rejects.toThrow(/section that is not in the report: "Nowhere"/);
    await expect(s.imports.run([northvale], { planId, map: ['Healthy and Safe Communities=Space Exploration'] })).rejects.toThrow(/outcome that is not in the plan/);
    await expect(s.imports.run([northvale], { planId, map: ['no equals sign'] })).rejects.toThrow(/is not "Section=Outcome"/);
    expect(await counts()).toEqual(before);
  });

  it('is all-or-nothing: a bad file in a batch, or a failure while storing, leaves the database unchanged', async () => {
    const before = await counts();
    await expect(s.imports.run([load(SUMMARY_2024), { name: 'scan.pdf', bytes: new Uint8Array([1, 2, 3]) }], { planId })).rejects.toThrow(/^scan\.pdf: not a PDF file/);
    expect(await counts()).toEqual(before);
    // A new plan, then a document whose importer is not a user: the plan must go with it.
    await expect(s.imports.run([load(SUMMARY_2024)], { newPlanTitle: 'Strategic Plan 2022-26', userId: 'no-such-user' })).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });

  it('creates a new plan from the report, merging sub-sections into their outcome', async () => {
    const summary = await s.imports.run([load(SUMMARY_2024)], { newPlanTitle: 'Strategic Plan 2022-26' });
    expect(summary.newPlan).toBe(true);
    const structure = await s.plans.structure(summary.planId!);
    expect(structure.outcomes.map((o) => o.title)).toEqual([
      'STRONG ECONOMY, TRANSPORT AND INFRASTRUCTURE', 'CLEAN AND GREEN', 'IMPROVED OPPORTUNITIES', 'SAFE AND WELL', 'GREAT COMMUNITIES',
    ]);
    expect(structure.outcomes[3].themes.map((t) => t.title)).toEqual(['Community and Consumer Safety and Safeguarding', 'Public Health', 'Adult Social Care']);
    const unfiled = await rows<{ n: number }>(store.db, sql`select count(*)::int as n from entries where outcome_id is null`);
    expect(Number(unfiled[0].n)).toBe(0);
    const themed = await rows<{ n: number }>(store.db, sql`select count(*)::int as n from entries where theme_id is not null`);
    expect(Number(themed[0].n)).toBeGreaterThan(50);
  });
});
