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

/** What matching reads of a document: its weighted words, its length in words, its names and its text. */
export interface LinkFeatures {
  terms: Map<string, number>; length: number; names: Map<string, 'name' | 'amount'>; text: string;
  /** The text's words as phrases are written, worked out when the document is first a query. */
  words?: string[];
}
type Features = LinkFeatures;

/** A document's features; the same document always gives the same ones, so a caller may keep them (see featureCache). */
export function features(doc: LinkDoc): Features {
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

/**
 * One word's postings: the documents holding it (in the order they were added) and its frequency in
 * each; the BM25 weights are worked out from them when first read after the index last grew.
 */
interface Postings { docs: number[]; tfs: number[]; weights: Float64Array; version: number }

export interface LinkIndex {
  docs: LinkDoc[];
  /** Each document's words and names, to explain a suggestion once it is chosen. */
  features: Features[];
  postings: Map<string, Postings>;
  namePostings: Map<string, number[]>;
  /** The first words of the names in namePostings: a run of a query's words is looked up only when it starts with one. */
  nameStarts: Set<string>;
  /** The documents' lengths in words (a title's counted TITLE_WEIGHT times), and their sum (whole numbers, so exact). */
  lengths: number[];
  totalLength: number;
  /** How many times documents were added: postings weighted for an earlier version are weighted again. */
  version: number;
  /** Running totals reused by each query (suggestLinks is synchronous, so one at a time). */
  scratch: Tally;
}

/**
 * Features worked out once per document (by kind and id) however many indexes and queries it is part
 * of: a batch of reports builds one index per period, each holding most of the same earlier entries.
 */
export function featureCache(): (doc: LinkDoc) => Features {
  const kept = new Map<string, Features>();
  return (doc) => {
    const key = `${doc.kind}:${doc.id}`;
    let f = kept.get(key);
    if (!f) kept.set(key, (f = features(doc)));
    return f;
  };
}

/** An index with no documents yet, for addToLinkIndex. */
export function emptyLinkIndex(): LinkIndex {
  return { docs: [], features: [], postings: new Map(), namePostings: new Map(), nameStarts: new Set(), lengths: [], totalLength: 0, version: 0, scratch: newTally(0) };
}

/**
 * Adds documents to an index. Suggestions read it as if it had been built from all its documents at
 * once: a batch of reports of many periods grows one index period by period (each period's entries
 * are compared with those of the periods before it) instead of building one for every period.
 * `featuresOf` may hand back features kept from elsewhere (featureCache).
 */
export function addToLinkIndex(index: LinkIndex, docs: LinkDoc[], featuresOf: (doc: LinkDoc) => Features = features): void {
  if (!docs.length) return;
  for (const d of docs) {
    const f = featuresOf(d);
    const i = index.docs.length;
    index.docs.push(d);
    index.features.push(f);
    index.lengths.push(f.length);
    index.totalLength += f.length;
    for (const [t, tf] of f.terms) {
      const list = index.postings.get(t);
      if (list) { list.docs.push(i); list.tfs.push(tf); }
      else index.postings.set(t, { docs: [i], tfs: [tf], weights: new Float64Array(0), version: -1 });
    }
    for (const n of f.names.keys()) {
      const list = index.namePostings.get(n);
      if (list) list.push(i);
      else index.namePostings.set(n, [i]);
      index.nameStarts.add(n.split(' ', 1)[0]);
    }
  }
  index.version++;
  index.scratch = newTally(index.docs.length);
}

/** Builds the inverted index once for all the earlier documents; each suggestion then reads only the postings of its words. */
export function buildLinkIndex(docs: LinkDoc[], featuresOf: (doc: LinkDoc) => Features = features): LinkIndex {
  const index = emptyLinkIndex();
  addToLinkIndex(index, docs, featuresOf);
  return index;
}

/** A word's BM25 weight in each document holding it (its idf is the query's part), worked out once per version of the index. */
function weightsOf(index: LinkIndex, p: Postings): Float64Array {
  if (p.version === index.version) return p.weights;
  const averageLength = index.docs.length ? index.totalLength / index.docs.length : 1;
  const weights = new Float64Array(p.docs.length);
  for (let k = 0; k < p.docs.length; k++) {
    const tf = p.tfs[k];
    // BM25's saturation of a word's frequency, normalised by the document's length.
    weights[k] = tf * (K1 + 1) / (tf + K1 * (1 - B + B * index.lengths[p.docs[k]] / averageLength));
  }
  p.weights = weights;
  p.version = index.version;
  return weights;
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
    const { docs } = list;
    const weights = weightsOf(index, list);
    for (let k = 0; k < docs.length; k++) {
      const doc = docs[k];
      if (!t.seen[doc]) { t.seen[doc] = 1; t.touched.push(doc); }
      t.text[doc] += weight * weights[k];
    }
  }
  return ceiling;
}

/** The runs of two to five of the query's words that the index knows as names. */
function knownPhrases(index: LinkIndex, query: Features): string[] {
  const words = (query.words ??= phrase(query.text).split(' '));
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
  for (const p of knownPhrases(index, query)) if (!lookups.has(p)) lookups.set(p, 'name');
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
  index: LinkIndex, query: LinkDoc, options: { threshold?: number; limit?: number; exclude?: Set<string>; featuresOf?: (doc: LinkDoc) => Features } = {},
): LinkSuggestion[] {
  const threshold = options.threshold ?? DEFAULT_LINK_THRESHOLD;
  const f = (options.featuresOf ?? features)(query);
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
