import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, and, sql } from 'drizzle-orm';
import { rows, tables, type Store } from '../store/index.js';
import type { Services } from './index.js';
import { loadReport as load, workspaceWithPlan } from '../../test/helpers/imports.js';
import { OWN_REPORTS, SUMMARY_2024 } from '../../test/helpers/reports.js';

describe('importing reports', () => {
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

  it('keeps a previewed report for 30 minutes and for the user who uploaded it only', async () => {
    for (const id of ['officer-1', 'someone-else']) {
      await store.db.insert(tables.users).values({ id, email: `${id}@test.gov.uk`, name: id, passwordHash: 'x', role: 'performance' });
    }
    const officer = 'officer-1';
    const upload = { name: 'kept.txt', bytes: new TextEncoder().encode('Great Communities\n\nA new play area opened in Oakham.\n') };
    const token = await s.imports.stage(upload, officer, { reportYear: 2024 });
    expect(await s.imports.staged(token, officer)).toEqual({ file: upload, options: { reportYear: 2024 } });
    expect(await s.imports.staged(token, 'someone-else')).toBeUndefined();
    expect(await s.imports.staged('not-a-token', officer)).toBeUndefined();
    // Only the token's hash is stored.
    const rows = await store.db.select().from(tables.stagedUploads);
    expect(rows.some((r) => r.id === token)).toBe(false);
    await store.db.update(tables.stagedUploads).set({ createdAt: new Date(Date.now() - 31 * 60_000).toISOString() });
    expect(await s.imports.staged(token, officer)).toBeUndefined();
    // Staging again clears what has expired.
    await s.imports.stage(upload, officer);
    expect(await store.db.select().from(tables.stagedUploads)).toHaveLength(1);
  });

  it('keeps a large previewed report in parts of 256 KB, each a statement of its own, and gives it back byte for byte', async () => {
    await store.db.insert(tables.users).values({ id: 'officer-2', email: 'officer-2@test.gov.uk', name: 'o', passwordHash: 'x', role: 'performance' });
    const bytes = new Uint8Array(600 * 1024 + 7).map((_, i) => (i * 31 + 7) % 251);
    const token = await s.imports.stage({ name: 'large.pdf', bytes }, 'officer-2');
    const parts = await store.db.select().from(tables.stagedUploadParts);
    expect(parts.sort((a, b) => a.part - b.part).map((p) => [p.part, p.content.length])).toEqual([[0, 262144], [1, 262144], [2, 90119]]);
    expect(Buffer.from((await s.imports.staged(token, 'officer-2'))!.file.bytes).equals(Buffer.from(bytes))).toBe(true);
    const empty = await s.imports.stage({ name: 'empty.txt', bytes: new Uint8Array() }, 'officer-2');
    expect((await s.imports.staged(empty, 'officer-2'))!.file.bytes).toHaveLength(0);
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
    const md = '# ANNUAL SUMMARY 2024\n\n## SAFE AND WELL\n\n### Community Safety\n\nWe fitted 200 call blockers.\n\n### Public Health\n\nWe helped 940 people to stop smoking.\n\n## GREAT COMMUNITIES\n\nWe opened 3 community fridges.\n';
    const summary = await s.imports.run([{ name: 'summary-2024.md', bytes: new TextEncoder().encode(md) }], { planId, map: ['Public Health=Wellbeing and Opportunity'] });
    const safe = summary.files[0].sections.find((x) => x.title === 'SAFE AND WELL')!;
    expect(safe).toMatchObject({ outcome: 'Keeping People Safe', themeMappings: [{ title: 'Public Health', outcome: 'Wellbeing and Opportunity', mappedBy: 'override' }] });
    const byTheme = await rows<{ source_section: string; outcome: string }>(store.db, sql`
      select e.source_section, o.title as outcome from entries e join outcomes o on o.id = e.outcome_id order by 1`);
    expect(byTheme).toEqual([
      { source_section: 'GREAT COMMUNITIES', outcome: 'Great Communities' },
      { source_section: 'SAFE AND WELL / Community Safety', outcome: 'Keeping People Safe' },
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
    const northvale = load(path.join(OWN_REPORTS, 'northvale-numbered-priorities-2025.txt'));
    await expect(s.imports.run([northvale, { name: 'scan.pdf', bytes: new Uint8Array([1, 2, 3]) }], { planId })).rejects.toThrow(/^scan\.pdf: not a PDF file/);
    expect(await counts()).toEqual(before);
    // A new plan, then a document whose importer is not a user: the plan must go with it.
    await expect(s.imports.run([northvale], { newPlanTitle: 'Council Plan 2024-28', userId: 'no-such-user' })).rejects.toThrow();
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

  it('refuses minutes without force, saying why in one sentence and writing nothing; imports them with force', async () => {
    const minutes = load(path.join(OWN_REPORTS, 'millbrook-parish-minutes-2025.txt'));
    const before = await counts();
    await expect(s.imports.run([minutes], { planId })).rejects.toThrow(/^millbrook-parish-minutes-2025\.txt: This looks like the minutes of a meeting, not a report of delivery .*import it only with --force\.$/);
    expect(await counts()).toEqual(before);
    const preview = await s.imports.preview([minutes], { planId });
    expect(preview.files[0].warnings[0]).toMatch(/^This looks like the minutes of a meeting/);
    const forced = await s.imports.run([minutes], { planId, force: true });
    expect(forced.files[0].status).toBe('imported');
    expect((await counts()).entries).toBeGreaterThan(before.entries);
  });
});
