// Precision and recall of the link suggestions on hand-labelled pairs of entries from two real
// reports (test/fixtures/labelled-links.json): each later entry asks for suggestions among the
// earlier report's entries, and a labelled pair counts as suggested when the earlier entry is
// among them. Pure: it is given the parsed reports and the labels.
import type { ParsedEntry, ParsedReport } from '../../ingest/report/parse.js';
import { buildLinkIndex, suggestLinks, type LinkDoc } from './match.js';

export interface LinkLabels { earlier: string; later: string; same: [number, number][]; different: [number, number][] }

export interface LinkScore { pairs: number; same: number; suggested: number; correct: number; precision: number; recall: number }

const money = (e: ParsedEntry) => e.facts.filter((f) => f.kind === 'money').map((f) => f.text);

/** An entry as the matcher sees it; its id is where its body starts in the report. */
export function parsedEntryDoc(e: ParsedEntry): LinkDoc {
  return { id: String(e.start), kind: 'entry', title: e.title, body: e.body, places: e.places.map((p) => p.name), partners: e.partners, amounts: money(e) };
}

/** For every later entry, the earlier entries suggested at this threshold, as "earlier|later" keys. */
export function suggestedPairs(earlier: ParsedReport, later: ParsedReport, threshold?: number): Set<string> {
  const index = buildLinkIndex(earlier.entries.map(parsedEntryDoc));
  const pairs = new Set<string>();
  for (const e of later.entries) {
    for (const s of suggestLinks(index, parsedEntryDoc(e), { threshold })) pairs.add(`${s.targetId}|${e.start}`);
  }
  return pairs;
}

/** Scores the suggestions on some labelled pairs: precision among the labelled pairs suggested, recall of the `same` pairs. */
export function scorePairs(suggested: Set<string>, same: [number, number][], different: [number, number][]): LinkScore {
  const hit = (p: [number, number]) => suggested.has(`${p[0]}|${p[1]}`);
  const correct = same.filter(hit).length;
  const wrong = different.filter(hit).length;
  const count = correct + wrong;
  return {
    pairs: same.length + different.length, same: same.length, suggested: count, correct,
    precision: count ? correct / count : 0, recall: same.length ? correct / same.length : 0,
  };
}

/** Checks that every labelled offset is where an entry of the parsed report starts: labels and importer agree. */
export function unknownOffsets(labels: LinkLabels, earlier: ParsedReport, later: ParsedReport): string[] {
  const a = new Set(earlier.entries.map((e) => e.start));
  const b = new Set(later.entries.map((e) => e.start));
  const all = [...labels.same, ...labels.different];
  return [
    ...all.filter(([x]) => !a.has(x)).map(([x]) => `${labels.earlier}@${x}`),
    ...all.filter(([, y]) => !b.has(y)).map(([, y]) => `${labels.later}@${y}`),
  ];
}

/** Alternate pairs: the first half tunes the threshold, the second is held out to check it. */
export function splitLabels(labels: LinkLabels) {
  const half = <T>(list: T[], keep: number) => list.filter((_, i) => i % 2 === keep);
  return {
    tuning: { same: half(labels.same, 0), different: half(labels.different, 0) },
    heldOut: { same: half(labels.same, 1), different: half(labels.different, 1) },
  };
}
