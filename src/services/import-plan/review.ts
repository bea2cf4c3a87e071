// The reviewer's edits to an import batch, decided as plain values: what merging two items or
// splitting one does to their text, facts, places and commitments, and how the items sit under the
// report's own sections. Pure: the service reads the rows before and writes the result after.

export interface ReviewFact { id: string; text: string; start: number | null; end: number | null }
export interface ReviewCommitment { id: string; text: string }
export interface ReviewItem {
  id: string;
  title: string;
  body: string;
  facts: ReviewFact[];
  places: string[];
  commitments: ReviewCommitment[];
}

/** Where each fact goes: its entry and its offsets in that entry's new text. */
export interface FactMove { id: string; entryId: string; start: number | null; end: number | null }

export interface MergePlan {
  /** The kept item's new text and title. */
  body: string;
  title: string;
  factMoves: FactMove[];
  /** Places of the removed item that the kept one lacks. */
  places: string[];
  commitments: string[];
}

const PARAGRAPH = '\n\n';

/** `second` joins the end of `first`: one item whose text is both, with every fact, place and commitment. */
export function mergeItems(first: ReviewItem, second: ReviewItem): MergePlan {
  const body = first.body && second.body ? `${first.body}${PARAGRAPH}${second.body}` : first.body || second.body;
  const shift = first.body && second.body ? first.body.length + PARAGRAPH.length : first.body ? first.body.length : 0;
  return {
    body,
    title: first.title || second.title,
    factMoves: second.facts.map((f) => ({ id: f.id, entryId: first.id, start: f.start === null ? null : f.start + shift, end: f.end === null ? null : f.end + shift })),
    places: second.places.filter((p) => !first.places.includes(p)),
    commitments: second.commitments.map((c) => c.id),
  };
}

export interface SplitPlan {
  firstBody: string;
  secondBody: string;
  /** Facts that move to the new item (offsets into its text). */
  factMoves: Omit<FactMove, 'entryId'>[];
  /** Places named only in the second part move; places named in neither stay with the first. */
  placesToMove: string[];
  commitmentsToMove: string[];
}

/** Where the text can be split: the start of each sentence or paragraph after the first. */
export function splitPoints(body: string): { at: number; preview: string }[] {
  const points: { at: number; preview: string }[] = [];
  const re = /(?:[.!?]["”’)]?\s+|\n+\s*)(?=[A-Z0-9“"‘'(•-])/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const at = m.index + m[0].length;
    if (at > 0 && at < body.length) points.push({ at, preview: body.slice(at, at + 60).replace(/\s+/g, ' ') });
  }
  return points;
}

/** Splits `item` at character `at` (one of splitPoints): the first part keeps the item, the rest is a new one. */
export function splitItem(item: ReviewItem, at: number): SplitPlan | string {
  if (!splitPoints(item.body).some((p) => p.at === at)) return 'Choose where to split the text: at the start of one of its sentences';
  const firstBody = item.body.slice(0, at).trimEnd();
  const rest = item.body.slice(at);
  const lead = rest.length - rest.trimStart().length;
  const secondBody = rest.trim();
  const offset = at + lead;
  const factMoves = item.facts
    .filter((f) => f.start !== null && f.start >= at)
    .map((f) => ({ id: f.id, start: f.start! - offset, end: f.end === null ? null : f.end - offset }));
  const inPart = (text: string, part: string) => part.toLowerCase().includes(text.toLowerCase());
  return {
    firstBody, secondBody, factMoves,
    placesToMove: item.places.filter((p) => inPart(p, secondBody) && !inPart(p, firstBody)),
    commitmentsToMove: item.commitments.filter((c) => inPart(c.text.slice(0, 80), secondBody) && !inPart(c.text.slice(0, 80), firstBody)).map((c) => c.id),
  };
}

/** A report section of the outline with the batch's items that came from it, in the report's order. */
export interface OutlineSection<T> {
  title: string;
  kind: string;
  outcome: string | null;
  items: T[];
}

/**
 * Puts items under the report's sections by the section they came from ("Section / Theme" keeps
 * its section part). Items whose section is not in the outline go last, under "Other items".
 */
export function outlineOf<T extends { sourceSection: string | null }>(
  sections: { title: string; kind: string; outcome: string | null }[], items: T[],
): OutlineSection<T>[] {
  const out = sections.map((s) => ({ title: s.title, kind: s.kind, outcome: s.outcome, items: [] as T[] }));
  const other: OutlineSection<T> = { title: 'Other items', kind: 'other', outcome: null, items: [] };
  for (const item of items) {
    const source = item.sourceSection ?? '';
    // The longest section title that the source starts with (titles may themselves contain " / ").
    const home = out.filter((s) => source === s.title || source.startsWith(`${s.title} / `)).sort((a, b) => b.title.length - a.title.length)[0];
    (home ?? other).items.push(item);
  }
  return [...out.filter((s) => s.items.length || s.kind === 'outcome'), ...(other.items.length ? [other] : [])];
}
