// The PDF is the HTML report printed by Chromium: A4, tagged (accessible structure), bookmarks from
// headings, "Page N of M" in the footer and DRAFT on every page of a draft.
import type { Browser } from 'playwright-core';
import { escapeHtml } from './escape.js';
import { withBrowser } from './browser.js';

export interface PdfOptions {
  chromiumPath: string;
  /** Reuse a running browser (the reports service prints several files with one). */
  browser?: Browser;
  /** Footer text beside the page number, e.g. "Fenmarsh Council: Annual Delivery Report 2023/24". */
  footerText: string;
  draft: boolean;
}

const SMALL = 'font-family: Arial, Helvetica, sans-serif; font-size: 8pt; color: #0b0c0c; width: 100%; margin: 0 14mm;';

export function footerTemplate(text: string, draft: boolean): string {
  return `<div style="${SMALL} display: flex; justify-content: space-between;"><span>${draft ? '<b>DRAFT</b> · ' : ''}${escapeHtml(text)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

export function headerTemplate(draft: boolean): string {
  return draft ? `<div style="${SMALL} text-align: center; font-weight: bold; letter-spacing: 2px;">DRAFT: NOT FOR PUBLICATION</div>` : '<div></div>';
}

export async function renderPdf(html: string, options: PdfOptions): Promise<Uint8Array> {
  return withBrowser(options.chromiumPath, options.browser, async (browser) => {
    const page = await browser.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        tagged: true,
        outline: true,
        displayHeaderFooter: true,
        headerTemplate: headerTemplate(options.draft),
        footerTemplate: footerTemplate(options.footerText, options.draft),
        margin: { top: '15mm', bottom: '16mm', left: '14mm', right: '14mm' },
      });
      return new Uint8Array(pdf);
    } finally {
      await page.close();
    }
  });
}
