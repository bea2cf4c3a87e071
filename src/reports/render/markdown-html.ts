// Entry text is Markdown written by council staff (or imported): turned into safe HTML with GOV.UK classes.
// Raw HTML in it is never trusted: scripts, styles, event handlers and unknown tags are removed.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'a', 'br', 'blockquote', 'code', 'sup', 'sub'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  disallowedTagsMode: 'discard',
  transformTags: {
    // Headings inside an entry would break the report's outline: they become bold paragraphs.
    h1: 'p', h2: 'p', h3: 'p', h4: 'p', h5: 'p', h6: 'p',
    p: sanitizeHtml.simpleTransform('p', { class: 'govuk-body' }),
    ul: sanitizeHtml.simpleTransform('ul', { class: 'govuk-list govuk-list--bullet' }),
    ol: sanitizeHtml.simpleTransform('ol', { class: 'govuk-list govuk-list--number' }),
    a: sanitizeHtml.simpleTransform('a', { class: 'govuk-link' }),
  },
  allowedClasses: { p: ['govuk-body'], ul: ['govuk-list', 'govuk-list--bullet'], ol: ['govuk-list', 'govuk-list--number'], a: ['govuk-link'] },
};

export function markdownToHtml(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, SANITIZE).trim();
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The Markdown with any raw HTML taken out (tags, and the content of scripts and styles), for formats that are not HTML. */
export function stripRawHtml(markdown: string): string {
  return decode(sanitizeHtml(markdown, { allowedTags: [], allowedAttributes: {}, disallowedTagsMode: 'discard' }));
}

/** Plain text of a Markdown body (for Word and for alt text): tags gone, entities decoded. */
export function markdownToText(markdown: string): string {
  const html = sanitizeHtml(marked.parse(markdown) as string, { allowedTags: [], allowedAttributes: {} });
  return decode(html).replace(/\n{3,}/g, '\n\n').trim();
}

export { marked };
