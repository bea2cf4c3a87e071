// Places in report text. A gazetteer is built from the reference areas (councils, regions,
// nations: their short names, "Hinckley and Bosworth", "North West Leicestershire") plus names
// found elsewhere (towns and villages discovered in the text: "in Coalville", "at Melton Mowbray").
// A name is not a place when it is part of an organisation's or a thing's name: "Leicestershire
// County Council", "Leicestershire Business Advisory Service", "Rugby Road", "Visit Leicester".

export interface GazetteerEntry {
  name: string;
  areaCode: string | null;
}

export interface Gazetteer {
  /** Every name (and spelling variant) → its entry; variants point at the canonical name. */
  readonly names: ReadonlyMap<string, GazetteerEntry>;
  /** One pattern matching any name, longest first. */
  readonly pattern: RegExp;
}

export interface FoundPlace {
  name: string;
  areaCode: string | null;
  start: number;
  end: number;
}

export interface AreaInput {
  code: string;
  name: string;
  type: string;
  shortName?: string | null;
}

/** Council suffixes stripped from an area's name to get the place ("Charnwood Borough Council" → "Charnwood"). */
const COUNCIL_SUFFIX = /\s+(?:(?:City|County|District|Borough|Metropolitan Borough|Metropolitan District|Royal Borough|Town|Parish|Unitary)\s+)?Council$|\s+(?:Combined|Mayoral Combined|Strategic)\s+Authority$|\s+CCA$|\s+MCA$/i;
const COUNCIL_PREFIX = /^(?:The\s+)?(?:(?:London|Royal)\s+Borough\s+of|City\s+of|County\s+of|Council\s+of\s+the|Borough\s+of)\s+/i;

/** Names that are also ordinary words or common name parts: they count only after "in", "at", "near" … */
const AMBIGUOUS = new Set(['Reading', 'Bury', 'Hart', 'Eden', 'Rother', 'Swale', 'Wyre', 'Boston', 'Sutton', 'Halton', 'Copeland', 'Craven', 'Angus', 'Highland', 'Brent', 'Barnet', 'Merton', 'Moray', 'Selby', 'Newport', 'Rugby', 'Wealden', 'Fylde']);
/** Nations and regions are kept but never stand for an organisation. */
const NOT_PLACES = new Set(['Council', 'County', 'City', 'Borough', 'District', 'The', 'North', 'South', 'East', 'West']);

function variants(name: string): string[] {
  const out = new Set([name]);
  out.add(name.replace(/ and /g, ' & '));
  out.add(name.replace(/^St\.? /, 'St ').replace(/^St /, 'St. '));
  out.add(name.replace(/^St\.? /, 'Saint '));
  const compass = /^(North|South|East|West) (East|West) /.exec(name);
  if (compass) {
    const rest = name.slice(compass[0].length);
    out.add(`${compass[1]}-${compass[2]} ${rest}`);
    out.add(`${compass[1]}${compass[2].toLowerCase()} ${rest}`);
    out.add(`${compass[1][0]}${compass[2][0]} ${rest}`);
  }
  out.add(name.replace(/-/g, ' '));
  // "Ashby-de-la-Zouch" and "Ashby-De-La-Zouch", "Stoke-on-Trent" and "Stoke-On-Trent".
  const PARTICLES = /-(de|la|le|on|upon|under|in|by|the|en|with|cum)(?=-)/gi;
  out.add(name.replace(PARTICLES, (m) => m.toLowerCase()));
  out.add(name.replace(PARTICLES, (m) => `-${m[1].toUpperCase()}${m.slice(2).toLowerCase()}`));
  return [...out];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Builds a gazetteer from reference areas and any extra names (towns, villages) without an area. */
export function buildGazetteer(areas: AreaInput[], extraNames: string[] = []): Gazetteer {
  const names = new Map<string, GazetteerEntry>();
  const add = (name: string, entry: GazetteerEntry) => {
    for (const v of variants(name)) if (v.length > 2 && !NOT_PLACES.has(v) && !names.has(v)) names.set(v, entry);
  };
  // Councils before regions, so "North East" the region does not shadow a council's name.
  const order = (t: string) => (/region|nation|country/i.test(t) ? 1 : 0);
  for (const a of [...areas].sort((x, y) => order(x.type) - order(y.type))) {
    const short = (a.shortName && a.shortName.trim()) || a.name.replace(COUNCIL_SUFFIX, '').replace(COUNCIL_PREFIX, '').trim();
    if (!short) continue;
    add(short, { name: short, areaCode: a.code });
    // "Dorset Council" → "Dorset", "Buckinghamshire County" → "Buckinghamshire".
    const plain = short.replace(/\s+(?:Council|County|City)$/, '');
    if (plain !== short) add(plain, { name: plain, areaCode: a.code });
  }
  for (const n of extraNames) {
    const name = n.trim();
    if (name) add(name, names.get(name) ?? { name, areaCode: null });
  }
  const alternatives = [...names.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp(`(?<![A-Za-z0-9-])(?:${alternatives.join('|') || '(?!)'})(?![A-Za-z0-9]|-[A-Za-z])`, 'g');
  return { names, pattern };
}

/** Words that, following a place name, make it part of an organisation's or a thing's name. */
const NAME_HEADS = /^(?:County|City|District|Borough|Town|Parish|Council|Councils|Partnership|Service|Services|Business|Enterprise|Partners|Trust|University|College|School|Academy|Hospital|Hospitals|Road|Street|Lane|Way|Avenue|Drive|Park|Centre|Center|Hall|House|Museum|Library|Libraries|Station|Airport|Football|Cricket|Rugby|Club|Fund|Programme|Program|Plan|Strategy|Project|Team|Board|Group|Forum|Network|Hub|Scheme|Award|Awards|Office|Police|Fire|Constabulary|Chamber|Holidays|Together|Virtual|Arts|Forest|Corporation|Prepared|Sports|Sport|Local|Resources|Waste|Cycle|Cycling|Bus|Buses|Rail|Line|Energy|Net|Carbon|Economic|Growth|Safeguarding|Adult|Children|Family|Health|Care|Public|Community|Communities|Voluntary|Record|Records|Archive|Archives|Shared|Enterprise|Employment|Skills|Careers|Learning|Leisure|Tourism|Visitor|Food|Mercury|Tigers|Riders|Foxes|Cathedral|Prison|Court|Market|Works|Ltd|Limited|Plc|LLP|CIC|Charity|Foundation|Society|Association|Alliance|Consortium|Commission|Authority|Agency|Mind|Age|Healthwatch|Water|Housing|Homes|Accord|Deal|Growth|Freeport|Observatory|Online|Connect|Live|Welcome|Day|Week|Month|Festival|Show|Games|Cup|Marathon|Half|Pride|Times|Mercury|Echo|Post|News|Herald)\b/;
/** Words before a place name that make it part of a name ("Invest in Leicester", "Visit Leicester", "University of Leicester"). */
const NAME_LEADS = /(?:\b(?:Visit|Invest in|University of|Universities of|Hospitals of|Hospital of|Diocese of|Bishop of|Mayor of|Duke of|Earl of|Battle of|Siege of|Port of|Bank of|Museum of|Record Office for)\s)$/;
/** Capitalised words that may stand just before a place without making it part of a name. */
const PLACE_OK_BEFORE = new Set(['In', 'At', 'Across', 'Throughout', 'Around', 'Near', 'For', 'To', 'From', 'Of', 'And', 'The', 'Within', 'Outside', 'Rural', 'Urban', 'Greater', 'Central', 'Northern', 'Southern', 'Eastern', 'Western', 'North', 'South', 'East', 'West', 'Mid', 'Inner', 'Outer', 'Whilst', 'While', 'Both', 'All', 'Across', 'Including', 'Like', 'As', 'With', 'By', 'On', 'Into', 'Beyond', 'Where', 'When', 'Here', 'There', 'Also', 'Many', 'Most', 'Some', 'Every', 'Each', 'Our', 'Their', 'Eligible']);
const LOCATIVE = /(?:\b(?:in|at|near|around|across|from|to|of|outside|within|throughout|between|and|into|for|towards|serving|covering|including|visited|visiting)\s|,\s)$/i;

/** Every mention of a gazetteer place in the text. */
export function findPlaces(text: string, g: Gazetteer): FoundPlace[] {
  const out: FoundPlace[] = [];
  g.pattern.lastIndex = 0;
  for (const m of text.matchAll(g.pattern)) {
    const name = m[0];
    const start = m.index;
    const end = start + name.length;
    const entry = g.names.get(name);
    if (!entry) continue;
    const after = text.slice(end, end + 40);
    const before = text.slice(Math.max(0, start - 40), start);
    // "Leicestershire County Council", "Leicestershire Business Advisory Service", "Rugby Road".
    // The capitalised words that follow, across "and", "of", "&" ("Leicester and Leicestershire Enterprise Partnership").
    const run = /^(?:\s(?:and|&|of|for)?\s?[A-Z][A-Za-z]*){1,6}/.exec(after.length < 40 ? after : text.slice(end, end + 80));
    const words = run ? run[0].split(/\s+/).filter((w) => /^[A-Z]/.test(w)) : [];
    if (words.length > 0 && /^\s[A-Z]/.test(after) && words.some((w) => NAME_HEADS.test(w))) continue;
    // Two or more capitalised words straight after: a longer name ("the Leicestershire International Gateway").
    if (/^\s[A-Z][A-Za-z]*\s[A-Z]/.test(after)) continue;
    if (words.length > 1 && /^\s(?:and|&)\s/.test(after) && words.slice(1).some((w) => NAME_HEADS.test(w))) continue;
    if (NAME_LEADS.test(before)) continue;
    // After another capitalised word, mid-sentence, a place is part of a name: "Natural England",
    // "Work and Skills Leicestershire project", "Create Growth East Midlands Consortium".
    const prev = /(?:^|[^A-Za-z'’-])([A-Z][A-Za-z'’-]*)\s$/.exec(before);
    if (prev && !PLACE_OK_BEFORE.has(prev[1])) {
      const at = before.length - prev[0].length + (prev[0].length - prev[1].length - 1);
      const sentenceStart = /(?:^|[.!?:;]\s*|\n\s*|[-–•]\s)$/.test(before.slice(0, Math.max(0, at)));
      if (!sentenceStart) continue;
    }
    if (AMBIGUOUS.has(entry.name) && !LOCATIVE.test(before)) continue;
    out.push({ name: entry.name, areaCode: entry.areaCode, start, end });
  }
  return out;
}

/** Capitalised words that are never towns, even after "in" or "at". */
const NOT_TOWNS = new Set(`The A An Our We Their This That These Those It Its In At On Of And Or For With By From To As Council County City Borough District Parish Town Government Parliament England Britain UK GB Europe EU Covid COVID Coronavirus Lockdown January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Spring Summer Autumn Winter Christmas Easter Year Years Phase Stage Level Wave Key Partnership Partnerships Service Services Strategy Plan Programme Project Team Board Group Scheme Fund Hub Network Forum NHS Ofsted Cabinet Members Member Leicestershire’s Leicestershire's Total Together Addition Particular Response Future Practice Place Places Line Support Part Order Time Person Total General Future Principle Recognition Response Light Relation Line Touch Partnership Collaboration Conjunction Place Favour Respect Terms Turn Total Advance Common Full Person Public Private Practice Line Brief Short Summary Future Detail Future Order Case Effect Fact Time`.split(/\s+/));
const FACILITY_WORDS = /\b(?:Park|Parks|Hall|Road|Street|Lane|Way|Avenue|Drive|School|Academy|College|University|Centre|Center|Hospital|Library|Museum|Station|House|Court|Farm|Estate|Site|Sites|Council|Councils|Partnership|Service|Services|Programme|Project|Team|Board|Group|Trust|Fund|Hub|Network|Forum|Plan|Strategy|Scheme|Office|Airport|Reservoir|Wood|Woods|Forest|Country|Canal|River|Brook|Valley|Quarter|Zone|Award|Awards|Week|Day|Month|Festival|Ltd|Limited|Plc|Club|Society|Association|Alliance|Consortium|Authority|Agency|Police|Prison|Store|Shop|Market|Works|Business|Enterprise|Industrial|Gateway|Junction|Bridge|Crossroads|Interchange|Campus|Depot|Colliery|Battlefield|Quarry|Mine|Airfield|Unit|Units|Close|Crescent|Green|Square|Place|Gardens|Garden|Grove|Walk|Rise|Hill)$/;
const TOWN_WORD = String.raw`[A-Z][a-z]+(?:-(?:de-la-|on-the-|upon-|on-|in-|under-|le-|by-|en-|with-)?[A-Z]?[a-z]+)*`;
const DISCOVER_RE = new RegExp(String.raw`(?:\b(?:in|at|near|around|outside|villages? of|towns? of|town of|village of)\s|,\s)(${TOWN_WORD}(?:\s(?:${TOWN_WORD}|on\sthe\s[A-Z][a-z]+|upon\s[A-Z][a-z]+|de\sla\s[A-Z][a-z]+)){0,2})(?=[\s,.;:)]|’s|'s|$)`, 'g');

/**
 * Town and village names the text places something in, that the gazetteer does not know yet:
 * "opened in Coalville", "at Melton Mowbray", "Apollo Court Business Park, Coalville", "the
 * village of Hallaton". A name counts when it follows such a word, is not followed by a further
 * capitalised word (which would make it part of a longer name), and is not an organisation, a
 * facility, a month or a common capitalised word. Returns each new name once, in order of first use.
 */
export function discoverPlaceNames(text: string, g: Gazetteer): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  /** 'town' when the name is taken; 'site' for a named site ("Watermead Park"), after which a list may go on; else 'no'. */
  const consider = (name: string, end: number, lead: string, at: number): 'town' | 'site' | 'no' => {
    // The name must stop here: "in Leicestershire Holidays Together" is a name, not a place.
    if (/^\s[A-Z]/.test(text.slice(end, end + 2))) return 'no';
    if (FACILITY_WORDS.test(name) && !name.split(/\s+/).some((w) => COMMON_NOUNS.has(w))) return 'site';
    if (!plausibleTown(name, g)) return 'no';
    // A comma lead only counts after a facility or street ("Apollo Court Business Park, Coalville")
    // and when the name ends the phrase ("Rugby Road, Hinckley in 2023").
    if (lead === ', ') {
      const prior = text.slice(Math.max(0, at - 40), at).trim().split(/\s+/).slice(-1)[0] ?? '';
      if (!FACILITY_WORDS.test(prior)) return 'no';
      if (!/^(?:\s?[-–(,.;:]|\s(?:in|on|at|was|is|which|has|were|will|to|and)\b|$)/.test(text.slice(end, end + 8))) return 'no';
    }
    if (!seen.has(name)) {
      seen.add(name);
      found.push(name);
    }
    return 'town';
  };
  for (const m of text.matchAll(DISCOVER_RE)) {
    const name = m[1];
    const start = m.index + m[0].length - name.length;
    let end = start + name.length;
    const lead = m[0].slice(0, m[0].length - name.length);
    // Even when the first name is a site ("in Watermead Park and Broughton Astley"), the rest may be towns.
    if (consider(name, end, lead, m.index) === 'no') continue;
    // "in Ratby and Kirby Muxloe", "at Shepshed, Quorn and Barwell": the rest of a list of places.
    const more = new RegExp(String.raw`^(?:,\s|\s(?:and|&)\s|,\sand\s)(${TOWN_WORD}(?:\s${TOWN_WORD}){0,2})(?=[\s,.;:)]|’s|'s|$)`, 'y');
    for (;;) {
      const rest = more.exec(text.slice(end, end + 80));
      more.lastIndex = 0;
      if (!rest) break;
      const nextEnd = end + rest[0].length;
      if (consider(rest[1], nextEnd, ' and ', end) === 'no') break;
      end = nextEnd;
    }
  }
  // A known place with a second name: "Melton Mowbray distributor road", "Market Harborough" → a town.
  g.pattern.lastIndex = 0;
  for (const m of text.matchAll(g.pattern)) {
    const ext = new RegExp(String.raw`^\s(${TOWN_WORD})\s[a-z]`).exec(text.slice(m.index + m[0].length, m.index + m[0].length + 40));
    if (!ext || NAME_HEADS.test(ext[1]) || AMBIGUOUS.has(m[0])) continue;
    const name = `${m[0]} ${ext[1]}`;
    if (plausibleTown(ext[1], g) && !seen.has(name) && !/^(?:North|South|East|West|Central)$/.test(ext[1])) {
      seen.add(name);
      found.push(name);
    }
  }
  return found;
}

/** Common nouns that reports capitalise and that follow "in" or "at" ("Children in Care", "at Home"). */
const COMMON_NOUNS = new Set(`Home Homes Care Need Needs Space Mind Work Education Health Training Employment Practice Action Business Science Infrastructure Exploitation Behaviour Coordinators Coordinator Grants Grant Hospitals Pride Transport Housing Schools Libraries Touch Crisis Recovery Residence Custody Technology Culture Heritage Tourism Sport Sports Arts Art Highways Highway Planning Waste Recycling Energy Climate Nature Digital Social Adult Adults Children Child Families Family Young People Person Older Public Private Voluntary Community Communities Local National Regional Rural Urban Strategic Economic Economy Growth Skills Learning Safeguarding Enterprise Innovation Partnership Partners Trading Standards Services Service Support Help Advice Response Emergency Resilience Towns Town Villages Village County Counties District Districts Parish Parishes Region Regions Area Areas Sector Sectors Office Offices Team Teams Unit Units Group Groups Board Boards Network Plan Plans Strategy Programme Programmes Project Projects Fund Funds Scheme Schemes Award Awards Day Days Week Weeks Month Year Years Time Times Total Phase Wave Level Stage Lockdown Covid Coronavirus Pandemic Government Ministers Minister Parliament Cabinet Members Council Councils Authority Authorities Leader Leaders Chief Director Officer Officers Staff Employees Residents Users Customers Business Businesses Companies Company Industry Industries Markets Retail Challenge Challenges Shire Place Places Centre Centres Network Networks Hub Hubs Forum Fora Platform Access Tables Table Figure Figures Section Sections Chapter Appendix Annex Note Notes Summary Introduction Conclusion Overview Context Background Challenges Priorities Priority Outcomes Outcome Themes Theme Delivery Performance Progress Development Developments Improvement Improvements`.split(/\s+/));
const NOUN_SUFFIX = /(?:tion|tions|ment|ments|ness|ity|ities|ship|ships|ance|ances|ence|ences|ism|isms|ors|ists|ants|ives|ical|ary|ies)$/;

function plausibleTown(name: string, g: Gazetteer): boolean {
  const words = name.split(/\s+/);
  if (words.some((w) => NOT_TOWNS.has(w) || COMMON_NOUNS.has(w))) return false;
  if (words.some((w) => NOUN_SUFFIX.test(w) && !/^(?:Bury|Tetbury|Sudbury|Banbury|Canterbury|Shrewsbury|Salisbury|Coventry|Daventry|Oswestry|Ely)$/.test(w))) return false;
  if (FACILITY_WORDS.test(name)) return false;
  if (/^[A-Z]+$/.test(name.replace(/[\s-]/g, ''))) return false; // acronyms
  if (g.names.has(name)) return false;
  // A known place joined to another word ("Leicester-Shire") is not a new town.
  if (/-/.test(name) && [...g.names.keys()].some((k) => name.startsWith(`${k}-`))) return false;
  return true;
}
