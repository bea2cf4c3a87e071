// A small published workspace for route tests of the public site: two outcomes, published and draft
// entries (one with hostile text), places, figures, commitments, indicators with values, report files.
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../../src/config.js';
import { services, type Services } from '../../src/services/index.js';
import type { Store } from '../../src/store/index.js';
import { tables } from '../../src/store/index.js';
import { appendAuditEvent } from '../../src/store/queries/appendAuditEvent.js';
import { bumpDataVersion } from '../../src/store/queries/dataVersion.js';
import { testStore } from './store.js';

export const XSS = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

export interface SiteFixture {
  planId: string;
  outcomeSlugs: string[];
  publishedEntryId: string;
  hostileEntryId: string;
  draftEntryId: string;
  draftTitle: string;
  indicatorCode: string;
  reportId: string;
  draftReportId: string;
}

export async function seedSite(s: Services, store: Store): Promise<SiteFixture> {
  const planId = await s.plans.create({
    title: 'Council Strategic Plan 2024–2028', councilCode: 'E10000018', startDate: '2024-04-01', endDate: '2028-03-31',
    outcomes: [
      { title: 'Safe and well', summary: 'People are safe and live healthy lives.', themes: [{ title: 'Keeping people safe' }, { title: 'Healthy lives' }] },
      { title: 'Great places', summary: 'Clean, green and connected places.', themes: [{ title: 'Roads and transport' }] },
    ],
  });
  const structure = await s.plans.structure(planId);
  const [safe, places] = structure.outcomes;
  const { db } = store;
  const entry = (id: string, o: Partial<typeof tables.entries.$inferInsert>) => ({
    id, planId, outcomeId: safe.id, themeId: safe.themes[0].id, kind: 'achievement', body: '', workflowState: 'published', ...o,
  } as typeof tables.entries.$inferInsert);
  await db.insert(tables.documents).values({ id: 'doc-1', name: 'Annual Delivery Report 2024-25.pdf', mediaType: 'application/pdf', sha256: 'a'.repeat(64), size: 1000, planId });
  await db.insert(tables.entries).values([
    entry('e-gritting', {
      title: 'Winter gritting routes extended', date: '2024-11-02', periodKey: 'FY2024-25', service: 'Highways', outcomeId: places.id, themeId: places.themes[0].id,
      body: 'We extended **gritting** to 1,200 miles of road, including rural lanes around Melton Mowbray.\n\n- Twenty new salt bins\n- A new depot',
      partners: ['Melton Borough Council'], documentId: 'doc-1', sourceSection: 'Great places', status: 'complete', publishedAt: '2025-01-10T10:00:00Z',
    }),
    entry('e-falls', { title: 'Falls prevention classes for older people', date: '2024-09-15', periodKey: 'FY2024-25', service: 'Public Health', themeId: safe.themes[1].id, body: 'Classes in Loughborough helped 340 people stay steady on their feet.' }),
    entry('e-hostile', { title: `Hostile ${XSS} title`, date: '2024-06-01', periodKey: 'FY2024-25', body: `Body with ${XSS} and [a link](javascript:alert(1)) about gritting.` }),
    entry('e-draft', { title: 'Secret draft about gritting budgets', date: '2024-12-01', workflowState: 'draft', body: 'Not yet approved gritting.' }),
  ]);
  await db.insert(tables.entryPlaces).values([
    { entryId: 'e-gritting', name: 'Melton Mowbray', areaCode: 'E07000133' },
    { entryId: 'e-falls', name: 'Loughborough', areaCode: 'E07000130' },
    { entryId: 'e-draft', name: 'Melton Mowbray', areaCode: 'E07000133' },
  ]);
  await db.insert(tables.facts).values([
    { id: 'f-1', entryId: 'e-gritting', kind: 'count', value: 1200, unit: 'miles', text: '1,200 miles', start: 26, end: 37 },
  ]);
  await db.insert(tables.commitments).values([
    { id: 'c-depot', planId, outcomeId: places.id, entryId: 'e-gritting', text: 'Open a new salt depot in the north of the county', dueText: 'by March 2036', dueStart: '2036-03-31', dueEnd: '2036-03-31', status: 'open', workflowState: 'published' },
    { id: 'c-late', planId, outcomeId: safe.id, text: 'Recruit 50 new foster carers', dueText: 'during 2024', dueStart: '2024-01-01', dueEnd: '2024-12-31', status: 'late', workflowState: 'published' },
    { id: 'c-draft', planId, outcomeId: safe.id, text: 'A commitment still in draft', status: 'open', workflowState: 'draft' },
  ]);
  await db.insert(tables.indicators).values([
    { id: 'i-ksi', code: 'RS01', title: 'People killed or seriously injured on roads', unit: 'count', decimalPlaces: 0, polarity: 'lower', frequency: 'annual-calendar', outcomeId: places.id, themeId: places.themes[0].id, source: 'DfT STATS19', definition: 'Casualties on roads in the county.' },
    { id: 'i-smoke', code: 'PH02', title: 'Adults who smoke', unit: 'percent', decimalPlaces: 1, polarity: 'lower', frequency: 'annual-calendar', outcomeId: safe.id, themeId: safe.themes[1].id, source: 'OHID', definition: null },
  ]);
  const obs = (indicatorId: string, areaCode: string, periodKey: string, value: number | null, workflowState = 'published') => ({ indicatorId, areaCode, periodKey, value, workflowState });
  await db.insert(tables.observations).values([
    obs('i-ksi', 'E10000018', 'CY2022', 310), obs('i-ksi', 'E10000018', 'CY2023', 290), obs('i-ksi', 'E10000018', 'CY2024', 999, 'submitted'),
    obs('i-smoke', 'E10000018', 'CY2022', 12.4), obs('i-smoke', 'E10000018', 'CY2023', 11.9),
  ]);
  await db.insert(tables.targets).values({ id: 't-1', indicatorId: 'i-ksi', areaCode: 'E10000018', periodKey: 'CY2023', value: 300 });
  await db.insert(tables.reportVersions).values({
    id: 'v-pub', planId, periodKey: 'FY2024-25', state: 'published', version: 1, approvedByName: 'Ada Checker', publishedAt: '2025-06-30T10:00:00Z',
  });
  await db.insert(tables.reportArtifacts).values([
    { id: 'r-pub', reportId: 'v-pub', planId, periodKey: 'FY2024-25', format: 'html', fileName: 'annual-delivery-report-2024-25.html', mediaType: 'text/html', draft: false, content: new TextEncoder().encode('<html><body>Report</body></html>') },
    { id: 'r-draft', planId, periodKey: 'FY2024-25', format: 'pdf', fileName: 'draft.pdf', mediaType: 'application/pdf', draft: true, content: new Uint8Array([1, 2, 3]) },
  ]);
  await appendAuditEvent(db, { userId: null, action: 'seed', entityType: 'test', entityId: planId });
  return {
    planId, outcomeSlugs: structure.outcomes.map((o) => o.slug), publishedEntryId: 'e-gritting', hostileEntryId: 'e-hostile',
    draftEntryId: 'e-draft', draftTitle: 'Secret draft about gritting budgets', indicatorCode: 'RS01', reportId: 'r-pub', draftReportId: 'r-draft',
  };
}

/** Services over a throw-away database seeded with the fixture above. */
export async function seededServices(): Promise<{ s: Services; store: Store; fixture: SiteFixture; close(): Promise<void> }> {
  const store = await testStore();
  const s = services(store, loadConfig({ dataDir: fs.mkdtempSync('/tmp/compendium-test-') }));
  await s.workspace.init();
  const fixture = await seedSite(s, store);
  return { s, store, fixture, close: () => store.close() };
}

/** Changes fields of a seeded entry in place (for tests of what the site does with awkward text). */
export async function setEntryFields(store: Store, id: string, fields: Partial<typeof tables.entries.$inferInsert>): Promise<void> {
  await store.db.update(tables.entries).set(fields).where(eq(tables.entries.id, id));
}

/** Changes fields of a seeded indicator in place. */
export async function setIndicatorFields(store: Store, code: string, fields: Partial<typeof tables.indicators.$inferInsert>): Promise<void> {
  await store.db.update(tables.indicators).set(fields).where(eq(tables.indicators.code, code));
}

/** Adds a published indicator (under an outcome) with one published value for the council, and bumps the benchmarking data's version so that it is read. */
export async function addPublishedIndicator(store: Store, i: { id: string; code: string; title: string; outcomeId: string; periodKey: string; value: number; areaCode?: string }): Promise<void> {
  await store.db.insert(tables.indicators).values({ id: i.id, code: i.code, title: i.title, unit: 'percent', decimalPlaces: 1, polarity: 'higher', frequency: 'annual-financial', outcomeId: i.outcomeId });
  await store.db.insert(tables.observations).values({ indicatorId: i.id, areaCode: i.areaCode ?? 'E10000018', periodKey: i.periodKey, value: i.value, workflowState: 'published' });
  await bumpDataVersion(store.db);
}
