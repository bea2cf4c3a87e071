// Which links to suggest for new entries: each is compared with the entries of earlier periods and
// with the commitments made before it, through one inverted index per period asked about. Pure.
import { periodFromKey } from '../../domain/period.js';
import { addToLinkIndex, emptyLinkIndex, featureCache, suggestLinks, type LinkDoc, type LinkSuggestion } from './match.js';

export interface LinkableEntry {
  id: string;
  title: string;
  body: string;
  periodKey: string | null;
  places: string[];
  partners: string[];
  amounts: string[];
}

export interface LinkableCommitment { id: string; text: string; periodKey: string | null }

export interface PlannedLink extends LinkSuggestion { entryId: string }

const startOf = (key: string | null): string | null => (key ? periodFromKey(key)?.start ?? null : null);
const endOf = (key: string | null): string | null => (key ? periodFromKey(key)?.end ?? null : null);

const entryDoc = (e: LinkableEntry): LinkDoc => ({ id: e.id, kind: 'entry', title: e.title, body: e.body, places: e.places, partners: e.partners, amounts: e.amounts });
const commitmentDoc = (c: LinkableCommitment): LinkDoc => ({ id: c.id, kind: 'commitment', title: '', body: c.text });

/**
 * Suggestions for each new entry among what came before it: entries of periods that ended before its
 * period began, and commitments stated in such periods (or entered without an entry). An entry with
 * no period is compared with every entry that has one. `known` maps an entry to the targets already
 * recorded for it (suggested, accepted or rejected), which are not suggested again (and do not make
 * room for weaker ones).
 *
 * The new entries are taken period by period, earliest first, against one index that grows as the
 * periods go by (what ended before a period began also ended before any later one began), so a batch
 * of many years' reports reads each earlier entry once, not once per later year. A period's own
 * entries never qualify for it: a period ends after it begins.
 */
export function planSuggestions(
  newEntries: LinkableEntry[], pool: LinkableEntry[], commitments: LinkableCommitment[],
  options: { threshold?: number; limit?: number; known?: Map<string, Set<string>> } = {},
): { links: PlannedLink[]; compared: number } {
  const byPeriod = new Map<string, LinkableEntry[]>();
  for (const e of newEntries) {
    const key = startOf(e.periodKey) ?? '';
    const group = byPeriod.get(key);
    if (group) group.push(e);
    else byPeriod.set(key, [e]);
  }
  // Each period's last day worked out once, not once per entry.
  const ends = new Map<string | null, string | null>();
  const endOfKey = (key: string | null) => {
    if (!ends.has(key)) ends.set(key, endOf(key));
    return ends.get(key)!;
  };
  // Everything that can come before a period, by the day its period ends; commitments entered
  // without an entry come before every period. (An entry without a period comes before none.)
  const earlier: { end: string; doc: LinkDoc }[] = [];
  const always: LinkDoc[] = [];
  for (const e of pool) {
    const end = endOfKey(e.periodKey);
    if (end !== null) earlier.push({ end, doc: entryDoc(e) });
  }
  for (const c of commitments) {
    if (c.periodKey === null) always.push(commitmentDoc(c));
    else {
      const end = endOfKey(c.periodKey);
      if (end !== null) earlier.push({ end, doc: commitmentDoc(c) });
    }
  }
  earlier.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
  // The periods earliest first; entries without a period last, against everything that has one.
  const starts = [...byPeriod.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0));
  const featuresOf = featureCache();
  const index = emptyLinkIndex();
  addToLinkIndex(index, always, featuresOf);
  let added = 0;
  const found = new Map<string, PlannedLink[]>();
  let compared = 0;
  for (const start of starts) {
    const from = added;
    while (added < earlier.length && (start === '' || earlier[added].end < start)) added++;
    addToLinkIndex(index, earlier.slice(from, added).map((x) => x.doc), featuresOf);
    compared = Math.max(compared, index.docs.length);
    const links: PlannedLink[] = [];
    for (const e of byPeriod.get(start)!) {
      // The best few, of which those already recorded are left out: asking again does not reach further down the list.
      const known = options.known?.get(e.id);
      for (const s of suggestLinks(index, entryDoc(e), { threshold: options.threshold, limit: options.limit, featuresOf })) if (!known?.has(s.targetId)) links.push({ ...s, entryId: e.id });
    }
    found.set(start, links);
  }
  // In the order the new entries came.
  return { links: [...byPeriod.keys()].flatMap((start) => found.get(start)!), compared };
}
