// Entry text is Markdown written by staff or imported from reports. It is turned into HTML with only
// a small set of tags and safe links kept, so nothing written in an entry can run in a reader's browser.
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const heading = (tagName: 'h2' | 'h3') => () => ({ tagName, attribs: { class: tagName === 'h2' ? 'govuk-heading-m' : 'govuk-heading-s' } });

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'a', 'blockquote', 'h2', 'h3', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code'],
  allowedAttributes: { a: ['href'], th: ['scope'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Headings inside an entry sit under the page's own h1: demote them.
  transformTags: {
    h1: heading('h2'), h2: heading('h2'), h3: heading('h2'), h4: heading('h3'), h5: heading('h3'), h6: heading('h3'),
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, class: 'govuk-link' } }),
    ul: (tagName, attribs) => ({ tagName, attribs: { ...attribs, class: 'govuk-list govuk-list--bullet' } }),
    ol: (tagName, attribs) => ({ tagName, attribs: { ...attribs, class: 'govuk-list govuk-list--number' } }),
    p: (tagName, attribs) => ({ tagName, attribs: { ...attribs, class: 'govuk-body' } }),
  },
  allowedClasses: { h2: ['govuk-heading-m'], h3: ['govuk-heading-s'], a: ['govuk-link'], ul: ['govuk-list', 'govuk-list--bullet'], ol: ['govuk-list', 'govuk-list--number'], p: ['govuk-body'] },
};

export function markdownToHtml(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: false });
  return sanitizeHtml(html, ALLOWED);
}

/** The text of an entry without markup, cut at a word boundary: for lists and search results. */
export function plainExcerpt(markdown: string, max = 220): string {
  const text = sanitizeHtml(marked.parse(markdown, { async: false }), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).replace(/[\s,.;:]+$/, '') + '…';
}
