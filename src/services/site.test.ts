import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededServices } from '../../test/helpers/site-fixture.js';
import { bumpDataVersion } from '../store/queries/dataVersion.js';
import { highlightSegments } from './site.js';
import { siteIndicatorService } from './site/indicators.js';

let t: Awaited<ReturnType<typeof seededServices>>;
beforeAll(async () => {
  t = await seededServices();
});
afterAll(() => t.close());

describe('site service', () => {
  it('counts published entries per outcome in the headline year', async () => {
    const home = await t.s.site.home('2025-06-01');
    expect(home!.year.label).toBe('2024/25');
    const [safe, places] = home!.outcomes;
    expect(safe.entriesThisYear).toBe(2); // falls + hostile; the draft is not counted
    expect(places.entriesThisYear).toBe(1);
  });

  it('never returns a draft entry, commitment or value', async () => {
    const all = await t.s.site.entries();
    expect(all.entries.map((e) => e.id)).not.toContain(t.fixture.draftEntryId);
    expect(all.total).toBe(3);
    await expect(t.s.site.entry(t.fixture.draftEntryId)).rejects.toThrow(/not found/);
    const c = await t.s.site.commitments();
    expect(c.commitments.map((x) => x.id)).not.toContain('c-draft');
    const obs = await t.s.site.observations();
    expect(obs.map((o) => o.value)).not.toContain(999);
  });

  it('gives an entry with its figures, places, partners and source document', async () => {
    const e = await t.s.site.entry(t.fixture.publishedEntryId);
    expect(e.facts).toEqual([expect.objectContaining({ text: '1,200 miles', value: 1200 })]);
    expect(e.places).toEqual([{ name: 'Melton Mowbray', areaCode: 'E07000133' }]);
    expect(e.partners).toEqual(['Melton Borough Council']);
    expect(e.document?.name).toBe('Annual Delivery Report 2024-25.pdf');
    expect(e.commitments.map((c) => c.id)).toEqual(['c-depot']);
  });

  it('counts delivery by district and named place', async () => {
    const p = await t.s.site.places();
    const melton = p.districts.find((d) => d.code === 'E07000133');
    expect(melton?.entries).toBe(1);
    expect(p.districts).toHaveLength(7);
    expect(p.places.map((x) => [x.name, x.entries])).toEqual([['Loughborough', 1], ['Melton Mowbray', 1]]);
    const town = await t.s.site.place({ name: 'melton mowbray' });
    expect(town.name).toBe('Melton Mowbray');
    await expect(t.s.site.place({ areaCode: 'E07000001' })).rejects.toThrow(/not found/);
  });

  it('searches published text only, with highlights as segments', async () => {
    const r = await t.s.site.search('gritting');
    const ids = r.hits.map((h) => h.id);
    expect(ids).toContain('e-gritting');
    expect(ids).toContain('e-hostile');
    expect(ids).not.toContain(t.fixture.draftEntryId);
    const hit = r.hits.find((h) => h.id === 'e-gritting')!;
    expect(hit.title.filter((x) => x.match).map((x) => x.text)).toEqual(['gritting']);
    expect((await t.s.site.search('salt depot')).hits.map((h) => h.type)).toContain('commitment');
    expect((await t.s.site.search('STATS19')).hits.map((h) => h.key)).toContain('RS01');
  });

  it('takes SQL metacharacters and search syntax as plain words', async () => {
    for (const q of [`'; drop table entries; --`, `" OR 1=1`, '\\', '&|!():*', '-gritting', 'a'.repeat(500), '%_']) {
      const r = await t.s.site.search(q);
      expect(Array.isArray(r.hits)).toBe(true);
    }
    expect((await t.s.site.entries()).total).toBe(3);
  });

  it('splits highlight marks without producing markup', () => {
    expect(highlightSegments('a \u0001b\u0002 <c>')).toEqual([{ text: 'a ', match: false }, { text: 'b', match: true }, { text: ' <c>', match: false }]);
  });

  it('lists published report files only, by version with who approved them', async () => {
    const reports = await t.s.site.reports();
    expect(reports.map((r) => [r.version, r.approvedBy])).toEqual([[1, 'Ada Checker']]);
    expect(reports.flatMap((r) => r.files.map((f) => f.id))).toEqual([t.fixture.reportId]);
    await expect(t.s.site.report(t.fixture.draftReportId)).rejects.toThrow(/not found/);
  });
});

describe('performance snapshot', () => {
  it('is made again when the benchmarking data changes, not on other audited changes', async () => {
    let compendiums = 0;
    const performance = { ...t.s.performance, compendium: (...a: Parameters<typeof t.s.performance.compendium>) => { compendiums++; return t.s.performance.compendium(...a); } };
    const site = siteIndicatorService({ store: t.store, sitePlan: t.s.site, plans: t.s.plans, groups: t.s.groups, performance });
    const first = await site.performanceSnapshot();
    const made = compendiums;
    expect(made).toBeGreaterThan(0);
    // An audited change that is not benchmarking data (a setting here) leaves the snapshot as it was.
    await t.s.workspace.updateSettings({ councilName: 'Borsetshire County Council' });
    await t.s.workspace.updateSettings({ councilName: 'Leicestershire County Council' });
    expect(await site.performanceSnapshot()).toBe(first);
    expect(compendiums).toBe(made);
    // A change of benchmarking data makes it again.
    await bumpDataVersion(t.store.db);
    const again = await site.performanceSnapshot();
    expect(compendiums).toBeGreaterThan(made);
    expect(again).toEqual(first);
  });
});
