// The report's stylesheet: GOV.UK Frontend's CSS with the council's brand and an Arial font stack
// (no GDS Transport, no crown), plus the report's own layout and print rules.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const FONT_STACK = 'Arial,"Helvetica Neue",Helvetica,sans-serif';
let govukCss: string | undefined;

/** GOV.UK Frontend's compiled CSS without web fonts or images: the report must stand alone. */
export function govukFrontendCss(): string {
  if (govukCss === undefined) {
    const dir = path.dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json'));
    const raw = fs.readFileSync(path.join(dir, 'dist', 'govuk', 'govuk-frontend.min.css'), 'utf8');
    govukCss = raw
      .replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '')
      .replace(/@font-face\{[^}]*\}/g, '')
      .replace(/font-family:GDS Transport,arial,sans-serif/g, `font-family:${FONT_STACK}`)
      .replace(/font-family:GDS Transport/g, `font-family:${FONT_STACK}`)
      .replace(/url\(\/assets\/[^)]*\)/g, 'none');
  }
  return govukCss;
}

/** Relative luminance contrast of two #rrggbb colours (WCAG 2). */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
}

/** The brand colour if text on white can be read in it, else near-black (charts and headings need contrast). */
export function readableBrand(brand: string): string {
  return contrastRatio(brand, '#ffffff') >= 4.5 ? brand : '#0b0c0c';
}

/** The page size and the print layout (the PDF is printed from the HTML with these). */
const PRINT_CSS = `@page{size:A4;margin:15mm 14mm 16mm 14mm}
@media print{
  html,body,.govuk-template{background:#ffffff}
  body{font-size:10.5pt;line-height:1.3}
  .govuk-body,.govuk-list,.govuk-summary-list{font-size:10.5pt;line-height:1.3}
  .govuk-skip-link,.cmp-no-print{display:none !important}
  .govuk-width-container{max-width:none;margin:0}
  .govuk-main-wrapper{padding:0}
  .cmp-header{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  .cmp-tag,.cmp-key-figures li,.cmp-figure svg{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  .cmp-title-page{break-after:page}
  .cmp-contents{break-after:page}
  .cmp-outcome,.cmp-compendium,.cmp-other,.cmp-compendium-outcome{break-before:page}
  /* An outcome with nothing delivered is a heading and a sentence (and perhaps commitments): it follows on. */
  .cmp-outcome.cmp-outcome--no-entries{break-before:auto;margin-top:28px}
  h1,h2,h3,h4,h5,h6{break-after:avoid;break-inside:avoid}
  table{break-inside:auto}
  tr,th,td{break-inside:avoid}
  thead{display:table-header-group}
  caption{break-after:avoid}
  .cmp-figure__keep{break-inside:avoid}
  /* Entries flow on from page to page (keeping a heading with its first lines), so pages fill up. */
  .cmp-entry{break-inside:auto;margin-bottom:10px;padding-top:8px}
  .cmp-entry>.govuk-heading-s{margin-bottom:4px}
  p,li{orphans:3;widows:3}
  .govuk-body,.govuk-body-l,.govuk-list{margin-bottom:8px}
  .govuk-body-l{font-size:12pt;line-height:1.3}
  .cmp-entry .govuk-summary-list{margin-bottom:4px;font-size:9.5pt}
  .cmp-entry .govuk-summary-list__key,.cmp-entry .govuk-summary-list__value{padding-top:1px;padding-bottom:1px}
  .cmp-outcome{margin-top:0}
  .cmp-theme{margin-top:16px}
  .govuk-heading-l{margin-bottom:12px}
  .govuk-heading-m{margin-bottom:8px}
  .cmp-contents li{margin-bottom:2px}
  .cmp-table{font-size:9pt}
  .cmp-table .govuk-table__header,.cmp-table .govuk-table__cell{padding:3px 10px 3px 0}
  .govuk-heading-s{font-size:11.5pt}
  .govuk-table{margin-bottom:12px}
  .cmp-table--compendium{font-size:8.5pt}
  /* Columns sized to what they hold: the indicator's name gets 27% of the line, so a long name takes
     two or three lines, not five; the words in the status columns and tags wrap under their symbol. */
  .cmp-table--compendium{table-layout:fixed;width:100%}
  .cmp-table--compendium .cmp-col-name{width:27%}
  .cmp-table--compendium .cmp-col-value,.cmp-table--compendium .cmp-col-median,.cmp-table--compendium .cmp-col-rank{width:8%}
  .cmp-table--compendium .cmp-col-target{width:7%}
  .cmp-table--compendium .cmp-col-rag{width:12%}
  .cmp-table--compendium .cmp-col-direction{width:10%}
  .cmp-table--compendium .cmp-col-quartile{width:9%}
  .cmp-table--compendium .cmp-col-trend{width:11%}
  .cmp-table--compendium tbody th,.cmp-table--compendium tbody td:first-child{min-width:0}
  .cmp-table--compendium .cmp-status,.cmp-table--compendium thead th,.cmp-table--compendium .cmp-tag{white-space:normal}
  .cmp-table--compendium .cmp-tag{padding:1px 3px}
  .cmp-table--compendium .cmp-tag .cmp-symbol{min-width:0}
  .cmp-table--compendium th,.cmp-table--compendium td{padding:3px 6px 3px 0}
  /* A figure with a long unit ("40.3 per 100,000") wraps after its number in the narrow value columns,
     rather than running over the next column. */
  .cmp-table--compendium .cmp-num{white-space:normal}
  /* Every chart's figures are printed too, small, so that the PDF reads without the HTML beside it. */
  .cmp-chart-data{font-size:8pt;margin-bottom:10px}
  .cmp-chart-data .govuk-table__header,.cmp-chart-data .govuk-table__cell{padding:2px 10px 2px 0}
  .cmp-figure{margin-bottom:20px}
  /* A short data table is printed whole, and no caption is cut across two pages. */
  .cmp-chart-data--short{break-inside:avoid}
  caption{break-inside:avoid}
  /* Charts at 85% of the line: their words are still the size of the tables' (8 pt and more), and the
     block a chart keeps together is smaller, so less of a page is left empty when it moves on. */
  .cmp-figure__chart svg{width:85%}
  /* The table of every council in the group in two columns: one under the other it was as tall as the chart. */
  .cmp-figure--position .cmp-figure__data{column-count:2;column-gap:24px;break-inside:avoid}
  .cmp-figure--position .cmp-figure__data .cmp-chart-data{margin-bottom:0}
  a.govuk-link::after{content:none !important}
  /* An entry's heading, key figures and date stay with its first lines (they were left alone at the foot of a page). */
  .cmp-key-figures{break-inside:avoid;break-after:avoid;margin-bottom:8px}
  .cmp-entry__meta{break-after:avoid}
  /* Small print is smaller than the body text, never larger (GOV.UK's print size for it is 14pt). */
  .govuk-body-s,.cmp-entry__meta{font-size:9pt;line-height:1.3}
  /* A commitment's due date and status on one or two lines, not one word to a line. */
  .cmp-table .cmp-col-due{width:7.5em}
  .cmp-table .cmp-col-status{width:6.5em}
  /* The closing line is printed on the title page: at the end it could be left alone on the last page. */
  .cmp-footer{display:none}
  .cmp-colophon{display:block;margin-top:24px;color:#484949}
  .cmp-draft-mark{display:block;position:fixed;top:45%;left:0;right:0;text-align:center;font-size:110pt;font-weight:700;color:#000000;opacity:.09;transform:rotate(-30deg);z-index:1000}
}
`;

export function reportCss(brandColour: string): string {
  const brand = readableBrand(brandColour);
  const headerText = contrastRatio(brandColour, '#ffffff') >= 4.5 ? '#ffffff' : '#0b0c0c';
  return `${govukFrontendCss()}
:root{--govuk-brand-colour:${brand};--cmp-brand:${brandColour};--cmp-brand-text:${headerText}}
body,.govuk-template__body{font-family:${FONT_STACK}}
.cmp-header{background:var(--cmp-brand);color:var(--cmp-brand-text);padding:16px 0;border-bottom:8px solid #0b0c0c}
.cmp-header__council{margin:0;font-weight:700;font-size:1.5rem;line-height:1.25}
.cmp-header__product{margin:0;font-size:1rem}
.cmp-title-page{border-left:10px solid var(--cmp-brand);padding-left:20px;margin-bottom:40px}
.cmp-contents>ol{padding-left:2.4em}
.cmp-contents ol ol{margin-top:5px;margin-left:0;padding-left:1.6em;list-style-type:lower-alpha}
.cmp-entry{border-top:1px solid #b1b4b6;padding-top:15px;margin-bottom:25px}
.cmp-entry__meta{color:#484949}
.cmp-key-figures{display:flex;flex-wrap:wrap;gap:10px;list-style:none;padding:0;margin:0 0 15px}
.cmp-key-figures li{border:2px solid #0b0c0c;padding:4px 10px;font-weight:700;background:#ffffff}
.cmp-outcome{margin-top:50px}
.cmp-table{font-size:1rem}
.cmp-table--compendium{font-size:.875rem}
.cmp-table--compendium th,.cmp-table--compendium td{padding:8px 8px 8px 0;vertical-align:top}
/* The indicator's name gets room to be read: it never wraps one word to a line. */
.cmp-table--compendium tbody th,.cmp-table--compendium tbody td:first-child{min-width:12em}
.cmp-num{text-align:right;white-space:nowrap}
.cmp-status{white-space:nowrap}
.cmp-symbol{display:inline-block;min-width:1.2em;margin-right:.3em;font-weight:700}
.cmp-tag{display:inline-block;padding:2px 6px;border:2px solid #0b0c0c;font-weight:700;white-space:nowrap;color:#0b0c0c;background:#ffffff}
.cmp-tag--green{background:#cce2d8;color:#005a30;border-color:#005a30}
.cmp-tag--amber{background:#fff7bf;color:#594d00;border-color:#594d00}
.cmp-tag--red{background:#f4cdc6;color:#942514;border-color:#942514;border-style:double;border-width:3px}
.cmp-tag--missing{border-style:dashed}
.cmp-tag--no-target{border-style:dotted}
.cmp-figure{margin:0 0 40px;padding:0}
.cmp-figure__chart svg{max-width:100%;height:auto}
.cmp-figure__source{color:#484949}
.cmp-chart-data{font-size:.875rem}
.cmp-indicator{border-top:2px solid #0b0c0c;padding-top:15px;margin-top:30px}
.cmp-draft-mark{display:none}
.cmp-colophon{display:none}
.cmp-footer{margin-top:60px}
.cmp-plot text,.cmp-plot tspan{white-space:pre}
${PRINT_CSS}`;
}
