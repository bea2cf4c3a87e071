// The public site's delivery: published entries, one entry, places, and the plan's commitments.
import { CommitmentStatus, commitmentStanding } from '../../domain/index.js';
import { NotFoundError } from '../../errors.js';
import type { Store } from '../../store/index.js';
import { getArea } from '../../store/queries/getArea.js';
import { getPublishedEntry, type PublicEntryDetail } from '../../store/queries/getPublishedEntry.js';
import { listPlaceDelivery } from '../../store/queries/listPlaceDelivery.js';
import { listPublishedCommitments, type PublicCommitmentRow } from '../../store/queries/listPublishedCommitments.js';
import { commitmentsForPeriod, judgedOn } from '../../reports/model/period-scope.js';
import { periodLabel } from '../../present/format.js';
import { listPublishedEntries, type PublicEntryFilter } from '../../store/queries/listPublishedEntries.js';
import type { SitePlanService } from './current-plan.js';
import { PAGE_SIZE } from './paging.js';

export function siteEntryService(deps: { store: Store; sitePlan: SitePlanService }) {
  const { db } = deps.store;
  const { requireStructure, structureFor } = deps.sitePlan;

  return {
    /** Published entries; a period's are those of the plan in force in it (an earlier plan's for an earlier year). */
    async entries(filter: Omit<PublicEntryFilter, 'planId'> = {}) {
      const { structure, period } = await structureFor(filter.periodKey);
      return listPublishedEntries(db, { ...filter, ...(period ? { periodKey: period.key } : {}), planId: structure.plan.id });
    },

    async entry(id: string): Promise<PublicEntryDetail> {
      const structure = await requireStructure();
      const entry = await getPublishedEntry(db, structure.plan.id, id);
      if (!entry) throw new NotFoundError('Entry', id);
      return entry;
    },

    /** Delivery by place: the council's districts and every named place, with published entry counts. */
    async places() {
      const structure = await requireStructure();
      const council = await getArea(db, structure.plan.councilCode);
      return { council, ...(await listPlaceDelivery(db, structure.plan.id, structure.plan.councilCode)) };
    },

    /** One district (by area code) or one named place, with its published entries. */
    async place(where: { areaCode: string } | { name: string }, page = 1) {
      const structure = await requireStructure();
      const paging = { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
      if ('areaCode' in where) {
        const area = await getArea(db, where.areaCode);
        if (!area || (area.parentCode !== structure.plan.councilCode && area.code !== structure.plan.councilCode)) throw new NotFoundError('Place', where.areaCode);
        const entries = await listPublishedEntries(db, { planId: structure.plan.id, areaCode: area.code, ...paging });
        return { name: area.shortName, area, entries, page };
      }
      const entries = await listPublishedEntries(db, { planId: structure.plan.id, placeName: where.name, ...paging });
      if (entries.total === 0) throw new NotFoundError('Place', where.name);
      const name = entries.entries[0].places.find((p) => p.name.toLowerCase() === where.name.toLowerCase())?.name ?? where.name;
      return { name, area: undefined, entries, page };
    },

    /**
     * The plan's commitments, late ones counted as of `onDay` (YYYY-MM-DD, today by default); or, for a
     * period, the commitments of the plan in force in it that were made in or before it, each with the
     * status it had on the period's last day.
     */
    async commitments(filter: { outcomeId?: string; status?: string; period?: string; onDay?: string } = {}) {
      const { structure, period } = await structureFor(filter.period);
      const listed = await listPublishedCommitments(db, { planId: structure.plan.id, outcomeId: filter.outcomeId });
      // A promise past its due date with nothing showing it kept is shown late from the day after.
      const onDay = filter.onDay ?? new Date().toISOString().slice(0, 10);
      const all = period ? scopedToPeriod(listed, period.key, onDay) : flagOverdue(listed, onDay);
      const list = filter.status ? all.filter((c) => c.status === filter.status) : all;
      const counts: Record<string, number> = {};
      for (const c of all) counts[c.status] = (counts[c.status] ?? 0) + 1;
      return { plan: structure.plan, outcomes: structure.outcomes, commitments: list, counts, period: period ? { key: period.key, label: periodLabel(period.key) } : undefined };
    },
  };
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
