// What a count counts: the noun phrase after a figure ("1,200 trees", "18,500 tonnes of rock salt",
// "eight county and district councils"), ending at a verb, a preposition or a plural head.

/** Units of measure that a count may use ("1,300 miles", "18,500 tonnes of salt", "550-acre site"). */
export const MEASURES = new Map<string, string>([
  ['mile', 'miles'], ['miles', 'miles'], ['km', 'km'], ['kilometre', 'km'], ['kilometres', 'km'], ['metre', 'metres'], ['metres', 'metres'], ['m2', 'square metres'],
  ['acre', 'acres'], ['acres', 'acres'], ['hectare', 'hectares'], ['hectares', 'hectares'], ['ha', 'hectares'], ['tonne', 'tonnes'], ['tonnes', 'tonnes'], ['tons', 'tonnes'],
  ['litre', 'litres'], ['litres', 'litres'], ['mw', 'MW'], ['kw', 'kW'], ['kwh', 'kWh'], ['mwh', 'MWh'], ['gwh', 'GWh'], ['bed', 'beds'], ['storey', 'storeys'], ['seat', 'seats'], ['place', 'places'], ['page', 'pages'], ['megawatt', 'megawatts'], ['megawatts', 'megawatts'],
]);


/** Words that end the noun phrase naming what a count counts. */
const STOP = new Set(`and or but nor without despite against to in on at for with by from into onto across over under within during since than as through throughout including excluding per were was is are be been being have has had will would can could should may might must who which that where when while whilst this these those the a an its their our it they we he she them alone each every via like such so if who's whose having also now then there here been not all both either more less most least than between against about around after before until upon among amongst towards toward along beside besides near off out up down already still just only even because though although whether due plus versus vs out of took take takes taking gave give gives made make makes got get gets went go goes came come comes became become becomes began begin won win ran run led lead leads left leave met meet kept keep held hold brought bring built build found grew grow received receive receives attended attend joined join completed complete benefited benefit benefiting`.split(/\s+/));


const WORD_RE = /^(?:[‘'"“][^’'"”]{1,40}[’'"”]|[A-Za-z][A-Za-z'’&-]*(?:\/[A-Za-z][A-Za-z'’-]*)?)/;

/** Words ending in -ed that are not verbs. */
const ED_NOT_VERB = /^(?:need|seed|speed|bed|shed|feed|red|bred|breed|weed|hundred|steed|reed|deed)$/i;
/** A lower-case plural noun: the head of what is counted ("trees", "local jobs"), after which the phrase ends. */
const IRREGULAR_PLURALS = new Set(['children', 'people', 'women', 'men', 'staff', 'police', 'feet', 'teeth', 'mice', 'geese', 'data', 'media', 'criteria', 'sheep', 'deer', 'fish', 'livestock', 'cattle']);
const isPlural = (w: string) => IRREGULAR_PLURALS.has(w) || (/^[a-z][a-z'’-]*s$/.test(w) && !/(?:ss|us|is|ous|ics)$/.test(w));
/** What follows a verb in -ing that takes an object: "16 LACs covering 23 locations", "teams dealing with". */
const VERB_OBJECT = /^(?:\d|the\b|a\b|an\b|their\b|our\b|its\b|this\b|these\b|with\b|to\b|for\b|from\b|on\b|in\b|at\b|into\b|across\b|up\b|out\b)/;

/** " of rock salt", " of highway": up to three words after a unit of measure. */
function ofPhrase(text: string, i: number): { words: string[]; end: number } {
  const m = /^\sof((?:\s[a-z][a-z-]*){1,3})/.exec(text.slice(i, i + 60));
  if (!m) return { words: [], end: i };
  const words: string[] = [];
  let end = i + 3;
  for (const w of m[1].trim().split(/\s+/)) {
    if (STOP.has(w) || /^[a-z]+ed$/.test(w)) break;
    words.push(w);
    end = text.indexOf(w, end) + w.length;
  }
  return words.length ? { words: ['of', ...words], end } : { words: [], end: i };
}

/** The words after a count that say what it counts; '' when none ("increased to 62."). */
export function countedNoun(text: string, from: number): { unit: string; end: number } {
  let i = from;
  const words: string[] = [];
  let end = from;
  // A compound unit written with a hyphen: "550-acre", "60-bed".
  const hyphen = /^-([A-Za-z]+)/.exec(text.slice(i, i + 20));
  if (hyphen && MEASURES.has(hyphen[1].toLowerCase())) return { unit: MEASURES.get(hyphen[1].toLowerCase())!, end: i + hyphen[0].length };
  if (text[i] !== ' ' && text[i] !== '\u00a0') return { unit: '', end: from };
  // "sq. ft." and "square feet" first.
  const sq = /^\s(?:sq\.?\s?ft\.?|square\s(?:feet|foot|metres|meters|miles|kilometres))/i.exec(text.slice(i, i + 20));
  if (sq) return { unit: /ft|feet|foot/i.test(sq[0]) ? 'sq ft' : sq[0].trim().toLowerCase(), end: i + sq[0].length - (sq[0].endsWith('.') ? 1 : 0) };
  const wordAt = (at: number) => {
    const ws = /^[ \u00a0]+/.exec(text.slice(at, at + 4));
    if (!ws) return undefined;
    const m = WORD_RE.exec(text.slice(at + ws[0].length, at + ws[0].length + 60));
    return m ? { w: m[0], next: at + ws[0].length + m[0].length } : undefined;
  };
  while (words.length < 9) {
    const got = wordAt(i);
    if (!got) break;
    const { w, next } = got;
    const lower = w.toLowerCase();
    if (words.length === 0 && lower === 'more') {
      // "two thousand more children": the comparison word is not part of what is counted.
      i = next;
      continue;
    }
    if (lower === 'and' && words.length > 0) {
      const after = text.slice(next, next + 60);
      // "Nine Household Waste and Recycling Sites": "and" inside a capitalised name.
      const capitalised = /^[A-Z]/.test(words[words.length - 1]) && /^\s[A-Z]/.test(after);
      // "eight county and district councils", "two large housing and employment sites": a shared plural head follows.
      const sharedHead = !words.some(isPlural) && /^(?:\s[a-z][a-z-]*){0,2}\s[a-z][a-z'’-]*s\b/.test(after) && !/^\s(?:the|a|an|our|their|its)\b/.test(after);
      if (capitalised || sharedHead) {
        words.push('and');
        i = next;
        continue;
      }
    }
    if (STOP.has(lower) || /^\d/.test(w) || MONTH_WORD.test(w)) break;
    if (words.length > 0) {
      // After the noun, a verb ends the phrase: "668 families achieved …", "146 schools sign up".
      if (/^[a-z]+ed$/.test(w) && !ED_NOT_VERB.test(w)) break;
      // "16 LACs covering 23 locations" ends at the -ing word; "10 car parking spaces", "housing and employment sites" do not.
      if (/^[a-z]+ing$/.test(w) && VERB_OBJECT.test(text.slice(next, next + 12).trimStart())) break;
    }
    // "18 increased farm productivity": a participle first must be followed soon by a plural ("32 trained volunteers").
    if (words.length === 0 && /^[a-z]+ed$/.test(w) && !ED_NOT_VERB.test(w)) {
      const ahead = text.slice(next, next + 40).trim().split(/\s+/).slice(0, 2);
      if (!ahead.some((x) => isPlural(x.replace(/[^a-z'’-]/g, '')))) break;
    }
    words.push(w);
    i = next;
    end = i;
    // A unit of measure written as a word is plural or abbreviated ("miles", "km"); "76,000 page views" counts views.
    if (MEASURES.has(lower) && words.length === 1 && (/s$/.test(lower) || /^(?:km|ha|mw|kw|kwh|mwh|gwh|m2)$/.test(lower))) {
      // A unit of measure is the whole unit, with what it measures: "tonnes of rock salt".
      const of = ofPhrase(text, i);
      words.push(...of.words);
      if (of.words.length) end = of.end;
      break;
    }
    if (isPlural(w)) break;
  }
  // Trailing participles and adverbs belong to the verb, not the noun: "trees planted", "jobs created".
  while (words.length > 1 && /(?:ed|ing|ly)$/i.test(words[words.length - 1]) && !/^[A-Z]/.test(words[words.length - 1]) && !/(?:ings|ding|ling|thing|ring)$/.test(words[words.length - 1]) && !ED_NOT_VERB.test(words[words.length - 1])) {
    const w = words.pop()!;
    // Back over the spaces before the dropped word only (never the whole text before it).
    end = text.lastIndexOf(w, end);
    while (end > 0 && /\s/.test(text[end - 1])) end--;
  }
  if (words.length === 1 && /(?:ed|ly)$/i.test(words[0]) && !ED_NOT_VERB.test(words[0])) return { unit: '', end: from };
  const unit = words.join(' ').trim();
  const first = unit.split(' ')[0]?.toLowerCase();
  if (first && MEASURES.has(first) && unit.split(' ').length === 1) return { unit: [MEASURES.get(first)!, ...unit.split(' ').slice(1)].join(' '), end };
  return { unit, end };
}

const MONTH_WORD = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;
