// Lines that belong to the page or the website rather than to the report: protective markings,
// appendix labels, directorate initials, a committee's name in capitals, "Back to top", image and
// chart captions, a date standing alone, a web host's wrapper. They are dropped as furniture (and
// counted), never taken as headings.

const MARKING = /^(?:public|official(?:[\s-]+sensitive)?|not protectively marked|unclassified|restricted|confidential|draft|for publication|not for publication|exempt)$/i;
const APPENDIX = /^(?:appendix|annex|annexe|schedule)\s+(?:\d{1,2}|[a-z]|[ivx]{1,4})\.?$/i;
const BODY_IN_CAPS = /\b(?:COUNCIL|COMMITTEE|CABINET|BOARD|SCRUTINY|PANEL|EXECUTIVE|OVERVIEW)\b/;
const WEB = /^(?:back to top|return to top|top of page|skip to (?:main )?content|accessibility(?: skip to main content)?|print(?: this page)?|share(?: this page)?|translation disclaimer\b.*|cookies?|menu|search|home|transcript|documents|category:?|upload:.*|\d+ (?:views?|downloads?)|post(?:ed)? on .{4,20}|page \d+:.*|published:?\s.{4,30})$/i;
// A caption: "Pie chart - …", "Figure 3: …", "Image: …" (capitalised, then a number or a colon or dash).
const PICTURE = /^(?:Image|Picture|Photo(?:graph)?|Figure|Chart|Graph|Pie [Cc]hart|Bar [Cc]hart|Map|Infographic|Logo|Icon)(?:\s+\d+[a-z]?)?\s*[:–-]/;
const ALT_TEXT = /^(?:(?:an?|the)\s+)?(?:pie chart|bar chart|line chart|chart|graph|infographic|image|photo(?:graph)?|picture|diagram|map|illustration)\s+(?:showing|shows|of|illustrating|depicting|displaying)\s/i;
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
const DATE_ALONE = new RegExp(`^(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\s+\\d{4}$`, 'i');
const SIGN_OFF = /^(?:thank you\.?|thanks\.?|yours (?:sincerely|faithfully),?|best wishes,?|kind regards,?)$/i;
const DOMAIN = /^(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov\.uk|org\.uk|co\.uk|gov\.wales|gov\.scot|com|org|net|wales|scot)\/?$/i;
const TRANSLATED = /^\(?this (?:content|page) has been translated by a computer/i;

/** Whether a whole line (trimmed) is page or website furniture rather than the report's own words. */
export function isFurnitureLine(line: string): boolean {
  const t = line.trim().replace(/^[#*_\s]+|[*_\s]+$/g, '');
  if (/^page \d+:\s/i.test(t)) return true; // a document host's page header
  if (!t || t.length > 160) return false;
  // A long line of running text is furniture only as a translation notice, a caption or a committee's name in capitals.
  if (t.length > 90 && !/^(?:translation|\(?this (?:content|page))/i.test(t) && /[a-z]/.test(t)) return false;
  if (SIGN_OFF.test(t) || DOMAIN.test(t) || /^\S.{0,60}\s?-?\.\.\.$/.test(t)) return true;
  if (MARKING.test(t) || APPENDIX.test(t) || WEB.test(t) || DATE_ALONE.test(t) || TRANSLATED.test(t)) return true;
  if (PICTURE.test(t) && t.length <= 90 && !/[.!?]$/.test(t)) return true;
  // A caption of one sentence ("Figure 4: Summary of results across the five objectives.").
  if (/^(?:Figure|Chart|Graph|Table|Diagram)\s+\d+[a-z]?\s*:/.test(t) && t.length <= 120 && !/[.!?]\s/.test(t)) return true;
  // Alternative text of a picture left in a web page: "pie chart showing money spent in 2021 to 2022", an empty '""'.
  if (ALT_TEXT.test(t) && !/[.!?]\s/.test(t)) return true;
  if (/^["“”']{2}$/.test(t)) return true;
  if (/^\/\s/.test(t)) return true; // "/ Report No": a table cell left behind by the extraction
  const letters = t.replace(/[^A-Za-z]/g, '');
  const caps = letters.length >= 2 && letters === letters.toUpperCase();
  // Directorate or team initials ("CFS", "A&C", "E&T").
  if (caps && /^[A-Z&/.\s-]{2,8}$/.test(t) && t.split(/\s+/).length <= 2 && letters.length <= 5 && !/^(?:RED|AMBER|GREEN|BLUE|AND|THE)$/.test(t)) return true;
  // A committee's or council's name in capitals at the top of a page.
  return caps && BODY_IN_CAPS.test(t) && t.split(/\s+/).length <= 8;
}

const FIGURE_LINE = /^\s*(?:[£$€]\s?)?-?\d[\d,]*(?:\.\d+)?\s*(?:%|k|m|bn)?\s*$/i;

/**
 * Whether line i sits among the cells of a flattened table: two more figures alone on their lines
 * within four non-blank lines, or one that is a decimal, a percentage or money. (A page number and
 * a footnote's number can stand next to each other; three figures together are a table.)
 */
export function figuresNear(lines: { raw: string }[], i: number): boolean {
  let near = 0;
  for (const step of [-1, 1]) {
    let seen = 0;
    for (let j = i + step; j >= 0 && j < lines.length && seen < 4; j += step) {
      if (lines[j].raw.trim() === '') continue;
      seen++;
      if (!FIGURE_LINE.test(lines[j].raw)) continue;
      if (/[.,%£$€]/.test(lines[j].raw)) return true;
      near++;
    }
  }
  return near >= 2;
}

/** A Markdown file's YAML front matter ("---" … "---" at the top) is the site's, not the report's. */
export function dropFrontMatter(lines: { raw: string; drop: string | null }[]): number {
  const first = lines.findIndex((l) => l.raw.trim() !== '');
  if (first < 0 || lines[first].raw.trim() !== '---') return 0;
  const end = lines.findIndex((l, i) => i > first && l.raw.trim() === '---');
  if (end < 0 || end - first > 60) return 0;
  for (let i = first; i <= end; i++) lines[i].drop = 'furniture';
  return end - first + 1;
}

const COLUMN_GAP = /\S {3,}\S/;

/** A line longer than any page is wide, ending a sentence, before a capital: a web page's paragraph, one a line. */
export const endsLongLine = (prev: string, next: string) => prev.trim().length > 140 && /[.!?:;]["'’”)]?\s*$/.test(prev) && /^\s*["'‘“(]?[A-Z]/.test(next);

/** Columns laid out with spaces (three or more), not counting the gap after a bullet or a list number. */
export function hasColumnGap(raw: string): boolean {
  return COLUMN_GAP.test(raw.trim().replace(/^(?:[-*•◦▪‣●\uf0a7\uf0b7]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/, ''));
}

const ROLE = /^(?:(?:interim |acting |deputy |assistant )?(?:director|head|chief executive|leader|cabinet member|portfolio holder|chair(?:man|woman)?|councillor|cllr|lead member|executive member|corporate director|strategic director|service director|manager)\b)/i;
const NAME = /^(?:(?:councillor|cllr|dr|mr|mrs|ms|miss|professor)\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3}$/;

/** A signature: a person's name on its own line with their role on the next ("Director for …", "Cabinet Member for …"). */
export function isSignature(name: string, role: string | undefined): boolean {
  return NAME.test(name.trim()) && role !== undefined && ROLE.test(role.trim()) && role.trim().length <= 90;
}

/** A name with a role under it, and a footnote (its number alone, its text) at the foot of a page. */
interface FurnitureLine { raw: string; drop: string | null; afterPageBreak: boolean }

const blank = (l: FurnitureLine | undefined) => !l || l.drop !== null || l.raw.trim() === '';

export function dropSignaturesAndFootnotes(lines: FurnitureLine[]): number {
  let n = 0;
  const drop = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (!lines[k].drop && lines[k].raw.trim()) { lines[k].drop = 'furniture'; n++; }
  };
  for (let i = 0; i < lines.length - 1; i++) {
    if (lines[i].drop || !blank(lines[i - 1])) continue;
    if (isSignature(lines[i].raw, lines[i + 1].raw)) drop(i, i + 2);
    if (!/^\s*\d{1,2}\s*$/.test(lines[i].raw) || blank(lines[i + 1])) continue;
    for (let j = i + 1; j < lines.length && j <= i + 8; j++) {
      if (lines[j].drop === 'page-number' || lines[j].afterPageBreak) {
        drop(i, j);
        break;
      }
    }
  }
  return n;
}

