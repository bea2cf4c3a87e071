// The public site's delivery: published entries, one entry, places, and the plan's commitments.
import { CommitmentStatus, commitmentStanding } from '../../domain/index.js';
import { NotFoundError } from '../../errors.js';
import type { Store } from '../../store/index.js';
import { getArea } from '../../store/queries/getArea.js';
import { getPublishedEntry, type PublicEntryDetail } from '../../store/queries/getPublishedEntry.js';
import { listPlaceDelivery } from '../../store/queries/listPlaceDelivery.js';
import { listPublishedCommitments, type PublicCommitmentRow } from '../../store/queries/listPublishedCommitments.js';
import { commitmentsForPeriod, inOrBefore, judgedOn } from '../../reports/model/period-scope.js';
import { periodLabel } from '../../present/format.js';
import { listPublishedEntries, type PublicEntryFilter } from '../../store/queries/listPublishedEntries.js';
import type { SitePlanService } from './current-plan.js';
import { PAGE_SIZE } from './paging.js';
import type { PlanService } from '../plans.js';

export function siteEntryService(deps: { store: Store; sitePlan: SitePlanService; plans: PlanService }) {
  const { db } = deps.store;
  const { requireStructure, structureFor } = deps.sitePlan;

  return {
    /** Published entries; a period's are those of the plan in force in it (an earlier plan's for an earlier year). */
    async entries(filter: Omit<PublicEntryFilter, 'planId'> = {}) {
      const { structure, period } = await structureFor(filter.periodKey);
      return listPublishedEntries(db, { ...filter, ...(period ? { periodKey: period.key } : {}), planId: structure.plan.id });
    },

    /** A published entry of any plan (an earlier plan's for an earlier year), with the plan and period it was reported for. */
    async entry(id: string, today = new Date().toISOString().slice(0, 10)): Promise<Omit<PublicEntryDetail, 'commitments'> & {
      plan: { id: string; title: string; slug: string; years: string; current: boolean }; period: { key: string; label: string } | null; commitments: EntryCommitment[];
    }> {
      await requireStructure();
      const entry = await getPublishedEntry(db, undefined, id);
      if (!entry) throw new NotFoundError('Entry', id);
      const plan = (await deps.plans.summaries()).find((p) => p.id === entry.planId)!;
      const stated = entry.commitments.length ? (await listPublishedCommitments(db, { planId: entry.planId })).filter((c) => c.entryId === id) : [];
      return {
        ...entry,
        commitments: entryCommitments(entry.commitments.map((c) => c.id), stated, entry.periodKey, today),
        plan: { id: plan.id, title: plan.title, slug: plan.slug, years: plan.years, current: plan.current },
        period: entry.periodKey ? { key: entry.periodKey, label: periodLabel(entry.periodKey) } : null,
      };
    },

    /** Delivery by place in a period (default: the latest with published delivery or values): the council's districts and every named place, with published entry counts. */
    async places(periodText?: string) {
      const scope = await deps.sitePlan.periodScope(periodText);
      const { plan } = scope.structure;
      const council = await getArea(db, plan.councilCode);
      return { council, scope, ...(await listPlaceDelivery(db, plan.id, plan.councilCode, scope.key)) };
    },

    /** One district (by area code) or one named place, with its published entries of a period (default as for places). */
    async place(where: { areaCode: string } | { name: string }, page = 1, periodText?: string) {
      const scope = await deps.sitePlan.periodScope(periodText);
      const { plan } = scope.structure;
      const filter = { planId: plan.id, periodKey: scope.key, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
      if ('areaCode' in where) {
        const area = await getArea(db, where.areaCode);
        if (!area || (area.parentCode !== plan.councilCode && area.code !== plan.councilCode)) throw new NotFoundError('Place', where.areaCode);
        const entries = await listPublishedEntries(db, { ...filter, areaCode: area.code });
        return { name: area.shortName, area, entries, page, scope };
      }
      const entries = await listPublishedEntries(db, { ...filter, placeName: where.name });
      // A place named in other years only is still a place: its page says nothing was published for this one.
      const anyYear = entries.total ? entries : await listPublishedEntries(db, { placeName: where.name, limit: 1 });
      if (anyYear.total === 0) throw new NotFoundError('Place', where.name);
      const name = anyYear.entries[0].places.find((p) => p.name.toLowerCase() === where.name.toLowerCase())?.name ?? where.name;
      return { name, area: undefined, entries, page, scope };
    },

    /**
     * The plan's commitments, late ones counted as of `onDay` (YYYY-MM-DD, today by default); or, for a
     * period, the commitments of the plan in force in it that were made in or before it, each with the
     * status it had on the period's last day.
     */
    async commitments(filter: { outcomeId?: string; status?: string; period?: string; onDay?: string } = {}) {
      const { structure, period, chosen } = await structureFor(filter.period);
      const listed = await listPublishedCommitments(db, { planId: structure.plan.id, outcomeId: filter.outcomeId });
      // A promise past its due date with nothing showing it kept is shown late from the day after.
      const onDay = filter.onDay ?? new Date().toISOString().slice(0, 10);
      const all = commitmentsAsOf(listed, { period, chosen }, onDay);
      const list = filter.status ? all.filter((c) => c.status === filter.status) : all;
      const counts: Record<string, number> = {};
      for (const c of all) counts[c.status] = (counts[c.status] ?? 0) + 1;
      return { plan: structure.plan, outcomes: structure.outcomes, commitments: list, counts, period: period ? { key: period.key, label: periodLabel(period.key), chosen } : undefined };
    },
  };
}

/** A promise stated in an entry: its status at the end of the entry's period, and as it stands today. */
export interface EntryCommitment {
  id: string;
  text: string;
  dueText: string | null;
  /** As it stood on the last day of the entry's period (undefined without a period). */
  statusThen?: string;
  /** As it stands today (late once past due with nothing to show it kept), and the day that status was published. */
  status: string;
  statusSetOn: string | null;
  statusNote: string | null;
}

/** The entry's promises (in the entry's order), each with its status then and now: never a later status as if it held then. */
function entryCommitments(ids: string[], stated: PublicCommitmentRow[], periodKey: string | null, today: string): EntryCommitment[] {
  const now = new Map(flagOverdue(stated, today).map((c) => [c.id, c]));
  const then = new Map(periodKey ? scopedToPeriod(stated, periodKey, today).map((c) => [c.id, c.status]) : []);
  return ids.flatMap((id) => {
    const c = now.get(id);
    return c ? [{ id, text: c.text, dueText: c.dueText, statusThen: then.get(id), status: c.status, statusSetOn: c.statusSetOn, statusNote: c.statusNote }] : [];
  });
}

/**
 * The commitments an output for a period shows: those made in or before it. For a period asked for,
 * each with the status it had on the period's last day; for the default period (the latest
 * published), as they stand on `today` (late once past due). Without a period (nothing published), all as they stand today.
 */
export function commitmentsAsOf(list: PublicCommitmentRow[], scope: { period?: { key: string }; chosen: boolean }, today: string): PublicCommitmentRow[] {
  if (!scope.period) return flagOverdue(list, today);
  const key = scope.period.key;
  return scope.chosen ? scopedToPeriod(list, key, today) : flagOverdue(list.filter((c) => inOrBefore(c.periodKey, key)), today);
}

/** The commitments made in or before the period, with the status each had on its last day (evidence as published). */
function scopedToPeriod(list: PublicCommitmentRow[], periodKey: string, today: string): PublicCommitmentRow[] {
  const known = list.map((c) => ({ ...c, status: (CommitmentStatus.safeParse(c.status).success ? c.status : 'unknown') as CommitmentStatus }));
  const evidence = new Map(list.map((c) => [c.id, c.evidence.length]));
  // A status (and its note) published after the period's last day was not known then.
  const day = judgedOn(periodKey, today);
  return commitmentsForPeriod(known, periodKey, today, evidence).map((c) => (c.statusSetOn && c.statusSetOn > day ? { ...c, statusNote: null, statusSetOn: null } : c));
}

/** Open promises past their due date, with no published entry showing them kept, are late on `today`. */
export function flagOverdue<C extends { status: string; dueStart: string | null; dueEnd: string | null; evidence: unknown[] }>(list: C[], today: string): C[] {
  return list.map((c) => {
    const status = CommitmentStatus.safeParse(c.status);
    if (!status.success || status.data !== 'open') return c;
    return commitmentStanding({ status: status.data, dueStart: c.dueStart, dueEnd: c.dueEnd, statusSetOn: null, evidence: c.evidence.length }, today).overdue ? { ...c, status: 'late' } : c;
  });
}

export type SiteEntryService = ReturnType<typeof siteEntryService>;
