// Which of an entry's facts are shown as key figures, and in what words: only those a reader
// understands on their own, as a whole noun phrase with a number in digits, a unit they recognise
// (£, %, or a counted noun) and a subject ("£3.2m refurbishment", "6,749 learners", "63% of
// businesses", "a 700-acre site" as "700-acre site", "£4.5m invested in roads"). The phrase is read
// again from the entry's text, from the number on, and stops before the first word that cannot be
// part of it (a small word, a verb, punctuation); a phrase that would end on such a word, or that has
// no subject, is left in the text. Bare numbers ("6"), numbers in words ("two drive"), acronyms as
// units ("39 LCC") and durations are never key figures.

/** Words that end a subject: articles, prepositions, conjunctions, pronouns, auxiliaries, adverbs. */
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'to', 'in', 'on', 'at', 'for', 'and', 'or', 'but', 'nor', 'by', 'from', 'with', 'without', 'which', 'that', 'this',
  'these', 'those', 'over', 'under', 'per', 'each', 'every', 'as', 'than', 'up', 'into', 'onto', 'across', 'during', 'since', 'between',
  'towards', 'toward', 'through', 'throughout', 'within', 'around', 'about', 'after', 'before', 'against', 'among', 'amongst', 'via',
  'like', 'until', 'upon', 'along', 'beyond', 'near', 'off', 'out', 'of', 'if', 'so', 'such', 'whose', 'where', 'when', 'while', 'who',
  'whom', 'what', 'it', 'its', 'we', 'our', 'they', 'their', 'them', 'he', 'she', 'his', 'her', 'you', 'your', 'us', 'i', 'is', 'are',
  'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'having', 'do', 'does', 'did', 'will', 'would', 'shall', 'should',
  'can', 'could', 'may', 'might', 'must', 'also', 'now', 'then', 'there', 'here', 'still', 'already', 'just', 'only', 'even', 'very',
  'more', 'most', 'less', 'least', 'both', 'either', 'all', 'some', 'any', 'no', 'not', 'other', 'another', 'including', 'following',
  'respectively', 'annually', 'approximately', 'nearly', 'almost', 'around', 'currently', 'overall', 'together', 'alone', 'again',
  'available', 'dependent', 'extra', 'live', 'total', 'year', 'years',
]);

/** Verbs in the present (and a few others) that read as nouns to the other tests: "£17,500 provide". */
const VERBS = new Set([
  'provide', 'provides', 'include', 'includes', 'remain', 'remains', 'aim', 'aims', 'help', 'helps', 'enable', 'enables', 'allow',
  'allows', 'ensure', 'ensures', 'mean', 'means', 'make', 'makes', 'made', 'take', 'takes', 'took', 'give', 'gives', 'gave', 'bring',
  'brings', 'brought', 'go', 'goes', 'went', 'come', 'comes', 'came', 'become', 'becomes', 'became', 'see', 'sees', 'saw', 'seen',
  'seek', 'seeks', 'offer', 'offers', 'show', 'shows', 'shown', 'reach', 'reaches', 'meet', 'meets', 'met', 'run', 'runs', 'ran',
  'use', 'uses', 'get', 'gets', 'got', 'cover', 'covers', 'create', 'creates', 'deliver', 'delivers', 'receive', 'receives', 'need',
  'needs', 'rose', 'fell', 'grew', 'benefit', 'benefits', 'attend', 'attends', 'took', 'won', 'spent', 'built',
]);

/** Words in -ing that are nouns in a subject ("£5m government funding boost"). */
const ING_NOUNS = new Set([
  'funding', 'housing', 'building', 'buildings', 'planning', 'training', 'parking', 'learning', 'gritting', 'cycling', 'recycling',
  'heating', 'meeting', 'meetings', 'spending', 'lending', 'wellbeing', 'living', 'screening', 'mentoring', 'counselling', 'marketing',
  'lighting', 'surfacing', 'resurfacing', 'engineering', 'signage', 'parenting', 'fostering', 'nursing', 'teaching', 'farming',
  'clothing', 'flooding', 'offending', 'reoffending', 'shielding', 'safeguarding', 'broadband', 'caring', 'listing', 'landing',
]);

/** Plurals without a final -s, and words in -s that are not plurals. */
const PLURALS = new Set(['people', 'children', 'staff', 'ft', 'feet', 'men', 'women', 'criteria', 'data', 'media', 'police', 'sq', 'cattle', 'kg', 'km', 'mw', 'kw']);
const NOT_PLURALS = new Set(['gas', 'bus', 'news', 'series', 'means', 'canvas', 'lens', 'status', 'campus', 'focus', 'census', 'bonus']);

/** Units that, written before a noun, make a measure of it: "700 acre site" is a "700-acre site". */
const MEASURE_UNITS = new Set(['acre', 'hectare', 'metre', 'meter', 'mile', 'kilometre', 'km', 'place', 'bed', 'seat', 'hour', 'day', 'week', 'month', 'storey', 'room', 'pitch', 'megawatt', 'mw', 'home', 'unit', 'pupil']);

/** Head nouns a three-word subject may still take: "£25m County Council road scheme". */
const HEAD_NOUNS = new Set(['scheme', 'project', 'programme', 'fund', 'facility', 'centre', 'plan', 'grant', 'site', 'investment', 'package', 'hub', 'strategy', 'service']);

/** Verbs that, after a sum, say where it went: "£4.5m invested in roads". */
const SPENT = new Set(['invested', 'spent', 'secured', 'awarded', 'raised', 'saved', 'allocated', 'committed', 'granted']);
const SPENT_ON = new Set(['in', 'on', 'for', 'into']);

const WORD = /^[A-Za-z][A-Za-z'-]*$/;
const SCALE = String.raw`(?:\s?(?:million|billion)|(?:k|K|m|bn)(?![A-Za-z]))`;
const AMOUNT = String.raw`£?\d[\d,]*(?:\.\d+)?${SCALE}?%?`;
const QUALIFIER = String.raw`(?:(?:(?:just|well)\s+)?(?:over|under|around|about|nearly|almost|approximately|roughly|some|up to|more than|less than|fewer than|at least|between)\s+|c\.?\s?)`;
/** The number where the fact starts, with "around", a range ("367-423") and a measure ("80-place"). */
const NUMBER = new RegExp(String.raw`^${QUALIFIER}?${AMOUNT}(?:\s?(?:-|–|to|and)\s?${AMOUNT})?(?:-([A-Za-z]+)(?![A-Za-z'-]))?`);

const MAX_SUBJECT = { count: 6, money: 3, percent: 3 } as const;
const MAX_PROPER_NAME = 6;

const clean = (w: string) => w.replace(/\*+/g, '').replace(/^['‘“"]+|['’”"]+$/g, '');
const isPlural = (w: string) => {
  const l = w.toLowerCase();
  return PLURALS.has(l) || (/[a-z]s$/i.test(w) && !/(ss|us|is)$/i.test(w) && !NOT_PLURALS.has(l));
};
const capitalised = (w: string) => /^[A-Z]/.test(w);
/** A word that can be part of a noun phrase at all. */
const contentWord = (w: string | undefined) => w !== undefined && WORD.test(w) && !FUNCTION_WORDS.has(w.toLowerCase()) && !VERBS.has(w.toLowerCase());
/** A word in -ed or -ing that is a verb unless a noun follows it ("community managed libraries"). */
const verbForm = (w: string) => /[a-z]{2}(ed|ing)$/i.test(w) && !ING_NOUNS.has(w.toLowerCase());

/** True when a phrase cannot end on this word (so a key figure never does). */
function weakEnding(word: string): boolean {
  const w = clean(word).toLowerCase();
  return FUNCTION_WORDS.has(w) || VERBS.has(w) || verbForm(w) || /^\d.*-[a-z]+$/.test(w);
}

interface Phrase { words: string[]; head: boolean }

/**
 * The subject after the number: content words up to the first word that cannot be in it, at most
 * `max` of them (longer for a proper name, "£250m Emergency Active Travel Fund"). A count stops at its
 * counted noun, the first plural ("35 community managed libraries"), and may take "of" and what it is
 * of ("2,789 miles of road").
 */
function subject(words: string[], kind: keyof typeof MAX_SUBJECT, measure: boolean): Phrase {
  const out: string[] = [];
  let content = 0;
  let ofUsed = false;
  let head = false;
  const max = MAX_SUBJECT[kind];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    const lw = w.toLowerCase();
    if (!WORD.test(w)) break;
    // "£5m of additional funding", "63% of businesses", "312 tonnes of rock salt".
    if (lw === 'of') {
      if (ofUsed || !contentWord(next) || (kind === 'count' && !head && !measure)) break;
      if (kind === 'count' && out.length === 0) break;
      ofUsed = true;
      out.push(w);
      continue;
    }
    // "£4.5m invested in roads": where the money went.
    if (kind === 'money' && out.length === 0 && SPENT.has(lw) && next && SPENT_ON.has(next.toLowerCase()) && contentWord(words[i + 2])) {
      out.push(w, next);
      i++;
      continue;
    }
    // "80-place communication and interaction school": a measure's noun may be two joined by "and".
    if (lw === 'and' && measure && content > 0 && !head && contentWord(next) && !verbForm(next!)) {
      out.push(w);
      continue;
    }
    if (!contentWord(w)) break;
    if (verbForm(w) && !contentWord(next)) break;
    if (head && !ofUsed) break;
    out.push(w);
    content++;
    if (kind === 'count' && !ofUsed && !measure && isPlural(w)) head = true;
    if (ofUsed && content >= max) break;
    if (content >= max) {
      // Finish a proper name ("… European Regional Development Funds") or a modifier's head noun.
      let j = i + 1;
      while (capitalised(w) && j < words.length && j - i <= MAX_PROPER_NAME - max && capitalised(words[j]) && contentWord(words[j])) out.push(words[j++]);
      if (j === i + 1 && !capitalised(w) && !HEAD_NOUNS.has(lw) && next && HEAD_NOUNS.has(next.toLowerCase())) out.push(next);
      break;
    }
  }
  while (out.length && weakEnding(out[out.length - 1])) out.pop();
  return { words: out, head };
}

/** Where the fact's words start in the body (stored offsets may count Markdown marks differently). */
function startOf(body: string, text: string, start: number | null): number {
  const at = body.indexOf(text, Math.max(0, (start ?? 0) - 12));
  return at >= 0 ? at : body.indexOf(text);
}

/** The fact as a key figure, or null when it would not mean anything on its own. */
export function keyFigure(f: { kind: string; text: string; start: number | null }, body: string): string | null {
  const text = f.text.trim();
  if (!/\d/.test(text)) return null;
  if (f.kind !== 'count' && f.kind !== 'money' && f.kind !== 'percent') return null;
  let at = startOf(body, text, f.start);
  if (at < 0) {
    // Not found in the text as written: read the fact's own words.
    body = text;
    at = 0;
  }
  const from = body.slice(at).replace(/\*\*/g, '');
  const number = NUMBER.exec(from);
  if (!number) return null;
  let amount = number[0];
  const rest = from.slice(amount.length);
  // The words up to the end of the clause, quotes and emphasis aside; "sq. ft" kept as one unit.
  const clause = /^[ \t]*([^.,;:!?()\n–—/]*)/.exec(rest.replace(/^[ \t]*sq\.\s?ft\b/, ' sq ft'))?.[1] ?? '';
  let words = clause.split(/\s+/).map(clean).filter(Boolean);
  if (!number[1] && /^[A-Za-z0-9]/.test(rest)) return null; // "6th", "10am": not a number on its own
  let measure = Boolean(number[1]);
  // "700 acre site" is read as "700-acre site".
  if (!measure && f.kind === 'count' && words.length > 1 && MEASURE_UNITS.has(words[0].toLowerCase()) && contentWord(words[1]) && !isPlural(words[1])) {
    amount = `${amount}-${words[0]}`;
    words = words.slice(1);
    measure = true;
  }
  const kind = f.kind as keyof typeof MAX_SUBJECT;
  if (kind === 'count') {
    const first = words[0] ?? '';
    // "39 LCC apprentices": an acronym is not a unit a reader recognises.
    if (first.length >= 2 && first === first.toUpperCase() && /[A-Z]/.test(first)) return null;
  }
  const phrase = subject(words, kind, measure);
  if (!phrase.words.length) return null;
  // A count needs its counted noun: "5,900 mainstream" is not one.
  if (kind === 'count' && !measure && !phrase.head && !/^1(?![\d,.])/.test(amount)) return null;
  if (!phrase.words.some((w) => w.length >= 3 && w !== 'of')) return null;
  return `${amount.trim()} ${phrase.words.join(' ')}`;
}
