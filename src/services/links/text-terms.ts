// Words and names of an entry's text for matching it with entries of other years. Pure.

const STOP = new Set(`a about above across after again against all also an and any are around as at be been before being
between both but by can continue continued continues could did do does during each either for from further had has have
having he her here his how however i if in including into is it its itself last more most new next not now of off on once
one only or other our out over own per same she should since so some such than that the their them then there these they
this those through to too under until up upon us very via was we were what when where which while who will with within
would year years you your council county leicestershire`.split(/\s+/));

const SUFFIXES = [['ies', 'y'], ['ing', ''], ['ed', ''], ['es', 'e'], ['s', '']] as const;

/** A light stem so that "schemes", "scheme" and "scheming" meet; enough for council prose. */
export function stem(word: string): string {
  if (word.length <= 4 || word.endsWith('ss')) return word;
  for (const [suffix, keep] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length) + keep;
  }
  return word;
}

/** Stems already worked out: a report's vocabulary is small and its words repeat. */
const STEMS = new Map<string, string | null>();

/** The content words of a text, lower-cased and stemmed, stop words and bare numbers left out. */
export function terms(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase().replace(/['’]s\b/g, '').replace(/['’]/g, '');
  for (const m of lower.matchAll(/[a-z][a-z0-9]{2,}/g)) {
    const w = m[0];
    let s = STEMS.get(w);
    if (s === undefined) {
      s = STOP.has(w) ? null : stem(w);
      if (STEMS.size < 200_000) STEMS.set(w, s);
    }
    if (s) out.push(s);
  }
  return out;
}

const CONNECTORS = new Set(['of', 'and', 'for', 'the', 'de', 'la', 'on', 'upon', '&']);
/** Capitalised words that start sentences or are too common in council prose to name a scheme. */
const COMMON_CAPS = new Set(`A An The This That These Those Our We It In On At By For From With As Its Their Over Under During
Since Through Following Also Work Working Council County Leicestershire Government Councils City District Districts UK England
National Local January February March April May June July August September October November December Covid-19 Covid`.split(/\s+/));

/**
 * Names in a text: runs of capitalised words ("Airfield Business Park", "Melton Mowbray"), joined
 * by "of"/"and", and road numbers ("A511", "M1"). Lower-cased; a lone common capital is not a name.
 */
export function names(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/\b[AMB]\d{1,4}\b/g)) found.add(m[0].toLowerCase());
  for (const m of text.matchAll(CAPITALISED_RUN)) {
    const run = m[0].split(/\s+/);
    // "The", "Our" or "January" at either end are not part of the name; nor is a trailing "and the".
    while (run.length && COMMON_CAPS.has(run[0])) run.shift();
    while (run.length && (COMMON_CAPS.has(run.at(-1)!) || CONNECTORS.has(run.at(-1)!))) run.pop();
    const kept = run.filter((w) => !COMMON_CAPS.has(w) && !CONNECTORS.has(w));
    // One capitalised word names something only mid-sentence ("in Hinckley"), not as a sentence's first word.
    const startsSentence = /(?:^|[.!?:;])\s*$/.test(text.slice(Math.max(0, m.index - 4), m.index));
    const single = kept.length === 1 && run.length === 1 && !startsSentence && kept[0].length >= 4;
    if (kept.length >= 2 || single) found.add(run.join(' ').toLowerCase().replace(/['’]s$/, ''));
  }
  return [...found];
}

/** Capitalised words in a row, possibly joined by "of", "and", "for" … ("Department for Transport"). */
const CAPITALISED_RUN = /[A-Z][A-Za-z'’&-]*(?![0-9])(?:\s+(?:(?:of|and|for|the|de|la|on|upon|&)\s+)*[A-Z][A-Za-z'’&-]*(?![0-9]))*/g;

const COMMON_LOWER = new Set([...COMMON_CAPS].map((w) => w.toLowerCase()));
/** A name made only of words too common to name a scheme ("Leicestershire", "the Council"), as places and partners can be. */
export const isCommonName = (name: string): boolean => name.split(' ').every((w) => COMMON_LOWER.has(w) || CONNECTORS.has(w));

/** A name or phrase in one form for comparing: lower case, words separated by single spaces. */
export function phrase(text: string): string {
  return text.toLowerCase().replace(/['’]s\b/g, '').replace(/[^a-z0-9£.]+/g, ' ').replace(/\.(?!\d)/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Every run of `min` to `max` consecutive words of a text, as phrases. */
export function phrases(text: string, min: number, max: number): string[] {
  const words = phrase(text).split(' ').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let k = min; k <= max && i + k <= words.length; k++) out.push(words.slice(i, i + k).join(' '));
  }
  return out;
}
