// Which of a later plan's outcomes continue each of an earlier plan's, suggested from their titles
// and from what was reported under them (TF-IDF cosine over the words of their entries), for a
// person to confirm. Pure.

export interface MapOutcome {
  id: string;
  title: string;
  /** The titles and bodies of the entries (and the themes) under the outcome. */
  text: string;
}

export interface MapSuggestion {
  fromId: string;
  from: string;
  toId: string;
  to: string;
  /** 0–1: half the titles' shared words, half the content's similarity (relative to the best match). */
  score: number;
  reason: string;
}

const STOP = new Set('a an and the of for to in on at by with our we is are be was were this that it its as from or not have has had will all more than their which who into new over also county council leicestershire people'.split(' '));

/** Lower-case words of three letters or more, without stop words, a plural "s" taken off. */
export function significantWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => !STOP.has(w)).map((w) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

function vectors(docs: string[][]): Map<string, number>[] {
  const df = new Map<string, number>();
  for (const d of docs) for (const w of new Set(d)) df.set(w, (df.get(w) ?? 0) + 1);
  return docs.map((d) => {
    const tf = new Map<string, number>();
    for (const w of d) tf.set(w, (tf.get(w) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [w, n] of tf) {
      const x = (1 + Math.log(n)) * Math.log(1 + docs.length / df.get(w)!);
      v.set(w, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  });
}

const cosine = (a: Map<string, number>, b: Map<string, number>) => {
  let s = 0;
  for (const [w, x] of a) s += x * (b.get(w) ?? 0);
  return s;
};

/** A later outcome close to the best (at least this share of its score) is suggested too: outcomes split. */
export const SPLIT_SHARE = 0.8;
/** Below this score nothing is suggested for an outcome. */
export const MIN_SCORE = 0.25;

/** For each earlier outcome, the later outcomes that continue it, best first. */
export function suggestOutcomeMap(from: MapOutcome[], to: MapOutcome[]): MapSuggestion[] {
  const words = [...from, ...to].map((o) => significantWords(o.text));
  const v = vectors(words);
  const out: MapSuggestion[] = [];
  for (const [i, f] of from.entries()) {
    const fTitle = new Set(significantWords(f.title));
    const content = to.map((_, j) => cosine(v[i], v[from.length + j]));
    const best = Math.max(...content, 1e-9);
    const scored = to.map((t, j) => {
      const shared = significantWords(t.title).filter((w) => fTitle.has(w));
      // Shown as the later title writes them ("communities"), not as compared ("communitie").
      const shown = (t.title.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => significantWords(w).some((x) => shared.includes(x)));
      const title = fTitle.size ? new Set(shared).size / fTitle.size : 0;
      const score = 0.5 * title + 0.5 * (content[j] / best);
      const reason = [shown.length ? `titles share "${[...new Set(shown)].join('", "')}"` : '', `content similarity ${content[j].toFixed(2)}`].filter(Boolean).join('; ');
      return { fromId: f.id, from: f.title, toId: t.id, to: t.title, score: Math.round(score * 100) / 100, reason };
    }).sort((a, b) => b.score - a.score);
    const top = scored[0];
    if (!top || top.score < MIN_SCORE) continue;
    out.push(...scored.filter((s) => s.score >= Math.max(MIN_SCORE, top.score * SPLIT_SHARE)));
  }
  return out;
}
