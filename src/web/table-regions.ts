// Wide tables scroll inside their own labelled, focusable region instead of widening the page: every
// table a page renders is wrapped here once, so pages added later fit narrow screens too.

const WRAPPED = /<div class="app-table-wrap"[^>]*>\s*$/;

/** The caption's words (tags removed), to name the region for screen readers. */
function captionOf(table: string): string {
  const caption = /<caption[^>]*>([\s\S]*?)<\/caption>/.exec(table)?.[1] ?? '';
  const text = caption.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().replace(/"/g, '&quot;');
  return text || 'Table';
}

/** Wraps each table not already in an `app-table-wrap` region in one labelled by its caption. */
export function wrapTables(html: string): string {
  return html.replace(/<table\b[\s\S]*?<\/table>/g, (table, offset: number) => {
    if (WRAPPED.test(html.slice(Math.max(0, offset - 300), offset))) return table;
    return `<div class="app-table-wrap" tabindex="0" role="region" aria-label="${captionOf(table)}">${table}</div>`;
  });
}
