// Entry text is Markdown written by staff or imported from reports. This is the one place it becomes
// something else: safe HTML for the web pages and the HTML report (parsed, then sanitised once), plain
// text for excerpts and Word, and Markdown with its raw HTML made inert for the Markdown report.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

export const marked = new Marked({ gfm: true, breaks: false, async: false });

const SCHEMES = ['http', 'https', 'mailto'];
const govuk = (tagName: string, className: string) => sanitizeHtml.simpleTransform(tagName, { class: className });
const LISTS_AND_LINKS = {
  p: govuk('p', 'govuk-body'),
  ul: govuk('ul', 'govuk-list govuk-list--bullet'),
  ol: govuk('ol', 'govuk-list govuk-list--number'),
  a: govuk('a', 'govuk-link'),
};
const CLASSES = { p: ['govuk-body'], ul: ['govuk-list', 'govuk-list--bullet'], ol: ['govuk-list', 'govuk-list--number'], a: ['govuk-link'] };
const BASE_TAGS = ['p', 'br', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'a', 'blockquote', 'code'];

/** Web pages: headings inside an entry sit under the page's own h1, so they are demoted to h2 and h3; tables are kept. */
const PAGE: sanitizeHtml.IOptions = {
  allowedTags: [...BASE_TAGS, 'h2', 'h3', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href'], th: ['scope'] },
  allowedSchemes: SCHEMES,
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: govuk('h2', 'govuk-heading-m'), h2: govuk('h2', 'govuk-heading-m'), h3: govuk('h2', 'govuk-heading-m'),
    h4: govuk('h3', 'govuk-heading-s'), h5: govuk('h3', 'govuk-heading-s'), h6: govuk('h3', 'govuk-heading-s'),
    ...LISTS_AND_LINKS,
  },
  allowedClasses: { ...CLASSES, h2: ['govuk-heading-m'], h3: ['govuk-heading-s'] },
};

/** The HTML report: a heading inside an entry would break the report's outline, so it becomes a paragraph. */
const REPORT: sanitizeHtml.IOptions = {
  allowedTags: [...BASE_TAGS, 'sup', 'sub'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: SCHEMES,
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { h1: 'p', h2: 'p', h3: 'p', h4: 'p', h5: 'p', h6: 'p', ...LISTS_AND_LINKS },
  allowedClasses: CLASSES,
};

/** Markdown → HTML that cannot run anything: only the tags above, links to http(s) and mailto only. */
export function markdownToHtml(markdown: string, where: 'page' | 'report' = 'page'): string {
  return sanitizeHtml(marked.parse(markdown) as string, where === 'page' ? PAGE : REPORT).trim();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', colon: ':', tab: '\t', newline: '\n' };

/** Character references → characters, in one pass (so "&amp;lt;" is "&lt;", never "<"). Unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** Plain text of a Markdown body (Word, alt text, excerpts): tags and script content gone, entities decoded once. */
export function markdownToText(markdown: string): string {
  const html = sanitizeHtml(marked.parse(markdown) as string, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(html).replace(/\n{3,}/g, '\n\n').trim();
}

/** The text of an entry on one line, cut at a word boundary: for lists and search results. */
export function plainExcerpt(markdown: string, max = 220): string {
  const text = markdownToText(markdown).replace(/\s+/g, ' ');
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).replace(/[\s,.;:]+$/, '') + '…';
}

/** Raw HTML taken out of Markdown before it is read for a format that is not HTML (Word): script and style with their content, then any tag. */
export function withoutRawHtml(markdown: string): string {
  return markdown
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '');
}

/** Whether a link destination, as a Markdown reader would decode it, is http(s), mailto, or on this site. */
function safeDestination(raw: string): boolean {
  // eslint-disable-next-line no-control-regex -- readers ignore control characters and spaces inside a scheme
  const dest = decodeEntities(raw.replace(/\\([!-/:-@[-`{-~])/g, '$1')).replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  if (/&[a-z]+;/.test(dest)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(dest);
  return !scheme || SCHEMES.includes(scheme[1]);
}

/**
 * Markdown safe to publish as Markdown: every "<" is written "&lt;", so no raw HTML (script, img with
 * onerror, autolinks) survives in any reader; then a link or link definition whose destination is not
 * http(s), mailto or on this site has its "]" escaped, so it reads as text rather than a link. Code
 * shows "&lt;" literally: a price worth paying for a rule that needs no parser to be right.
 */
export function markdownWithoutHtml(markdown: string): string {
  const noHtml = markdown.replace(/</g, '&lt;');
  // A "]" after an odd number of backslashes is escaped already and closes nothing.
  return noHtml.replace(/(\\*)\](?=[(:]\s*([^\s)]*))/g, (whole, slashes: string, dest: string) =>
    (slashes.length % 2 === 1 || safeDestination(dest) ? whole : `${slashes}\\]`));
}
