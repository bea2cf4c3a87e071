// Keeping accepted links when a report is replaced: each link's side that belonged to the earlier
// report is moved to the new report's entry (or commitment) about the same thing, found by the links
// matcher; a side with no close enough match cannot be kept. Pure.
import type { LinkOfReplacedReport } from '../../store/queries/documentsForPeriod.js';
import { buildLinkIndex, suggestLinks, type LinkDoc } from './match.js';

/**
 * How close a new entry must be to the one it replaces to take over its links: higher than a
 * suggestion across years needs, since a revised report says the same thing about the same scheme.
 */
export const REATTACH_THRESHOLD = 0.35;

export interface ReattachedLink {
  /** The link it continues. */
  from: string;
  entryId: string;
  earlierEntryId: string | null;
  commitmentId: string | null;
  /** How close each moved side's new entry or commitment is to the old one (the lowest when both moved). */
  match: number;
}

export interface Reattachment {
  kept: ReattachedLink[];
  /** The links that could not be kept, with the side that found no match. */
  lost: { id: string; side: string }[];
}

/** Moves each link's replaced sides to the new report's closest entries and commitments. */
export function reattachLinks(
  links: LinkOfReplacedReport[],
  fresh: { entries: { id: string; title: string; body: string }[]; commitments: { id: string; text: string }[] },
  threshold = REATTACH_THRESHOLD,
): Reattachment {
  const entries = buildLinkIndex(fresh.entries.map((e): LinkDoc => ({ id: e.id, kind: 'entry', title: e.title, body: e.body })));
  const commitments = buildLinkIndex(fresh.commitments.map((c): LinkDoc => ({ id: c.id, kind: 'commitment', title: '', body: c.text })));
  const best = new Map<string, { id: string; score: number } | null>();
  const matchOf = (side: LinkOfReplacedReport['replaced'][number]) => {
    if (!best.has(side.id)) {
      const [top] = suggestLinks(side.kind === 'entry' ? entries : commitments, { id: side.id, kind: side.kind, title: side.title, body: side.body }, { threshold, limit: 1 });
      best.set(side.id, top ? { id: top.targetId, score: top.score } : null);
    }
    return best.get(side.id)!;
  };
  const kept: ReattachedLink[] = [];
  const lost: Reattachment['lost'] = [];
  const pairs = new Set<string>();
  for (const link of links) {
    const moved = { entryId: link.entryId, earlierEntryId: link.earlierEntryId, commitmentId: link.commitmentId };
    let match = 1;
    let missing: string | undefined;
    for (const side of link.replaced) {
      const m = matchOf(side);
      if (!m) {
        missing = side.id;
        break;
      }
      match = Math.min(match, m.score);
      if (side.kind === 'commitment') moved.commitmentId = m.id;
      else if (side.id === link.entryId) moved.entryId = m.id;
      else moved.earlierEntryId = m.id;
    }
    const pair = `${moved.entryId}|${moved.earlierEntryId ?? ''}|${moved.commitmentId ?? ''}`;
    // Two old links landing on one new pair, or an entry linked to itself, keep one link or none.
    if (missing || moved.entryId === moved.earlierEntryId || pairs.has(pair)) {
      lost.push({ id: link.id, side: missing ?? link.replaced[0].id });
      continue;
    }
    pairs.add(pair);
    kept.push({ from: link.id, ...moved, match });
  }
  return { kept, lost };
}

/** The one sentence an import says about the links of the reports it replaced (undefined when there were none). */
export function reattachSentence(r: Reattachment): string | undefined {
  return keptLinksSentence(r.kept.length, r.lost.length);
}

/** The sentence for so many links kept and so many that could not be (undefined when there were none). */
export function keptLinksSentence(kept: number, lost: number): string | undefined {
  const total = kept + lost;
  if (!total) return undefined;
  const links = (n: number) => `${n} accepted link${n === 1 ? '' : 's'}`;
  if (!lost) return `Kept all ${links(total)} of the replaced report, moved to the new report's matching entries.`;
  return `Kept ${kept} of the replaced report's ${links(total)}; ${lost} could not be kept, as the new report has no entry close enough to the one linked.`;
}
