// Turns the demo content into database rows: resolves slugs, place names and entry keys to ids,
// finds each fact's words in its entry's body, and generates the peer group's invented values.
// Pure apart from the ids it is given a way to make, so every mistake in the content shows up here.
import { slugify } from '../../domain/index.js';
import type { tables } from '../../store/index.js';
import { peerSeries } from './peers.js';
import type { DemoContent, DemoPlace, DemoUserKey } from './schema.js';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface DemoRows {
  areas: Insert<typeof tables.areas>[];
  users: Insert<typeof tables.users>[];
  plan: Insert<typeof tables.plans>;
  outcomes: Insert<typeof tables.outcomes>[];
  themes: Insert<typeof tables.themes>[];
  entries: Insert<typeof tables.entries>[];
  entryPlaces: Insert<typeof tables.entryPlaces>[];
  facts: Insert<typeof tables.facts>[];
  commitments: Insert<typeof tables.commitments>[];
  commitmentEvidence: Insert<typeof tables.commitmentEvidence>[];
  indicators: Insert<typeof tables.indicators>[];
  targets: Insert<typeof tables.targets>[];
  observations: Insert<typeof tables.observations>[];
  group: Insert<typeof tables.comparatorGroups>;
  groupMembers: Insert<typeof tables.comparatorGroupMembers>[];
  financialFigures: Insert<typeof tables.financialFigures>[];
  reportingDuties: Insert<typeof tables.reportingDuties>[];
  settings: Record<string, unknown>;
}

export interface BuildOptions {
  newId: () => string;
  /** Password hash for each demo user, by key. */
  passwordHashes: Record<DemoUserKey, string>;
}

/** Raised when the demo content contradicts itself (a fact not in its body, an unknown slug). */
export class DemoContentError extends Error {
  override readonly name = 'DemoContentError';
}

const at = (day: string, time = '10:00:00') => `${day}T${time}Z`;

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new DemoContentError(`demo content: ${what}`);
  return value;
}

/** Start offset of the nth occurrence of `text` in `body`, or -1. */
function nthIndexOf(body: string, text: string, n: number): number {
  let from = 0;
  for (let i = 1; ; i++) {
    const found = body.indexOf(text, from);
    if (found < 0 || i === n) return found;
    from = found + 1;
  }
}

/** Ids and lookups every part of the demo shares; each lookup names what it could not find. */
interface Refs {
  newId: () => string;
  planId: string;
  councilCode: string;
  userId: (key: DemoUserKey) => string;
  outcomeId: (slug: string) => string;
  themeId: (outcome: string, theme: string) => string;
}

/** The plan's outcomes and themes, and lookups of their ids by slug. */
function structureRows(content: DemoContent, newId: () => string, planId: string, userId: Refs['userId']) {
  const outcomes: DemoRows['outcomes'] = [];
  const themes: DemoRows['themes'] = [];
  const outcomeIds = new Map<string, string>();
  const themeIds = new Map<string, string>();
  content.plan.outcomes.forEach((o, i) => {
    const id = newId();
    const slug = slugify(o.title);
    outcomeIds.set(slug, id);
    outcomes.push({ id, planId, slug, title: o.title, summary: o.summary, position: i + 1, ownerId: userId(o.owner) });
    o.themes.forEach((t, j) => {
      const themeId = newId();
      const themeSlug = slugify(t.title);
      themeIds.set(`${slug}/${themeSlug}`, themeId);
      themes.push({ id: themeId, outcomeId: id, slug: themeSlug, title: t.title, summary: t.summary, position: j + 1 });
    });
  });
  const outcomeId = (slug: string) => need(outcomeIds.get(slug), `no outcome with slug "${slug}"`);
  const themeId = (outcome: string, theme: string) => need(themeIds.get(`${outcome}/${theme}`), `no theme "${theme}" in outcome "${outcome}"`);

  return { outcomes, themes, outcomeId, themeId };
}

/** The delivery entries with their places, facts, commitments and the entries that show those kept. */
function entryRows(content: DemoContent, refs: Refs) {
  const { newId, planId, userId, outcomeId, themeId } = refs;
  const areaByName = new Map(content.areas.map((a) => [a.shortName, a]));
  const entryIds = new Map<string, string>();
  for (const e of content.entries) {
    if (entryIds.has(e.key)) throw new DemoContentError(`demo content: two entries have the key "${e.key}"`);
    entryIds.set(e.key, newId());
  }
  const entryId = (key: string) => need(entryIds.get(key), `no entry with key "${key}"`);

  const place = (p: DemoPlace) => {
    const name = typeof p === 'string' ? p : p.name;
    const area = need(areaByName.get(typeof p === 'string' ? p : p.in), `no demo area called "${typeof p === 'string' ? p : p.in}"`);
    return { name, areaCode: area.code };
  };

  const entries: DemoRows['entries'] = [];
  const entryPlaces: DemoRows['entryPlaces'] = [];
  const facts: DemoRows['facts'] = [];
  const commitments: DemoRows['commitments'] = [];
  const commitmentEvidence: DemoRows['commitmentEvidence'] = [];
  // Entries are numbered in date order, whatever order the content files list them in.
  const positions = new Map<string, number>();
  const byDate = [...content.entries].sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
  for (const [i, e] of byDate.entries()) positions.set(e.key, i + 1);
  for (const e of content.entries) {
    const id = entryId(e.key);
    const position = positions.get(e.key)!;
    const author = userId(e.author);
    const published = e.workflowState === 'published';
    entries.push({
      id, planId, outcomeId: outcomeId(e.outcome), themeId: themeId(e.outcome, e.theme), kind: e.kind, title: e.title, body: e.body,
      date: e.date, periodKey: e.periodKey, service: e.service, partners: e.partners, status: e.status, workflowState: e.workflowState,
      sourceSection: null, position, documentId: null, sourceStart: null, sourceEnd: null, reviewComment: e.reviewComment ?? null,
      createdBy: author, createdAt: at(e.date), updatedBy: published ? userId('officer') : author, updatedAt: at(e.date, published ? '15:30:00' : '10:00:00'),
      publishedAt: published ? at(e.date, '15:30:00') : null,
    });
    const seen = new Set<string>();
    for (const p of e.places.map(place)) {
      if (seen.has(p.name)) throw new DemoContentError(`demo content: entry "${e.key}" names the place "${p.name}" twice`);
      seen.add(p.name);
      entryPlaces.push({ entryId: id, ...p });
    }
    for (const f of e.facts) {
      const start = nthIndexOf(e.body, f.text, f.occurrence ?? 1);
      if (start < 0) throw new DemoContentError(`demo content: entry "${e.key}" has a fact "${f.text}" that is not in its body`);
      facts.push({
        id: newId(), entryId: id, kind: f.kind, value: f.value, valueMax: f.valueMax ?? null, unit: f.unit, text: f.text,
        start, end: start + f.text.length, approximate: f.approximate ?? false, dateStart: f.dateStart ?? null, dateEnd: f.dateEnd ?? null,
      });
    }
    for (const c of e.commitments ?? []) {
      if (c.dueEnd < c.dueStart) throw new DemoContentError(`demo content: commitment "${c.key}" is due to end before it starts`);
      const commitmentId = newId();
      commitments.push({
        id: commitmentId, planId, outcomeId: outcomeId(e.outcome), entryId: id, text: c.text, dueText: c.dueText, dueStart: c.dueStart, dueEnd: c.dueEnd,
        status: c.status, workflowState: c.workflowState ?? e.workflowState, documentId: null, sourceStart: null, sourceEnd: null,
        createdAt: at(e.date), updatedAt: at(e.date),
      });
      for (const evidence of c.evidence ?? []) commitmentEvidence.push({ commitmentId, entryId: entryId(evidence) });
    }
  }

  return { entries, entryPlaces, facts, commitments, commitmentEvidence };
}

/** The indicators, Demoshire's targets and values, and the invented values of its peer group. */
function indicatorRows(content: DemoContent, refs: Refs) {
  const { newId, councilCode, userId, outcomeId, themeId } = refs;
  const indicatorIds = new Map<string, string>();
  const indicators: DemoRows['indicators'] = [];
  const targets: DemoRows['targets'] = [];
  const observations: DemoRows['observations'] = [];
  const periods = content.indicatorPeriods;
  for (const ind of content.indicators) {
    const id = newId();
    indicatorIds.set(ind.code, id);
    indicators.push({
      id, code: ind.code, title: ind.title, unit: ind.unit, decimalPlaces: ind.decimalPlaces, polarity: ind.polarity, frequency: ind.frequency,
      outcomeId: ind.outcome === null ? null : outcomeId(ind.outcome), themeId: ind.outcome === null || ind.theme === null ? null : themeId(ind.outcome, ind.theme),
      source: ind.source, definition: ind.definition, changeTolerance: ind.changeTolerance, ownerId: userId(ind.owner),
    });
    for (const t of ind.targets) targets.push({ id: newId(), indicatorId: id, areaCode: councilCode, periodKey: t.periodKey, value: t.value, tolerance: t.tolerance, toleranceKind: t.toleranceKind });
    for (const periodKey of periods) {
      if (!(periodKey in ind.values)) throw new DemoContentError(`demo content: indicator ${ind.code} has no entry for ${periodKey}`);
      const unpublished = ind.unpublished?.find((u) => u.periodKey === periodKey);
      observations.push({
        indicatorId: id, areaCode: councilCode, periodKey, value: ind.values[periodKey],
        status: ind.provisional?.includes(periodKey) ? 'provisional' : 'final', note: ind.notes?.[periodKey] ?? null,
        workflowState: unpublished?.workflowState ?? 'published', updatedBy: userId(ind.owner),
      });
    }
    for (const peer of content.peerCodes) {
      for (const v of peerSeries(ind, peer, periods)) {
        observations.push({
          indicatorId: id, areaCode: peer, periodKey: v.periodKey, value: v.value,
          status: v.periodKey === periods.at(-1) ? 'provisional' : 'final', note: null, workflowState: 'published', updatedBy: null,
        });
      }
    }
  }

  return { indicators, targets, observations, indicatorIds };
}

export function buildDemoRows(content: DemoContent, options: BuildOptions): DemoRows {
  const { newId } = options;
  const councilCode = content.council.code;
  need(content.areas.find((a) => a.code === councilCode), `the council ${councilCode} is not among the areas`);

  const areas = content.areas.map((a) => ({
    code: a.code, name: a.name, shortName: a.shortName, type: a.type, parentCode: a.parentCode,
    region: 'East Midlands', nation: 'England', population: a.population, lat: null, lng: null, fictional: true, endDate: null,
  }));

  const userIds = new Map(content.users.map((u) => [u.key, newId()]));
  const userId = (key: DemoUserKey) => need(userIds.get(key), `no demo user "${key}"`);

  const planId = newId();
  const plan = { id: planId, title: content.plan.title, councilCode, startDate: content.plan.startDate, endDate: content.plan.endDate, createdAt: at(content.plan.startDate, '09:00:00') };

  const { outcomes, themes, outcomeId, themeId } = structureRows(content, newId, planId, userId);
  const refs: Refs = { newId, planId, councilCode, userId, outcomeId, themeId };

  const users = content.users.map((u) => ({
    id: userId(u.key), email: u.email, name: u.name, passwordHash: options.passwordHashes[u.key], role: u.role, active: true,
    services: u.services, outcomeIds: u.outcomes.map(outcomeId), createdAt: at(content.plan.startDate, '08:00:00'),
  }));

  const { entries, entryPlaces, facts, commitments, commitmentEvidence } = entryRows(content, refs);
  const { indicators, targets, observations, indicatorIds } = indicatorRows(content, refs);

  const groupId = newId();
  const group = { id: groupId, name: content.group.name, kind: 'custom', anchorAreaCode: null, description: content.group.description };
  const groupMembers = [councilCode, ...content.peerCodes].map((areaCode) => ({ groupId, areaCode }));

  const financialFigures = content.financialFigures.map((f, i) => ({
    id: newId(), planId, periodKey: f.periodKey, label: f.label,
    amount: f.unit === '%' ? f.amount : Math.round(f.amount * 100), unit: f.unit, note: f.note, position: i + 1,
  }));

  const reportingDuties = content.duties.map((d) => {
    const [subjectType, subjectId] = 'indicator' in d.subject
      ? ['indicator', need(indicatorIds.get(d.subject.indicator), `no indicator ${d.subject.indicator}`)]
      : ['outcome', outcomeId(d.subject.outcome)];
    return { id: newId(), subjectType, subjectId, periodKey: d.periodKey, ownerId: userId(d.owner), dueDate: d.dueDate, doneAt: d.doneAt };
  });

  const settings = {
    councilCode, councilName: content.council.name, brandColour: content.council.brandColour, logoUrl: null,
    currentPlanId: planId, defaultGroup: content.group.name, demo: true,
  };

  return {
    areas, users, plan, outcomes, themes, entries, entryPlaces, facts, commitments, commitmentEvidence,
    indicators, targets, observations, group, groupMembers, financialFigures, reportingDuties, settings,
  };
}
