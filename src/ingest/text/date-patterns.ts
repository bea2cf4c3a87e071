// The regular expressions that find time expressions in report text: the pieces (months, days,
// years, seasons, parts and quarters), the one anchored pattern whose named groups say which form
// matched, and the smaller patterns that read a matched expression's parts.

export const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?`;
export const MONTH_FULL = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December)`;
export const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
export const YEAR = String.raw`(?:19|20)\d{2}`;
export const YEAR_PAIR = String.raw`(?:19|20)\d{2}\s?[/–-]\s?(?:\d{2}|(?:19|20)\d{2})(?![\d%])`;
export const SEASON = String.raw`(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)`;
export const PART = String.raw`(?:[Ee]arly|[Mm]id|[Ll]ate|(?:[Tt]he\s)?(?:[Ee]nd|[Ss]tart|[Bb]eginning|[Mm]iddle|[Ff]irst half|[Ss]econd half)\sof(?:\sthe)?)`;
export const QUARTER = String.raw`(?:Q[1-4]|(?:[Tt]he\s)?(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ll]ast)\squarter\sof)`;

/** One time expression, anchored; named groups tell which form matched. */
export const SINGLE = String.raw`(?:` +
  String.raw`(?<dmy>${DAY}\s${MONTH},?\s${YEAR})` +
  String.raw`|(?<mdy>${MONTH}\s${DAY},\s?${YEAR})` +
  String.raw`|(?<pmy>(?:${PART}\s|${PART}-)?${MONTH}\s(?:of\s)?${YEAR})` +
  String.raw`|(?<sy>(?:${PART}\s)?(?:${SEASON}\s?[/–-]\s?)?${SEASON}(?:\sterm)?\s(?:of\s)?(?:${YEAR_PAIR}|${YEAR}))` +
  String.raw`|(?<qfy>${QUARTER}\s?(?:of\s)?(?:FY\s?)?${YEAR_PAIR}|${YEAR_PAIR}\s(?:Q|[Qq]uarter\s)[1-4])` +
  String.raw`|(?<qy>${QUARTER}\s?(?:of\s)?${YEAR})` +
  String.raw`|(?<py>${PART}[\s-](?:the\s)?(?:(?:financial|academic)\syear\s)?(?:${YEAR_PAIR}(?:\s(?:financial|academic)\syear)?|${YEAR}))` +
  String.raw`|(?<fy>(?:(?:FY|AY)\s?|(?:[Ff]inancial|[Aa]cademic)\syear\s)?${YEAR_PAIR}(?:\s\((?:academic|financial)(?:\syear)?\))?)` +
  String.raw`|(?<rel>(?:(?:the\s)?${SEASON}\s(?:of\s)?|${PART}\s)(?:this|last|next)\syear(?!\s?['’]s))` +
  String.raw`|(?<hol>(?:Easter|Christmas)\s${YEAR})` +
  String.raw`|(?<dm>${DAY}\s${MONTH_FULL}(?!,?\s(?:of\s)?(?:19|20)\d{2}\b))` +
  String.raw`|(?<y>${YEAR})(?![\d,.]\d|%|\s?\/\s?\d)` +
  String.raw`|(?<m>(?:${PART}[\s-])?${MONTH_FULL})` +
  String.raw`)`;

export const PMY_RE = new RegExp(String.raw`^(${PART})?[\s-]?(${MONTH})\s(?:of\s)?(\d{4})$`);
export const SEASON_RE = new RegExp(SEASON);
export const SEASONS_RE = new RegExp(SEASON, 'g');
export const YEAR_PAIR_RE = new RegExp(YEAR_PAIR);
export const PART_RE = new RegExp(PART);
export const PART_START_RE = new RegExp(`^${PART}`);
export const MONTH_ONLY_RE = new RegExp(String.raw`^(${PART})?[\s-]?(${MONTH_FULL})$`);
export const SECOND_MONTH_RE = new RegExp(String.raw`^\s(?:and|to|-|–)\s${MONTH_FULL}\b`);
export const OPEN_ENDED_RE = new RegExp(String.raw`(?:${DAY}\s${MONTH_FULL}|(?:${PART}[\s-])?${MONTH_FULL}(?:\s${DAY})?)(?=\s?(?:to|until|till|and|[-–])\s?(?:${DAY}\s|${PART}[\s-])?${MONTH_FULL})`, 'y');
export const YEAR_AFTER_JOIN_RE = new RegExp(String.raw`(${YEAR})(?![\d%]|[,.]\d)`, 'y');
/** Where a time expression can start: a figure, or a word that begins one. Other words are skipped. */
export const CANDIDATE_RE = /(?<![A-Za-z0-9])(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|[Ee]arly|[Mm]id|[Ll]ate|[Tt]he\s|[Ee]nd|[Ss]tart|[Bb]eginning|[Mm]iddle|[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ll]ast|[Tt]his|[Nn]ext|Q[1-4]|FY|AY|[Ff]inancial|[Aa]cademic|Easter|Christmas))/g;
