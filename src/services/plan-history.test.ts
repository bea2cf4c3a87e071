// Plan versions through imports: the plan in force chosen by the report's period, a new plan made
// current, overlapping years, a second report for a period, a report without a year, outcome maps.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tables } from '../store/index.js';
import { testServices, type TestServices } from '../../test/helpers/store.js';
import { flagOverdue } from './site/entries.js';

const report = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const early = (name = 'delivery-2020.txt') => report(name, 'A Strong Economy\n\nA new business park opened in Coalville. We will open a second phase in November.\n\nGreat Communities\n\nIn November the library reopened after repairs.\n');
const later = (name = 'delivery-2024.txt') => report(name, 'Safe and Well\n\nA new care home opened in Hinckley.\n\nClean and Green\n\nWe planted 20,000 trees.\n');

describe('plan versions through imports', () => {
  let s: TestServices;
  beforeEach(async () => { s = await testServices(); });
  afterEach(() => s.close());
  const count = async (t: string) => (await s.workspace.status()).counts[t];

  it('makes a new plan current with its years from the title, and puts the next report in the plan in force in its year', async () => {
    const first = await s.imports.run([early()], { newPlanTitle: 'Strategic Plan 2018-22' });
    const second = await s.imports.run([later()], { newPlanTitle: 'Strategic Plan 2022-26' });
    const list = await s.plans.summaries();
    expect(list.map((p) => [p.title, p.slug, p.years, p.current, p.counts.reports])).toEqual([
      ['Strategic Plan 2018-22', 'strategic-plan-2018-22', '2018–2022', false, 1],
      ['Strategic Plan 2022-26', 'strategic-plan-2022-26', '2022–2026', true, 1],
    ]);
    // Another 2019/20 report with no --plan goes into the 2018-22 plan, not the current one.
    const again = await s.imports.run([report('summary-2019-20.txt', 'A Strong Economy\n\nA new road opened in Hinckley.\n')], { replace: true });
    expect(again.planId).toBe(first.planId);
    expect(second.planId).not.toBe(first.planId);
    // --not-current leaves the current plan alone.
    await s.imports.run([report('plan-2030.txt', 'Great Communities\n\nA library opened.\n')], { newPlanTitle: 'Plan 2030-34', notCurrent: true, period: '2030/31' });
    expect((await s.plans.summaries()).find((p) => p.current)?.title).toBe('Strategic Plan 2022-26');
  });

  it('refuses, in one sentence and writing nothing: no plan in force, overlapping years, a second report for a period, no year', async () => {
    await s.imports.run([early()], { newPlanTitle: 'Strategic Plan 2018-22' });
    const before = await count('entries');
    await expect(s.imports.run([later()])).rejects.toThrow('No plan is in force in 2023/24 (the plans are "Strategic Plan 2018-22" 2018–2022): use --new-plan TITLE to start the plan this report belongs to, or --plan to choose one');
    await expect(s.imports.run([later()], { newPlanTitle: 'Plan 2021-25' })).rejects.toThrow('The plan "Plan 2021-25" (2021–2025) overlaps the years of "Strategic Plan 2018-22" (2018–2022): a workspace\'s plans may not overlap, so choose other years');
    await expect(s.plans.create({ title: 'Overlap', councilCode: 'E10000018', startDate: '2019-04-01', endDate: '2023-03-31' })).rejects.toThrow(/overlaps the years of "Strategic Plan 2018-22"/);
    await expect(s.imports.run([report('other-2020.txt', 'Great Communities\n\nA museum opened.\n')])).rejects.toThrow('other-2020.txt covers 2019/20, for which delivery-2020.txt is already imported into "Strategic Plan 2018-22": use --replace to replace it');
    await expect(s.imports.run([report('notes.txt', 'Great Communities\n\nA new play area opened.\n')])).rejects.toThrow('notes.txt: cannot tell which year the report covers from its name or text: give it with --year (the year it was published, e.g. --year 2020) or --period (e.g. --period 2019/20)');
    await expect(s.imports.run([later()], { planId: 'no-such-plan' })).rejects.toThrow(/^There is no plan "no-such-plan"/);
    expect(await count('entries')).toBe(before);
    expect(await count('plans')).toBe(1);
  });

  it('replaces the report for a period with --replace, and names plans by slug or title', async () => {
    await s.imports.run([early()], { newPlanTitle: 'Strategic Plan 2018-22' });
    const r = await s.imports.run([early('revised-2020.txt')].map((f) => ({ ...f, bytes: new TextEncoder().encode(new TextDecoder().decode(f.bytes) + '\nGreat Communities\n\nA museum opened.\n') })), { planId: 'strategic-plan-2018-22', replace: true });
    expect(r.files[0].status).toBe('imported');
    const docs = await s.db.select().from(tables.documents);
    expect(docs.map((d) => [d.name, d.periodKey])).toEqual([['revised-2020.txt', 'FY2019-20']]);
    expect((await s.plans.resolve('Strategic Plan 2018-22')).id).toBe(r.planId);
  });

  it('dates a bare month by the period covered and the tense, and gives promises without a date the plan\'s end', async () => {
    const r = await s.imports.run([early()], { newPlanTitle: 'Strategic Plan 2018-22' });
    const facts = (await s.db.select().from(tables.facts)).filter((f) => f.text === 'November');
    // "We will open a second phase in November": the November after 2019/20; "In November the library reopened": November 2019.
    expect(facts.map((f) => f.dateStart).sort()).toEqual(['2019-11-01', '2020-11-01']);
    expect(r.planId).toBeTruthy();
  });

  it('confirms an outcome map between two plans, refusing an outcome that does not exist', async () => {
    await s.imports.run([early()], { newPlanTitle: 'Strategic Plan 2018-22' });
    await s.imports.run([later()], { newPlanTitle: 'Strategic Plan 2022-26' });
    const suggested = await s.planMaps.suggest('strategic-plan-2018-22', 'strategic-plan-2022-26');
    expect(suggested.suggestions.length).toBeGreaterThan(0);
    await expect(s.planMaps.confirm('strategic-plan-2018-22', 'strategic-plan-2022-26', ['A Strong Economy=Prosperity'])).rejects.toThrow('map 1 ("A Strong Economy=Prosperity"): "Prosperity" is not an outcome of "Strategic Plan 2022-26" (its outcomes: Safe and Well; Clean and Green)');
    expect(await count('plan_outcome_maps')).toBe(0);
    const map = await s.planMaps.confirm('Strategic Plan 2018-22', 'strategic-plan-2022-26', ['Great Communities=Clean and Green,Safe and Well']);
    expect(map.lines.map((l) => [l.from, l.to])).toEqual([['Great Communities', 'Clean and Green'], ['Great Communities', 'Safe and Well']]);
    await expect(s.planMaps.confirm('strategic-plan-2022-26', 'strategic-plan-2018-22', ['Safe and Well=Great Communities'])).rejects.toThrow(/starts before/);
  });

  it('keeps a register of the promises: plan end for undated ones, overdue from the day after the due date', async () => {
    const text = 'A Strong Economy\n\nA new business park opened in Coalville. We will open a second phase in November.\n\nGreat Communities\n\nWe will continue to support village halls across the county.\n';
    await s.imports.run([report('delivery-2020.txt', text)], { newPlanTitle: 'Strategic Plan 2018-22' });
    const on = async (onDay: string) => (await s.commitmentRegister.register({ plan: 'strategic-plan-2018-22', onDay })).commitments.map((c) => [c.dueLabel, c.dueEnd, c.madeIn, c.overdue]);
    expect(await on('2020-11-30')).toEqual([['November', '2020-11-30', '2019/20', false], ['by the end of the plan (March 2022)', '2022-03-31', '2019/20', false]]);
    expect(await on('2020-12-01')).toEqual([['November', '2020-11-30', '2019/20', true], ['by the end of the plan (March 2022)', '2022-03-31', '2019/20', false]]);
    const register = await s.commitmentRegister.register({ plan: 'strategic-plan-2018-22', onDay: '2026-12-07' });
    expect(register.counts.overdue).toBe(2);
  });

  it('shows an open promise past its due date as late on the public site, from the day after', () => {
    const c = { status: 'open', dueStart: '2020-11-01', dueEnd: '2020-11-30', evidence: [] as unknown[] };
    expect(flagOverdue([c], '2020-11-30')[0].status).toBe('open');
    expect(flagOverdue([c], '2020-12-01')[0].status).toBe('late');
    expect(flagOverdue([{ ...c, evidence: [{}] }], '2026-12-07')[0].status).toBe('open');
  });
});
