// Links across years: suggesting, for new entries, the earlier entries and commitments about the
// same scheme (with a score and the reason), a person accepting or rejecting each, and the schemes
// accepted links gather into, each with its timeline. An accepted link to a commitment is recorded
// as evidence that the commitment was delivered, so the commitments register shows it.
import { randomUUID } from 'node:crypto';
import { parsePeriod, slugify } from '../domain/index.js';
import { NotFoundError, UserError, ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import type { Db } from '../store/db.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { addEvidence } from '../store/queries/commitmentEditing.js';
import {
  decideLink, findScheme, insertScheme, insertSuggestions, listLinkableCommitments, listLinkableEntries, listLinkPairs, listLinks,
  listSchemeCommitments, listSchemeEntries, listSchemes, listSchemeSlugs, schemeOfEntry,
  type LinkableEntryRow, type LinkListRow, type SchemeSummaryRow, type TimelineCommitmentRow, type TimelineEntryRow,
} from '../store/queries/entryLinks.js';
import { DEFAULT_LINK_THRESHOLD } from './links/match.js';
import { planSuggestions } from './links/plan-suggestions.js';
import { authorize, type Actor } from './policy.js';

export type LinkView = LinkListRow;

export interface SuggestTarget {
  /** One entry; or every entry of a period; or every entry imported from a document. */
  entryId?: string;
  periodKey?: string;
  documentId?: string;
}

export interface SuggestResult { entries: number; compared: number; added: number; suggestions: LinkView[] }

export interface SchemeTimeline {
  scheme: { id: string; slug: string; name: string };
  entries: TimelineEntryRow[];
  commitments: TimelineCommitmentRow[];
}

export const LINK_STATES = ['suggested', 'accepted', 'rejected'] as const;

/** A slug no other scheme has: "melton-distributor-road", then "-2", "-3" … */
async function freeSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(await listSchemeSlugs(db, base));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** A name for a new scheme: the earlier entry's title when it has a short one, else the first name both share. */
export function schemeNameFor(link: Pick<LinkListRow, 'targetTitle' | 'entryTitle' | 'sharedNames'>): string {
  const title = link.targetTitle.trim();
  if (title && title.length <= 80 && !/[.!?]$/.test(title)) return title;
  const shared = [...link.sharedNames].sort((a, b) => b.length - a.length)[0];
  if (shared) return shared.replace(/\b[a-z]/g, (c) => c.toUpperCase());
  const words = (link.entryTitle || title).split(/\s+/).slice(0, 8).join(' ');
  return words.replace(/[.,;:]$/, '') || 'Untitled scheme';
}

/** What the link methods share: the database, finding a link, choosing a scheme. */
function linkContext(db: Db) {
  /** A link by its id, or by the first characters of it (eight are shown in lists), when only one link starts so. */
  async function mustGetLink(id: string, tx: Db = db): Promise<LinkListRow> {
    const found = id.length >= 36 ? await listLinks(tx, { id }) : id.length >= 6 ? await listLinks(tx, { idPrefix: id }) : [];
    if (found.length > 1) throw new UserError(`More than one link starts with ${id}: give more of its id.`);
    if (!found.length) throw new UserError(`There is no link ${id}: it may have been removed with an entry that was deleted (see links list).`);
    return found[0];
  }

  async function schemeFor(tx: Db, link: LinkListRow, name: string | undefined): Promise<string> {
    if (name?.trim()) {
      const found = await findScheme(tx, { slug: slugify(name) });
      if (found) return found.id;
    } else {
      const existing = (link.earlierEntryId ? await schemeOfEntry(tx, link.earlierEntryId) : null) ?? (await schemeOfEntry(tx, link.entryId));
      if (existing) return existing;
    }
    const scheme = { id: randomUUID(), name: name?.trim() || schemeNameFor(link), slug: '' };
    scheme.slug = await freeSlug(tx, scheme.name);
    await insertScheme(tx, scheme);
    return scheme.id;
  }
  return { db, mustGetLink, schemeFor };
}

type LinkContext = ReturnType<typeof linkContext>;

/** Suggesting links and reading them. */
function linkSuggestions({ db, mustGetLink }: LinkContext) {
  async function suggestFor(target: SuggestTarget, options: { threshold?: number; limit?: number }): Promise<SuggestResult> {
    if (!target.entryId && !target.periodKey && !target.documentId) throw new UserError('Say which entries to suggest links for: an entry, a period or an imported document.');
    const threshold = options.threshold ?? DEFAULT_LINK_THRESHOLD;
    if (!(threshold > 0 && threshold < 1)) throw new ValidationError('The threshold is not valid', [{ field: 'threshold', message: 'Give a threshold between 0 and 1, such as 0.15' }]);
    const period = target.periodKey ? parsePeriod(target.periodKey) : undefined;
    if (period && !period.ok) throw new ValidationError(`The period "${target.periodKey}" is not valid`, [{ field: 'period', message: period.error }]);
    const periodKey = period?.ok ? period.period.key : undefined;
    // Every entry is read once, in one query: the new ones are among them.
    const pool = await listLinkableEntries(db);
    const fresh = pool.filter((e) => (target.entryId ? e.id === target.entryId : true)
      && (periodKey ? e.periodKey === periodKey : true) && (target.documentId ? e.documentId === target.documentId : true));
    if (target.entryId && !fresh.length) throw new UserError(`There is no entry ${target.entryId} (it may have been deleted), so no links were suggested.`);
    if (!fresh.length) throw new UserError(`There are no entries ${periodKey ? `for ${periodKey}` : 'from that document'}, so there is nothing to suggest links for.`);
    const { compared, added } = await suggestAmong(fresh, pool, threshold, options.limit);
    const suggestions = await listLinks(db, { state: 'suggested', laterEntryIds: fresh.map((e) => e.id) });
    return { entries: fresh.length, compared, added, suggestions };
  }

  /** Plans and records the suggestions for the fresh entries (taken from the pool of every entry); returns how many were new. */
  async function suggestAmong(fresh: LinkableEntryRow[], pool: LinkableEntryRow[], threshold: number, limit?: number): Promise<{ compared: number; added: number }> {
    const [commitments, known] = [await listLinkableCommitments(db), await listLinkPairs(db, fresh.map((e) => e.id))];
    const { links: planned, compared } = planSuggestions(fresh, pool, commitments, { threshold, limit, known });
    const added = await db.transaction((tx) => insertSuggestions(tx, planned.map((p) => ({
      id: randomUUID(), entryId: p.entryId, earlierEntryId: p.kind === 'entry' ? p.targetId : null, commitmentId: p.kind === 'commitment' ? p.targetId : null,
      score: p.score, reason: p.reason, sharedNames: p.sharedNames, state: 'suggested',
    }))));
    return { compared, added };
  }

  return {
    /**
     * Suggests links for new entries (one, a period's or a document's) among earlier entries and
     * commitments, and records those not seen before as suggestions for a person to decide.
     */
    async suggest(actor: Actor, target: SuggestTarget, options: { threshold?: number; limit?: number } = {}): Promise<SuggestResult> {
      authorize(actor, 'commitment.update');
      return suggestFor(target, options);
    },

    /**
     * After an import (which was itself authorised): suggestions for each imported document's
     * entries, waiting in the workspace for a person. Returns how many were new.
     */
    async suggestAfterImport(documentIds: string[]): Promise<number> {
      if (!documentIds.length) return 0;
      // All the documents' entries at once, against one reading of every entry: the same suggestions
      // as asking document by document (an entry is compared with earlier periods only, and what is
      // known is per entry), without reading every entry again for each document of a batch.
      const wanted = new Set(documentIds);
      const pool = await listLinkableEntries(db);
      const fresh = pool.filter((e) => e.documentId !== null && wanted.has(e.documentId));
      return fresh.length ? (await suggestAmong(fresh, pool, DEFAULT_LINK_THRESHOLD)).added : 0;
    },

    /** Links by state (suggested first when not given), for one entry or all. */
    async list(actor: Actor, filter: { state?: string; entryId?: string } = {}): Promise<LinkView[]> {
      authorize(actor, 'drafts.read');
      if (filter.state && !(LINK_STATES as readonly string[]).includes(filter.state)) {
        throw new ValidationError('The state is not valid', [{ field: 'state', message: `Choose one of: ${LINK_STATES.join(', ')}` }]);
      }
      return listLinks(db, filter);
    },

    get: async (actor: Actor, id: string): Promise<LinkView> => { authorize(actor, 'drafts.read'); return mustGetLink(id); },
  };
}

/** A person's decisions: accepting, rejecting, linking by hand. */
function linkDecisions({ db, mustGetLink, schemeFor }: LinkContext) {
  const decisions = {

    /**
     * Accepts a suggested (or rejected) link into a scheme: the one named, else the scheme either entry
     * already belongs to, else a new one named after the earlier entry. A link to a commitment also
     * records the later entry as evidence of its delivery.
     */
    async accept(actor: Actor, id: string, options: { scheme?: string } = {}): Promise<LinkView> {
      authorize(actor, 'commitment.update');
      await db.transaction(async (tx) => {
        const link = await mustGetLink(id, tx);
        const schemeId = await schemeFor(tx, link, options.scheme);
        await decideLink(tx, link.id, { state: 'accepted', schemeId, decidedBy: actor.id });
        if (link.commitmentId) await addEvidence(tx, link.commitmentId, link.entryId);
        await appendAuditEvent(tx, {
          userId: actor.id, action: 'update', entityType: 'entry_link', entityId: link.id,
          before: { state: link.state }, after: { state: 'accepted', schemeId, entry: link.entryTitle, linkedTo: link.targetTitle },
        });
      });
      return mustGetLink(id);
    },

    /** Rejects a link: it is not suggested again, and leaves its scheme. */
    async reject(actor: Actor, id: string): Promise<LinkView> {
      authorize(actor, 'commitment.update');
      await db.transaction(async (tx) => {
        const link = await mustGetLink(id, tx);
        await decideLink(tx, link.id, { state: 'rejected', schemeId: null, decidedBy: actor.id });
        await appendAuditEvent(tx, { userId: actor.id, action: 'update', entityType: 'entry_link', entityId: link.id, before: { state: link.state }, after: { state: 'rejected' } });
      });
      return mustGetLink(id);
    },

    /**
     * Links two entries (or an entry and a commitment) by hand and accepts the link at once. An id
     * that names nothing (an entry since deleted) is refused in one sentence and nothing is written.
     */
    async link(actor: Actor, entryId: string, targetId: string, options: { scheme?: string } = {}): Promise<LinkView> {
      authorize(actor, 'commitment.update');
      const [entry] = await listLinkableEntries(db, { ids: [entryId] });
      if (!entry) throw new UserError(`There is no entry ${entryId} (it may have been deleted), so no link was written.`);
      const [earlier] = await listLinkableEntries(db, { ids: [targetId] });
      const commitment = earlier ? undefined : (await listLinkableCommitments(db)).find((c) => c.id === targetId);
      if (!earlier && !commitment) throw new UserError(`There is no entry or commitment ${targetId} (it may have been deleted), so no link was written.`);
      if (targetId === entryId) throw new UserError('An entry cannot be linked to itself.');
      const id = randomUUID();
      await db.transaction((tx) => insertSuggestions(tx, [{
        id, entryId, earlierEntryId: earlier ? targetId : null, commitmentId: commitment ? targetId : null,
        score: 1, reason: 'Linked by hand', sharedNames: [], state: 'suggested',
      }]));
      const [existing] = (await listLinks(db, { entryId })).filter((l) => (l.earlierEntryId ?? l.commitmentId) === targetId);
      return decisions.accept(actor, existing?.id ?? id, options);
    },
  };
  return decisions;
}

/** Schemes and their timelines. */
function schemeReads({ db }: LinkContext) {
  return {

    /** Every scheme, with how many entries and which periods its timeline spans. */
    schemes: (): Promise<SchemeSummaryRow[]> => listSchemes(db),

    /** A scheme's timeline: its linked entries oldest first (published ones only for the public site). */
    async timeline(slug: string, options: { publishedOnly?: boolean } = {}): Promise<SchemeTimeline> {
      const scheme = await findScheme(db, { slug });
      if (!scheme) throw new NotFoundError('Scheme', slug);
      return {
        scheme: { id: scheme.id, slug: scheme.slug, name: scheme.name },
        entries: await listSchemeEntries(db, scheme.id, options.publishedOnly ?? false),
        commitments: await listSchemeCommitments(db, scheme.id, options.publishedOnly ?? false),
      };
    },
  };
}

export function linkService(store: Store) {
  const context = linkContext(store.db);
  return { ...linkSuggestions(context), ...linkDecisions(context), ...schemeReads(context) };
}

export type LinkService = ReturnType<typeof linkService>;
