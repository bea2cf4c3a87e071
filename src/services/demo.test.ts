// The demo workspace on a real database: what it promises, that it is all-or-nothing and repeatable,
// and that its content is consistent (fact offsets, areas, peer group, sign-in).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rows, tables, type Store } from '../store/index.js';
import { getTableCounts } from '../store/queries/getTableCounts.js';
import { testStore, twoStores } from '../../test/helpers/store.js';
import { loadConfig } from '../config.js';
import { isConflictError } from '../errors.js';
import { Area, Fact, Indicator, Observation, Target, User, financialQuarter, periodFromKey } from '../domain/index.js';
import { services } from './index.js';
import { demoService, type DemoSummary } from './demo.js';
import { demoContent } from './demo/content.js';
import { verifyPassword } from './passwords.js';

const DEMO_CONTENT = demoContent();
const INDICATOR_PERIODS = DEMO_CONTENT.indicatorPeriods;

const CONTENT_TABLES = ['users', 'plans', 'outcomes', 'themes', 'entries', 'entry_places', 'facts', 'commitments', 'commitment_evidence',
  'indicators', 'targets', 'observations', 'comparator_groups', 'comparator_group_members', 'financial_figures', 'reporting_duties', 'audit_events'];

describe('the demo workspace, loaded', () => {
  let store: Store;
  let summary: DemoSummary;
  beforeAll(async () => {
    store = await testStore();
    summary = await services(store, loadConfig()).demo.load();
  });
  afterAll(async () => { await store.close(); });

  it('holds what it promises, and the database holds what the summary says', async () => {
    const c = summary.counts;
    expect(summary.loaded).toBe(true);
    expect(c.outcomes).toBe(5);
    expect(c.indicators).toBe(12);
    expect(c.peers).toBe(15);
    expect(summary.group).toEqual({ name: 'demo-peers', members: 16 });
    expect(c.entries).toBeGreaterThanOrEqual(36);
    expect(c.publishedEntries).toBeLessThan(c.entries);
    expect(c.facts).toBeGreaterThan(3 * c.entries);
    expect(c.commitments).toBeGreaterThanOrEqual(15);
    expect(c.missingObservations).toBeGreaterThan(0);
    expect(c.users).toBe(4);

    const counts = await getTableCounts(store.db);
    expect(counts).toMatchObject({
      plans: 1, outcomes: c.outcomes, themes: c.themes, entries: c.entries, facts: c.facts, commitments: c.commitments,
      indicators: c.indicators, targets: c.targets, observations: c.observations, users: c.users,
      comparator_groups: 1, comparator_group_members: 16, financial_figures: c.financialFigures, reporting_duties: c.reportingDuties, audit_events: 1,
    });
    const fictional = await store.db.select().from(tables.areas).where(eq(tables.areas.fictional, true));
    expect(fictional).toHaveLength(c.areas);
  });

  it('gives every outcome a summary and two to four themes', async () => {
    const structure = await services(store, loadConfig()).plans.structure();
    expect(structure.plan.title).toBe('Demoshire Strategic Plan 2022–2026');
    for (const o of structure.outcomes) {
      expect(o.summary.length, o.title).toBeGreaterThan(20);
      expect(o.themes.length, o.title).toBeGreaterThanOrEqual(2);
      expect(o.themes.length, o.title).toBeLessThanOrEqual(4);
    }
  });

  it('makes Demoshire the council, the demo plan current and demo-peers the default group', async () => {
    const settings = await services(store, loadConfig()).workspace.settings();
    expect(settings).toMatchObject({ councilCode: 'X10000001', councilName: 'Demoshire County Council', demo: true, defaultGroup: 'demo-peers', currentPlanId: summary.plan.id });
    const [area] = await store.db.select().from(tables.areas).where(eq(tables.areas.code, 'X10000001'));
    expect(area).toMatchObject({ type: 'county', fictional: true });
    const districts = await store.db.select().from(tables.areas).where(eq(tables.areas.parentCode, 'X10000001'));
    expect(districts.length).toBeGreaterThanOrEqual(5);
    expect(districts.every((d) => d.fictional && d.type === 'district')).toBe(true);
    expect(districts.reduce((sum, d) => sum + (d.population ?? 0), 0)).toBe(area.population);
  });

  it('writes rows that fit the domain model', async () => {
    const check = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, rows: unknown[]) => {
      for (const row of rows) expect(schema.safeParse(row).error, JSON.stringify(row)).toBeUndefined();
    };
    check(Area, await store.db.select().from(tables.areas).where(eq(tables.areas.fictional, true)));
    check(User, await store.db.select().from(tables.users));
    check(Fact, await store.db.select().from(tables.facts));
    check(Indicator, await store.db.select().from(tables.indicators));
    check(Target, await store.db.select().from(tables.targets));
    check(Observation, await store.db.select().from(tables.observations));
  });

  it("finds every fact's words in its entry's body at the stated offsets", async () => {
    const found = await rows<{ text: string; start: number; end: number; body: string; title: string }>(store.db,
      sql`select f.text, f.start, f."end", e.body, e.title from facts f join entries e on e.id = f.entry_id`);
    expect(found.length).toBe(summary.counts.facts);
    for (const f of found) expect(f.body.slice(f.start, f.end), `${f.title}: ${f.text}`).toBe(f.text);
  });

  it('gives each kind of fact the value its kind needs', async () => {
    const facts = await store.db.select().from(tables.facts);
    expect(new Set(facts.map((f) => f.kind))).toEqual(new Set(['money', 'count', 'percent', 'date', 'period', 'duration']));
    expect(facts.some((f) => f.approximate)).toBe(true);
    expect(facts.some((f) => f.valueMax !== null)).toBe(true);
    for (const f of facts) {
      if (f.kind === 'date' || f.kind === 'period') {
        expect(f.value, f.text).toBeNull();
        expect(f.dateStart! <= f.dateEnd!, f.text).toBe(true);
      } else {
        expect(f.value, f.text).not.toBeNull();
        expect(f.dateStart, f.text).toBeNull();
      }
      if (f.kind === 'money') expect(f.unit).toBe('£');
      if (f.kind === 'percent') expect(f.unit).toBe('%');
      if (f.kind === 'duration') expect(f.unit).toBe('days');
    }
  });

  it('gives every entry a place in a demo area, and mixes kinds and workflow states', async () => {
    const entries = await store.db.select().from(tables.entries);
    const places = await store.db.select().from(tables.entryPlaces);
    const fictional = new Set((await store.db.select().from(tables.areas).where(eq(tables.areas.fictional, true))).map((a) => a.code));
    for (const e of entries) {
      const own = places.filter((p) => p.entryId === e.id);
      expect(own.length, e.title).toBeGreaterThan(0);
      for (const p of own) expect(fictional.has(p.areaCode ?? ''), `${e.title}: ${p.name}`).toBe(true);
    }
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(['achievement', 'update', 'project', 'commitment']));
    expect(new Set(entries.map((e) => e.workflowState))).toEqual(new Set(['draft', 'submitted', 'approved', 'published']));
    expect(new Set(entries.map((e) => e.periodKey)).size).toBeGreaterThanOrEqual(4);
    // An entry is dated within its reporting period, or (a year-end update) in the quarter after it.
    for (const e of entries) {
      const year = periodFromKey(e.periodKey ?? '')!;
      const quarterAfter = financialQuarter(Number(year.end.slice(0, 4)), 1);
      expect(e.date! >= year.start && e.date! <= quarterAfter.end, `${e.title}: ${e.date} for ${e.periodKey}`).toBe(true);
    }
    const byPosition = [...entries].sort((a, b) => a.position - b.position).map((e) => e.date!);
    expect(byPosition).toEqual([...byPosition].sort());
  });

  it('has commitments in every status, with evidence only for delivered ones', async () => {
    const commitments = await store.db.select().from(tables.commitments);
    expect(new Set(commitments.map((c) => c.status))).toEqual(new Set(['open', 'delivered', 'late', 'dropped', 'unknown']));
    const bodies = new Map((await store.db.select().from(tables.entries)).map((e) => [e.id, e.body.toLowerCase()]));
    for (const c of commitments) {
      expect(c.dueStart! <= c.dueEnd!, c.text).toBe(true);
      expect(bodies.get(c.entryId!), c.text).toContain(c.dueText!.toLowerCase());
    }
    const evidence = await rows<{ status: string; kind: string }>(store.db,
      sql`select c.status, e.kind from commitment_evidence ce join commitments c on c.id = ce.commitment_id join entries e on e.id = ce.entry_id`);
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.every((e) => e.status === 'delivered')).toBe(true);
  });

  it('puts every observation on an area that exists, in the peer group, with six or more years each', async () => {
    const orphans = await rows(store.db, sql`select o.area_code from observations o left join areas a on a.code = o.area_code where a.code is null`);
    expect(orphans).toEqual([]);
    const perArea = await rows<{ area_code: string; n: number }>(store.db,
      sql`select area_code, count(distinct period_key)::int as n from observations group by area_code`);
    const members = await rows<{ area_code: string }>(store.db,
      sql`select m.area_code from comparator_group_members m join comparator_groups g on g.id = m.group_id where g.name = 'demo-peers'`);
    expect(perArea.map((r) => r.area_code).sort()).toEqual(members.map((m) => m.area_code).sort());
    for (const r of perArea) expect(Number(r.n), r.area_code).toBeGreaterThanOrEqual(6);
    const demoshire = await rows<{ n: number }>(store.db, sql`select count(*)::int as n from observations where area_code = 'X10000001'`);
    expect(Number(demoshire[0].n)).toBe(12 * INDICATOR_PERIODS.length);
  });

  it('compares Demoshire with fifteen real county councils that still exist', async () => {
    const [group] = await store.db.select().from(tables.comparatorGroups).where(eq(tables.comparatorGroups.name, 'demo-peers'));
    expect(group.kind).toBe('custom');
    const members = await rows<{ code: string; type: string; fictional: boolean; end_date: string | null }>(store.db,
      sql`select a.code, a.type, a.fictional, a.end_date from comparator_group_members m join areas a on a.code = m.area_code where m.group_id = ${group.id}`);
    expect(members).toHaveLength(16);
    const real = members.filter((m) => !m.fictional);
    expect(real.map((m) => m.code).sort()).toEqual([...DEMO_CONTENT.peerCodes].sort());
    expect(real.every((m) => m.type === 'county' && m.end_date === null && m.code.startsWith('E10'))).toBe(true);
  });

  it('labels every indicator as invented, includes a context indicator, and sets targets for the others', async () => {
    const indicators = await store.db.select().from(tables.indicators);
    const targets = await store.db.select().from(tables.targets);
    expect(indicators.every((i) => /invented/i.test(i.source ?? '') && /invented/i.test(i.definition ?? ''))).toBe(true);
    expect(new Set(indicators.map((i) => i.polarity))).toEqual(new Set(['higher', 'lower', 'none']));
    for (const i of indicators) {
      const own = targets.filter((t) => t.indicatorId === i.id);
      if (i.polarity === 'none') expect(own, i.code).toHaveLength(0);
      else expect(own.length, i.code).toBeGreaterThanOrEqual(4);
    }
  });

  it('lets each demo user sign in with the printed password, and no other', async () => {
    const users = await store.db.select().from(tables.users);
    expect(summary.credentials.map((c) => c.role).sort()).toEqual(['admin', 'contributor', 'performance-officer', 'viewer']);
    for (const c of summary.credentials) {
      const user = users.find((u) => u.email === c.email)!;
      expect(user.role).toBe(c.role);
      expect(await verifyPassword(c.password, user.passwordHash)).toBe(true);
      expect(await verifyPassword(`${c.password}x`, user.passwordHash)).toBe(false);
    }
    const contributor = users.find((u) => u.role === 'contributor')!;
    expect(contributor.services).toEqual(['Environment and Waste']);
    expect(contributor.outcomeIds).toHaveLength(1);
  });

  it('gives the reporting calendar duties owed by demo users, some still outstanding', async () => {
    const duties = await store.db.select().from(tables.reportingDuties);
    const users = new Set((await store.db.select().from(tables.users)).map((u) => u.id));
    const subjects = new Set([
      ...(await store.db.select().from(tables.indicators)).map((i) => `indicator:${i.id}`),
      ...(await store.db.select().from(tables.outcomes)).map((o) => `outcome:${o.id}`),
    ]);
    expect(duties.length).toBeGreaterThan(5);
    for (const d of duties) {
      expect(subjects.has(`${d.subjectType}:${d.subjectId}`)).toBe(true);
      expect(users.has(d.ownerId ?? '')).toBe(true);
    }
    expect(duties.some((d) => d.doneAt === null)).toBe(true);
    expect(duties.some((d) => d.doneAt !== null)).toBe(true);
  });

  it('does nothing the second time', async () => {
    const before = await getTableCounts(store.db);
    const again = await services(store, loadConfig()).demo.load();
    expect(again.loaded).toBe(false);
    expect(again.plan.id).toBe(summary.plan.id);
    expect(again.counts).toEqual(summary.counts);
    expect(await getTableCounts(store.db)).toEqual(before);
  });
});

describe('loading the demo', () => {
  // One database for both: the failed load must leave it empty, which the refusal then relies on.
  let store: Store;
  beforeAll(async () => { store = await testStore(); });
  afterAll(async () => { await store.close(); });

  it('writes nothing when any part fails', async () => {
    const broken = { ...DEMO_CONTENT, peerCodes: [...DEMO_CONTENT.peerCodes, 'X00000404'] };
    await expect(demoService(store, broken).load()).rejects.toThrow();
    const counts = await getTableCounts(store.db);
    for (const t of CONTENT_TABLES) expect(counts[t], t).toBe(0);
    expect(await store.db.select().from(tables.areas).where(eq(tables.areas.fictional, true))).toEqual([]);
    expect((await services(store, loadConfig()).workspace.settings()).demo).toBe(false);
  });

  it("refuses a workspace that holds a council's own plan, and changes nothing", async () => {
    const s = services(store, loadConfig());
    await s.plans.create({ title: 'Our Real Plan 2025–2029', councilCode: 'E10000018', startDate: '2025-04-01', endDate: '2029-03-31' });
    const before = await getTableCounts(store.db);
    const failure = await s.demo.load().then(() => null, (e: unknown) => e);
    expect(isConflictError(failure)).toBe(true);
    expect((failure as Error).message).toContain('Our Real Plan 2025–2029');
    expect(await getTableCounts(store.db)).toEqual(before);
    expect(await s.demo.isLoaded()).toBe(false);
  });
});

describe('two processes loading the demo at once', () => {
  it('loads it once: the second waits, then finds it there', async () => {
    const [first, second] = await twoStores();
    try {
      const [a, b] = await Promise.all([demoService(first).load(), demoService(second).load()]);
      expect([a.loaded, b.loaded].sort()).toEqual([false, true]);
      expect(b.plan.id).toBe(a.plan.id);
      const counts = await getTableCounts(first.db);
      expect(counts.plans).toBe(1);
      expect(counts.users).toBe(DEMO_CONTENT.users.length);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
