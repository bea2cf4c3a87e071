import { describe, expect, it } from 'vitest';
import { decodeEntities, marked, markdownToHtml, markdownToText, markdownWithoutHtml, plainExcerpt, withoutRawHtml } from './markdown.js';

const HOSTILE = [
  'Before <script>alert(1)</script> after',
  'An image <img src=x onerror=alert(2)> here',
  'A [link](javascript:alert(3)) here',
  'A [spaced link]( JaVaScRiPt:alert(4) ) here',
  'An [entity link](&#106;avascript&#58;alert(5)) here',
  'A [named-entity link](javascript&colon;alert(6)) here',
  'An [escaped link](javascript\\:alert(7)) here',
  'A [reference link][r] here\n\n[r]: javascript:alert(8)',
  'An ![image](javascript:alert(9)) here',
  '<a href="javascript:alert(10)">raw link</a>',
  '<div onclick="alert(11)">div</div>',
  '> quoted <iframe src="javascript:alert(12)"></iframe>',
  '`code` then <svg onload=alert(13)>',
  'An autolink <javascript:alert(14)>',
];

/** What a Markdown viewer would show: marked's own HTML, with no sanitising of ours. */
const viewed = (markdown: string) => marked.parse(markdown) as string;
const RUNNABLE = /<(script|img|svg|iframe|div)|<[^>]*\son\w+=|href="\s*javascript|src="\s*javascript/i;

describe('Markdown for the web and the HTML report', () => {
  it('keeps formatting and safe links and drops anything that could run', () => {
    const html = markdownToHtml('## Heading\n\n**bold** and [a page](https://example.org) and [here](/outcomes/x)\n\n- one\n- two');
    expect(html).toContain('<h2 class="govuk-heading-m">Heading</h2>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<a href="https://example.org" class="govuk-link">a page</a>');
    expect(html).toContain('<a href="/outcomes/x" class="govuk-link">here</a>');
    expect(html).toContain('<ul class="govuk-list govuk-list--bullet">');
    for (const md of HOSTILE) {
      expect(markdownToHtml(md), md).not.toMatch(RUNNABLE);
      expect(markdownToHtml(md, 'report'), md).not.toMatch(RUNNABLE);
    }
  });

  it('turns headings into paragraphs in the report, so the outline stays the report\'s', () => {
    expect(markdownToHtml('# Big', 'report')).toBe('<p>Big</p>');
  });

  it('keeps text that is written as an entity as text: &amp;lt;b&amp;gt; is never a tag', () => {
    expect(markdownToHtml('Write &amp;lt;b&amp;gt; for bold')).toBe('<p class="govuk-body">Write &amp;lt;b&amp;gt; for bold</p>');
    expect(markdownToHtml('Write &lt;b&gt; for bold')).toBe('<p class="govuk-body">Write &lt;b&gt; for bold</p>');
    expect(markdownToText('Write &amp;lt;b&amp;gt; for bold')).toBe('Write &lt;b&gt; for bold');
    expect(plainExcerpt('Write &amp;lt;b&amp;gt; for bold')).toBe('Write &lt;b&gt; for bold');
    expect(plainExcerpt('Fish &amp; chips <script>alert(1)</script>')).toBe('Fish & chips');
  });

  it('decodes character references once', () => {
    expect(decodeEntities('&amp;lt; &lt; &#60; &#x3C; &unknown; &#0;')).toBe('&lt; < < < &unknown; \ufffd');
  });

  it('cuts an excerpt at a word', () => {
    expect(plainExcerpt('one two three four five', 12)).toBe('one two…');
  });
});

describe('Markdown published as Markdown', () => {
  it('leaves nothing a Markdown viewer would run', () => {
    for (const md of HOSTILE) {
      const safe = markdownWithoutHtml(md);
      expect(safe, md).not.toContain('<');
      expect(viewed(safe), md).not.toMatch(RUNNABLE);
      expect(viewed(safe), md).not.toMatch(/href="[^"]*alert/i);
    }
    expect(viewed(markdownWithoutHtml('[x](javascript:alert(1))'))).toContain('[x](javascript:alert(1))');
  });

  it('keeps ordinary Markdown and safe links as they were', () => {
    const md = '# Title\n\n**Bold** text, a [link](https://example.org/a_(b)), a [page](/places), [mail](mailto:a@b.org) and [top](#top).\n\n> quote\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n[ref]: https://example.org';
    expect(markdownWithoutHtml(md)).toBe(md);
  });

  it('does not turn an already escaped bracket into a link', () => {
    expect(markdownWithoutHtml('\\[x\\](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
    expect(viewed(markdownWithoutHtml('[x\\\\](javascript:alert(1))'))).not.toMatch(/href=/);
  });
});

describe('Markdown read for Word', () => {
  it('drops raw HTML and script content but keeps the Markdown', () => {
    expect(withoutRawHtml('**Hi** <script>alert(1)</script><b>there</b> <!-- note -->&amp;lt;b&amp;gt;')).toBe('**Hi** there &amp;lt;b&amp;gt;');
  });
});
