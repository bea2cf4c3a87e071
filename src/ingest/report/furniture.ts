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
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
const DATE_ALONE = new RegExp(`^(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\s+\\d{4}$`, 'i');
const TRANSLATED = /^\(?this (?:content|page) has been translated by a computer/i;

/** Whether a whole line (trimmed) is page or website furniture rather than the report's own words. */
export function isFurnitureLine(line: string): boolean {
  const t = line.trim().replace(/^[#*_\s]+|[*_\s]+$/g, '');
  if (!t || t.length > 160) return false;
  if (MARKING.test(t) || APPENDIX.test(t) || WEB.test(t) || DATE_ALONE.test(t) || TRANSLATED.test(t)) return true;
  if (PICTURE.test(t) && t.length <= 90 && !/[.!?]$/.test(t)) return true;
  if (/^\/\s/.test(t)) return true; // "/ Report No": a table cell left behind by the extraction
  const letters = t.replace(/[^A-Za-z]/g, '');
  const caps = letters.length >= 2 && letters === letters.toUpperCase();
  // Directorate or team initials ("CFS", "A&C", "E&T").
  if (caps && /^[A-Z&/.\s-]{2,8}$/.test(t) && t.split(/\s+/).length <= 2 && letters.length <= 5) return true;
  // A committee's or council's name in capitals at the top of a page.
  return caps && BODY_IN_CAPS.test(t) && t.split(/\s+/).length <= 8;
}
