// Suggesting links across years: which earlier entries and commitments a new entry is about.
// Pure: an inverted index of earlier documents, scored by BM25 over titles and bodies and by the
// names they share (schemes, roads, places, partners, amounts), each weighted by how rare it is.
import { names, phrase, phrases, terms } from './text-terms.js';

export interface LinkDoc {
  id: string;
  kind: 'entry' | 'commitment';
  title: string;
  body: string;
  /** Place and partner names already found in the text (by the importer or a person). */
  places?: string[];
  partners?: string[];
  /** Money amounts as written ("£5.2m"): a shared amount is a (weak) sign of the same scheme. */
  amounts?: string[];
}

export interface LinkSuggestion {
  targetId: string;
  kind: LinkDoc['kind'];
  /** 0 to 1: text similarity plus the weight of the names both share. */
  score: number;
  /** A sentence a person can check: the names and the words both share. */
  reason: string;
  sharedNames: string[];
}

/** BM25's usual constants: how fast a repeated word stops adding (k1) and how much length counts (b). */
const K1 = 1.2;
const B = 0.75;
/** The title counts as much as this many copies of its words: titles name the scheme. */
const TITLE_WEIGHT = 2;
/** A rare name shared by both is worth this much of the score (scaled by its rarity, capped at 1). */
const NAME_WEIGHT = 0.22;
/** Amounts match by chance more often than names: they count for less. */
const AMOUNT_WEIGHT = 0.08;
export const DEFAULT_LINK_THRESHOLD = 0.15;
export const DEFAULT_LINK_LIMIT = 3;

interface Features { terms: Map<string, number>; length: number; names: Map<string, 'name' | 'amount'>; text: string }

function features(doc: LinkDoc): Features {
  const counts = new Map<string, number>();
  const add = (list: string[], weight: number) => { for (const t of list) counts.set(t, (counts.get(t) ?? 0) + weight); };
  const titleTerms = terms(doc.title);
  const bodyTerms = terms(doc.body);
  add(titleTerms, TITLE_WEIGHT);
  add(bodyTerms, 1);
  const found = new Map<string, 'name' | 'amount'>();
  const titleName = phrase(doc.title);
  // A short title of two words or more names its scheme ("Airfield Business Park", "Community Speed Watch").
  const titleNames = titleName.split(' ').length >= 2 && titleName.split(' ').length <= 6 ? [titleName] : [];
  for (const n of [...names(`${doc.title}. ${doc.body}`), ...(doc.places ?? []), ...(doc.partners ?? []), ...titleNames]) {
    const p = phrase(n);
    if (p) found.set(p, 'name');
  }
  for (const a of doc.amounts ?? []) found.set(a.toLowerCase().replace(/\s+/g, ''), 'amount');
  return { terms: counts, length: titleTerms.length * TITLE_WEIGHT + bodyTerms.length, names: found, text: `${doc.title}. ${doc.body}` };
}

export interface LinkIndex {
  docs: LinkDoc[];
  postings: Map<string, { doc: number; tf: number }[]>;
  namePostings: Map<string, number[]>;
  lengths: Float64Array;
  averageLength: number;
}

/** Builds the inverted index once for all the earlier documents; each suggestion then reads only the postings of its words. */
export function buildLinkIndex(docs: LinkDoc[]): LinkIndex {
  const postings = new Map<string, { doc: number; tf: number }[]>();
  const namePostings = new Map<string, number[]>();
  const lengths = new Float64Array(docs.length);
  docs.forEach((d, i) => {
    const f = features(d);
    lengths[i] = f.length;
    for (const [t, tf] of f.terms) {
      const list = postings.get(t);
      if (list) list.push({ doc: i, tf });
      else postings.set(t, [{ doc: i, tf }]);
    }
    for (const n of f.names.keys()) {
      const list = namePostings.get(n);
      if (list) list.push(i);
      else namePostings.set(n, [i]);
    }
  });
  const total = lengths.reduce((a, b) => a + b, 0);
  return { docs, postings, namePostings, lengths, averageLength: docs.length ? total / docs.length : 1 };
}

/** Inverse document frequency, BM25's form, kept above zero for words in most documents. */
const idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

interface Tally { text: number; names: number; shared: string[]; words: { term: string; weight: number }[] }

function tallyText(index: LinkIndex, query: Features, tallies: Map<number, Tally>): number {
  const n = index.docs.length;
  let ceiling = 0;
  for (const [term, qtf] of query.terms) {
    const list = index.postings.get(term);
    const weight = idf(n, list?.length ?? 0) * Math.min(qtf, TITLE_WEIGHT);
    // The most a word can add, whatever the document: BM25 tends to idf·(k1+1) as the word repeats.
    ceiling += weight * (K1 + 1);
    if (!list) continue;
    for (const { doc, tf } of list) {
      const norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * index.lengths[doc] / index.averageLength));
      const t = tallies.get(doc) ?? { text: 0, names: 0, shared: [], words: [] };
      t.text += weight * norm;
      t.words.push({ term, weight: weight * norm });
      tallies.set(doc, t);
    }
  }
  return ceiling;
}

function tallyNames(index: LinkIndex, query: Features, tallies: Map<number, Tally>): void {
  const n = index.docs.length;
  // The query's own names, and any run of two to five of its words that an earlier document uses as a name.
  const lookups = new Map(query.names);
  for (const p of phrases(query.text, 2, 5)) if (!lookups.has(p) && index.namePostings.has(p)) lookups.set(p, 'name');
  for (const [name, kind] of lookups) {
    const list = index.namePostings.get(name);
    if (!list) continue;
    // A name in many documents ("County Hall") says little; one in a handful says a lot.
    const rarity = Math.min(1, idf(n, list.length) / Math.log(1 + n));
    const weight = (kind === 'amount' ? AMOUNT_WEIGHT : NAME_WEIGHT) * rarity;
    for (const doc of list) {
      const t = tallies.get(doc) ?? { text: 0, names: 0, shared: [], words: [] };
      t.names += weight;
      t.shared.push(name);
      tallies.set(doc, t);
    }
  }
}

function reasonOf(t: Tally, text: number): string {
  const parts: string[] = [];
  if (t.shared.length) parts.push(`both name ${t.shared.slice(0, 4).map((s) => `“${s}”`).join(', ')}`);
  const words = t.words.sort((a, b) => b.weight - a.weight).slice(0, 5).map((w) => w.term);
  if (words.length) parts.push(`shared words ${words.join(', ')} (text similarity ${text.toFixed(2)})`);
  const sentence = parts.join('; ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** The earlier documents a new one is most likely about, best first, at or above the threshold. */
export function suggestLinks(
  index: LinkIndex, query: LinkDoc, options: { threshold?: number; limit?: number; exclude?: Set<string> } = {},
): LinkSuggestion[] {
  const threshold = options.threshold ?? DEFAULT_LINK_THRESHOLD;
  const f = features(query);
  const tallies = new Map<number, Tally>();
  const ceiling = tallyText(index, f, tallies);
  tallyNames(index, f, tallies);
  const scored: LinkSuggestion[] = [];
  for (const [doc, t] of tallies) {
    const target = index.docs[doc];
    if (target.id === query.id || options.exclude?.has(target.id)) continue;
    const text = ceiling ? t.text / ceiling : 0;
    const score = Math.min(1, text + Math.min(t.names, 0.6));
    if (score < threshold) continue;
    scored.push({ targetId: target.id, kind: target.kind, score: Math.round(score * 1000) / 1000, reason: reasonOf(t, text), sharedNames: t.shared });
  }
  return scored.sort((a, b) => b.score - a.score || a.targetId.localeCompare(b.targetId)).slice(0, options.limit ?? DEFAULT_LINK_LIMIT);
}
