// Which links to suggest for new entries: each is compared with the entries of earlier periods and
// with the commitments made before it, through one inverted index per period asked about. Pure.
import { periodFromKey } from '../../domain/period.js';
import { buildLinkIndex, suggestLinks, type LinkDoc, type LinkSuggestion } from './match.js';

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
  // Each period's last day worked out once, not once per entry and group.
  const ends = new Map<string | null, string | null>();
  const endOfKey = (key: string | null) => {
    if (!ends.has(key)) ends.set(key, endOf(key));
    return ends.get(key)!;
  };
  const planned: PlannedLink[] = [];
  let compared = 0;
  for (const [start, group] of byPeriod) {
    const ids = new Set(group.map((e) => e.id));
    const before = (key: string | null) => {
      const end = endOfKey(key);
      return start ? end !== null && end < start : end !== null;
    };
    const docs = [
      ...pool.filter((e) => !ids.has(e.id) && before(e.periodKey)).map(entryDoc),
      ...commitments.filter((c) => c.periodKey === null || before(c.periodKey)).map(commitmentDoc),
    ];
    const index = buildLinkIndex(docs);
    compared = Math.max(compared, docs.length);
    for (const e of group) {
      // The best few, of which those already recorded are left out: asking again does not reach further down the list.
      const known = options.known?.get(e.id);
      for (const s of suggestLinks(index, entryDoc(e), { threshold: options.threshold, limit: options.limit })) if (!known?.has(s.targetId)) planned.push({ ...s, entryId: e.id });
    }
  }
  return { links: planned, compared };
}
