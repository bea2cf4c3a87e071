// Which of a later plan's outcomes continue each of an earlier plan's, suggested from their titles
// and from what was reported under them, for a person to confirm: the titles' shared words, the
// content's likeness as a whole (TF-IDF cosine), and where the earlier outcome's themes went (each
// theme, with its entries, scored against every later outcome by BM25 over the later outcomes'
// words and by the theme titles they share: an outcome whose themes went two ways is split). Pure.

export interface MapOutcome {
  id: string;
  title: string;
  /** The titles and bodies of the entries (and the themes) under the outcome. */
  text: string;
  /** The same in parts: one per theme (its title, its entries' titles and bodies); none given, the whole is one part. */
  parts?: { title: string; text: string }[];
}

export interface MapSuggestion {
  fromId: string;
  from: string;
  toId: string;
  to: string;
  /** 0–1: the titles' shared words, the content's similarity (relative to the best match) and the share of the earlier outcome's themes that went to it. */
  score: number;
  reason: string;
}

const STOP = new Set('a an and the of for to in on at by with our we is are be was were this that it its as from or not have has had will all more than their which who into new over also county council leicestershire people'.split(' '));

/** A word's plural or "-ies" ending taken off ("opportunities" and "opportunity" are one word). */
function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  return w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/** Lower-case words of three letters or more, without stop words, a plural taken off. */
export function significantWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => !STOP.has(w)).map(stem);
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

/** BM25 of each query (its distinct words) against each document; documents are word lists. */
function bm25(queries: string[][], docs: string[][], k1 = 1.2, b = 0.75): number[][] {
  const df = new Map<string, number>();
  for (const d of docs) for (const w of new Set(d)) df.set(w, (df.get(w) ?? 0) + 1);
  const avg = docs.reduce((n, d) => n + d.length, 0) / (docs.length || 1) || 1;
  const tfs = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const w of d) tf.set(w, (tf.get(w) ?? 0) + 1);
    return tf;
  });
  return queries.map((q) => docs.map((d, j) => {
    let score = 0;
    for (const w of new Set(q)) {
      const n = df.get(w);
      const f = tfs[j].get(w);
      if (!n || !f) continue;
      const idf = Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
      score += idf * (f * (k1 + 1)) / (f + k1 * (1 - b + b * d.length / avg));
    }
    return score;
  }));
}

/**
 * Where an earlier outcome's themes went: for each later outcome, the share (by size) of the earlier
 * outcome's parts whose best match it is. A part's match is its BM25 against the later outcomes'
 * words (relative to its best), raised by the later theme or outcome titles it shares words with.
 */
function themeShares(from: MapOutcome, to: MapOutcome[], toWords: string[][]): number[] {
  const parts = from.parts?.length ? from.parts : [{ title: from.title, text: from.text }];
  const partWords = parts.map((p) => significantWords(p.text));
  const scores = bm25(partWords, toWords);
  const toTitles = to.map((t) => [t.title, ...(t.parts ?? []).map((p) => p.title)].map((x) => new Set(significantWords(x))));
  const shares = to.map(() => 0);
  let total = 0;
  for (const [i, part] of parts.entries()) {
    const title = significantWords(part.title);
    const best = Math.max(...scores[i], 1e-9);
    const fit = to.map((_, j) => {
      // The largest share of the part's title words found in one of the later outcome's titles.
      const titleFit = title.length ? Math.max(...toTitles[j].map((set) => title.filter((w) => set.has(w)).length / title.length)) : 0;
      return scores[i][j] / best + titleFit;
    });
    const weight = Math.log(1 + partWords[i].length);
    const j = fit.indexOf(Math.max(...fit));
    if (j >= 0 && weight > 0) {
      shares[j] += weight;
      total += weight;
    }
  }
  return shares.map((x) => (total ? x / total : 0));
}

/** A later outcome close to the best (at least this share of its score) is suggested too: outcomes split. */
export const SPLIT_SHARE = 0.8;
/** Below this score nothing is suggested for an outcome. */
export const MIN_SCORE = 0.25;
/** A later outcome that took at least this share of an earlier outcome's themes is suggested too. */
export const THEME_SHARE = 0.3;

/** For each earlier outcome, the later outcomes that continue it, best first. */
export function suggestOutcomeMap(from: MapOutcome[], to: MapOutcome[]): MapSuggestion[] {
  const words = [...from, ...to].map((o) => significantWords(o.text));
  const v = vectors(words);
  const toWords = words.slice(from.length);
  const out: MapSuggestion[] = [];
  for (const [i, f] of from.entries()) {
    const fTitle = new Set(significantWords(f.title));
    const content = to.map((_, j) => cosine(v[i], v[from.length + j]));
    const best = Math.max(...content, 1e-9);
    const shares = themeShares(f, to, toWords);
    const scored = to.map((t, j) => {
      const shared = significantWords(t.title).filter((w) => fTitle.has(w));
      // Shown as the later title writes them ("communities"), not as compared ("community").
      const shown = (t.title.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => significantWords(w).some((x) => shared.includes(x)));
      const title = fTitle.size ? new Set(shared).size / fTitle.size : 0;
      const score = 0.4 * title + 0.3 * (content[j] / best) + 0.3 * shares[j];
      const reason = [
        shown.length ? `titles share "${[...new Set(shown)].join('", "')}"` : '',
        `content similarity ${content[j].toFixed(2)}`,
        shares[j] ? `${Math.round(shares[j] * 100)}% of its themes' content went here` : '',
      ].filter(Boolean).join('; ');
      return { fromId: f.id, from: f.title, toId: t.id, to: t.title, score: Math.round(score * 100) / 100, reason, share: shares[j], titled: shown.length > 0 };
    }).sort((a, b) => b.score - a.score);
    const top = scored[0];
    if (!top || top.score < MIN_SCORE) continue;
    // Besides the best and those near it: a later outcome that took a good share of the themes, or whose title carries on a word of this one's.
    const keep = scored.filter((s) => s.score >= Math.max(MIN_SCORE, top.score * SPLIT_SHARE) || (s.score >= MIN_SCORE && (s.share >= THEME_SHARE || s.titled)));
    out.push(...keep.map(({ share: _share, titled: _titled, ...s }) => s));
  }
  return out;
}
