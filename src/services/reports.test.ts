// The reports service on a real database without the demo: a plan with no outcomes, and the 2020
// Leicestershire report imported and reported back.
import fs from 'node:fs';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import type { ReportModel } from '../reports/model/index.js';
import { tables } from '../store/index.js';
import { testServices, type TestServices } from '../../test/helpers/store.js';
import { REPORT_2020 } from '../../test/helpers/reports.js';
import { SYSTEM_ACTOR } from './policy.js';

let s: TestServices;
beforeEach(async () => { s = await testServices(); });
afterEach(() => s.close());

const text = (f: { bytes: Uint8Array }) => new TextDecoder().decode(f.bytes);

describe('bad input without the demo', () => {
  it('refuses a plan with no outcomes', async () => {
    const planId = await s.plans.create({ title: 'Empty Plan', councilCode: 'E10000018', startDate: '2024-04-01', endDate: '2028-03-31' });
    await expect(s.reports.build({ planId, formats: ['html'], draft: true })).rejects.toThrow('The plan "Empty Plan" has no outcomes yet, so there is nothing to hang a report on');
  });
});


describe('round trip: the 2020 Leicestershire report imported and reported', () => {
  it('shows every imported entry once, under its outcome and theme, in order', async () => {
    const planId = await s.plans.create({
      title: 'Strategic Plan 2018-22', councilCode: 'E10000018', startDate: '2018-04-01', endDate: '2022-03-31',
      outcomes: ['A Strong Economy', 'Wellbeing and Opportunity', 'Keeping People Safe', 'Great Communities', 'Affordable and Quality Homes'].map((title) => ({ title })),
    });
    const summary = await s.imports.run([{ name: path.basename(REPORT_2020), bytes: new Uint8Array(fs.readFileSync(REPORT_2020)) }], { planId });
    const periodKey = summary.files[0].periodKey;
    // Drafts until the batch is published: no published report has them.
    await expect(s.reports.model({ planId, period: periodKey, draft: false, generatedOn: '2020-12-01' })).rejects.toThrow(/no published entries/);
    await s.importBatches.publish(SYSTEM_ACTOR, summary.files[0].batchId!);
    const imported = await s.db.select().from(tables.entries).where(eq(tables.entries.planId, planId)).orderBy(asc(tables.entries.position));
    expect(imported.length).toBeGreaterThan(270);

    const model: ReportModel = await s.reports.model({ planId, period: periodKey, draft: false, generatedOn: '2020-12-01' });
    // Where each entry landed: [outcome id or "other:<section>", theme id or null].
    const seen: { id: string; outcome: string; theme: string | null }[] = [];
    for (const o of model.outcomes) {
      for (const e of o.entries) seen.push({ id: e.id, outcome: o.id, theme: null });
      for (const t of o.themes) for (const e of t.entries) seen.push({ id: e.id, outcome: o.id, theme: t.id });
    }
    for (const sec of model.other) for (const e of sec.entries) seen.push({ id: e.id, outcome: `other:${sec.title}`, theme: null });

    expect(seen).toHaveLength(imported.length);
    expect(new Set(seen.map((x) => x.id)).size).toBe(imported.length);
    const byId = new Map(imported.map((e) => [e.id, e]));
    for (const x of seen) {
      const e = byId.get(x.id)!;
      expect(x.outcome, e.title).toBe(e.outcomeId ?? `other:${e.sourceSection}`);
      expect(x.theme, e.title).toBe(e.outcomeId ? e.themeId : null);
    }
    // Within each outcome or theme, entries keep the order they had in the report.
    const groups = new Map<string, number[]>();
    for (const x of seen) groups.set(`${x.outcome}|${x.theme}`, [...(groups.get(`${x.outcome}|${x.theme}`) ?? []), byId.get(x.id)!.position]);
    for (const positions of groups.values()) expect(positions).toEqual([...positions].sort((a, b) => a - b));

    // And the rendered HTML carries each entry exactly once.
    const html = text((await s.reports.build({ planId, period: periodKey, formats: ['html'], draft: false }))[0]);
    const d = parseHTML(html).document;
    // Titled entries as articles, untitled ones as items of a list under their heading.
    expect(d.querySelectorAll('article.cmp-entry, li.cmp-entry--untitled').length).toBe(imported.length);
    expect(d.querySelectorAll('li.cmp-entry--untitled').length).toBe(imported.filter((x) => !x.title.trim()).length);
    for (const e of imported.slice(0, 40)) expect(d.querySelectorAll(`#entry-${e.id}`).length).toBe(1);
  });
});
