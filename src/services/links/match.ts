// Suggesting links across years: which earlier entries and commitments a new entry is about.
// Pure: an inverted index of earlier documents, scored by BM25 over titles and bodies and by the
// names they share (schemes, roads, places, partners, amounts), each weighted by how rare it is.
import { isCommonName, names, phrase, terms } from './text-terms.js';

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
/**
 * A word in more than this share of the earlier documents ("service", "support") is treated as a stop
 * word: it says almost nothing about which scheme a text is about, and reading its long postings
 * list would be most of the work.
 */
const COMMON_SHARE = 0.1;
export const DEFAULT_LINK_THRESHOLD = 0.125;
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
    if (p && !isCommonName(p)) found.set(p, 'name');
  }
  for (const a of doc.amounts ?? []) found.set(a.toLowerCase().replace(/\s+/g, ''), 'amount');
  return { terms: counts, length: titleTerms.length * TITLE_WEIGHT + bodyTerms.length, names: found, text: `${doc.title}. ${doc.body}` };
}

/** One word's postings: the documents holding it and each one's BM25 term weight (worked out once, when the index is built). */
interface Postings { docs: Int32Array; weights: Float64Array }

export interface LinkIndex {
  docs: LinkDoc[];
  /** Each document's words and names, to explain a suggestion once it is chosen. */
  features: Features[];
  postings: Map<string, Postings>;
  namePostings: Map<string, number[]>;
  /** The first words of the names in namePostings: a run of a query's words is looked up only when it starts with one. */
  nameStarts: Set<string>;
  /** Running totals reused by each query (suggestLinks is synchronous, so one at a time). */
  scratch: Tally;
}

/** Builds the inverted index once for all the earlier documents; each suggestion then reads only the postings of its words. */
export function buildLinkIndex(docs: LinkDoc[]): LinkIndex {
  const lists = new Map<string, number[]>();
  const namePostings = new Map<string, number[]>();
  const nameStarts = new Set<string>();
  const lengths = new Float64Array(docs.length);
  const all = docs.map(features);
  all.forEach((f, i) => {
    lengths[i] = f.length;
    for (const [t, tf] of f.terms) {
      const list = lists.get(t);
      // Document and frequency side by side: the weights are worked out once the average length is known.
      if (list) list.push(i, tf);
      else lists.set(t, [i, tf]);
    }
    for (const n of f.names.keys()) {
      const list = namePostings.get(n);
      if (list) list.push(i);
      else namePostings.set(n, [i]);
      nameStarts.add(n.split(' ', 1)[0]);
    }
  });
  const total = lengths.reduce((a, b) => a + b, 0);
  const averageLength = docs.length ? total / docs.length : 1;
  const postings = new Map<string, Postings>();
  for (const [t, list] of lists) {
    const n = list.length / 2;
    const p: Postings = { docs: new Int32Array(n), weights: new Float64Array(n) };
    for (let k = 0; k < n; k++) {
      const doc = list[2 * k];
      const tf = list[2 * k + 1];
      p.docs[k] = doc;
      // BM25's saturation of a word's frequency, normalised by the document's length; the word's idf is the query's part.
      p.weights[k] = tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[doc] / averageLength));
    }
    postings.set(t, p);
  }
  return { docs, features: all, postings, namePostings, nameStarts, scratch: newTally(docs.length) };
}

/** Inverse document frequency, BM25's form, kept above zero for words in most documents. */
const idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** Running totals for one query: arrays as long as the index, and the documents touched (so only they are read and reset). */
interface Tally { text: Float64Array; names: Float64Array; seen: Uint8Array; touched: number[]; termWeight: Map<string, number>; nameWeight: Map<string, number> }

function newTally(size: number): Tally {
  return { text: new Float64Array(size), names: new Float64Array(size), seen: new Uint8Array(size), touched: [], termWeight: new Map(), nameWeight: new Map() };
}

/** The index's running totals, emptied of the last query's (only the documents it touched are reset). */
function resetTally(t: Tally): Tally {
  for (const doc of t.touched) {
    t.text[doc] = 0;
    t.names[doc] = 0;
    t.seen[doc] = 0;
  }
  t.touched.length = 0;
  t.termWeight.clear();
  t.nameWeight.clear();
  return t;
}

function tallyText(index: LinkIndex, query: Features, t: Tally): number {
  const n = index.docs.length;
  const common = Math.max(20, n * COMMON_SHARE);
  let ceiling = 0;
  for (const [term, qtf] of query.terms) {
    const list = index.postings.get(term);
    if (list && list.docs.length > common) continue;
    const weight = idf(n, list?.docs.length ?? 0) * Math.min(qtf, TITLE_WEIGHT);
    // The most a word can add, whatever the document: BM25 tends to idf·(k1+1) as the word repeats.
    ceiling += weight * (K1 + 1);
    if (!list) continue;
    t.termWeight.set(term, weight);
    const { docs, weights } = list;
    for (let k = 0; k < docs.length; k++) {
      const doc = docs[k];
      if (!t.seen[doc]) { t.seen[doc] = 1; t.touched.push(doc); }
      t.text[doc] += weight * weights[k];
    }
  }
  return ceiling;
}

/** The runs of two to five of the query's words that the index knows as names. */
function knownPhrases(index: LinkIndex, text: string): string[] {
  const words = phrase(text).split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length - 1; i++) {
    if (!index.nameStarts.has(words[i])) continue;
    let run = words[i];
    for (let k = 1; k < 5 && i + k < words.length; k++) {
      run += ` ${words[i + k]}`;
      if (index.namePostings.has(run)) out.push(run);
    }
  }
  return out;
}

function tallyNames(index: LinkIndex, query: Features, t: Tally): void {
  const n = index.docs.length;
  // The query's own names, and any run of two to five of its words that an earlier document uses as a name.
  const lookups = new Map(query.names);
  for (const p of knownPhrases(index, query.text)) if (!lookups.has(p)) lookups.set(p, 'name');
  for (const [name, kind] of lookups) {
    const list = index.namePostings.get(name);
    if (!list) continue;
    // A name in many documents ("County Hall") says little; one in a handful says a lot.
    const rarity = Math.min(1, idf(n, list.length) / Math.log(1 + n));
    const weight = (kind === 'amount' ? AMOUNT_WEIGHT : NAME_WEIGHT) * rarity;
    t.nameWeight.set(name, weight);
    for (const doc of list) {
      if (!t.seen[doc]) { t.seen[doc] = 1; t.touched.push(doc); }
      t.names[doc] += weight;
    }
  }
}

/** Why a document was suggested: the names both share, and the words that weighed most. */
function explain(index: LinkIndex, doc: number, t: Tally, text: number): { reason: string; sharedNames: string[] } {
  const f = index.features[doc];
  const sharedNames = [...t.nameWeight.keys()].filter((name) => f.names.has(name));
  const words = [...t.termWeight].filter(([term]) => f.terms.has(term)).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([term]) => term);
  const parts: string[] = [];
  if (sharedNames.length) parts.push(`both name ${sharedNames.slice(0, 4).map((s) => `“${s}”`).join(', ')}`);
  if (words.length) parts.push(`shared words ${words.join(', ')} (text similarity ${text.toFixed(2)})`);
  const sentence = parts.join('; ');
  return { reason: sentence.charAt(0).toUpperCase() + sentence.slice(1), sharedNames };
}

/** The earlier documents a new one is most likely about, best first, at or above the threshold. */
export function suggestLinks(
  index: LinkIndex, query: LinkDoc, options: { threshold?: number; limit?: number; exclude?: Set<string> } = {},
): LinkSuggestion[] {
  const threshold = options.threshold ?? DEFAULT_LINK_THRESHOLD;
  const f = features(query);
  const t = resetTally(index.scratch);
  const ceiling = tallyText(index, f, t);
  tallyNames(index, f, t);
  // The best few kept in order as the touched documents are read: no sort of every candidate.
  const limit = options.limit ?? DEFAULT_LINK_LIMIT;
  const chosen: { doc: number; score: number; text: number }[] = [];
  const better = (a: { doc: number; score: number }, b: { doc: number; score: number }) =>
    a.score > b.score || (a.score === b.score && index.docs[a.doc].id < index.docs[b.doc].id);
  for (const doc of t.touched) {
    const text = ceiling ? t.text[doc] / ceiling : 0;
    const score = Math.min(1, text + Math.min(t.names[doc], 0.6));
    if (score < threshold || (chosen.length === limit && !better({ doc, score }, chosen[limit - 1]))) continue;
    const target = index.docs[doc];
    if (target.id === query.id || options.exclude?.has(target.id)) continue;
    let at = chosen.length;
    while (at > 0 && better({ doc, score }, chosen[at - 1])) at--;
    chosen.splice(at, 0, { doc, score, text });
    if (chosen.length > limit) chosen.pop();
  }
  return chosen.map(({ doc, score, text }) => ({
    targetId: index.docs[doc].id, kind: index.docs[doc].kind, score: Math.round(score * 1000) / 1000, ...explain(index, doc, t, text),
  }));
}
