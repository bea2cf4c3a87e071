// Word parity: every heading the HTML (and so the PDF) report has is in the Word document too, with
// what changed, the list of missing measures and the note under each table of how many councils had
// a value. Read from the document's XML; no Chromium needed.
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureInput } from '../../../test/fixtures/report-input.js';
import type { ChangesModel } from '../model/changes.js';
import { buildReportModel } from '../model/index.js';
import { renderReport } from './index.js';

const changes: ChangesModel = {
  from: { periodKey: 'FY2022-23', label: '2022/23', planTitle: 'Fenmarsh Plan' },
  to: { periodKey: 'FY2023-24', label: '2023/24', planTitle: 'Fenmarsh Plan' },
  outcomes: { kept: ['Clean and Green'], renamed: [{ from: 'Healthy Lives', to: 'Living Well' }], added: [], dropped: [], matchedBy: 'plan map' },
  themes: { added: [], dropped: [] },
  commitments: [{ text: 'Open the new recycling centre', due: 'March 2024', status: 'done', statusLabel: 'Done', evidence: ['Recycling centre opened'] }],
  figures: [],
  indicators: { group: 'Fenmarsh and its neighbours', improving: [], worsening: [], steady: 2, notComparable: 1 },
  notes: ['No linked scheme has figures in both years.'],
};
const model = buildReportModel({ ...fixtureInput(), changes });
let html = '';
let wordText = '';
let wordHeadings: string[] = [];

const text = (xml: string) => xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
const decode = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  const files = await renderReport(model, ['html', 'docx'], { chromiumPath: '/nonexistent/chromium' });
  html = new TextDecoder().decode(files.find((f) => f.format === 'html')!.bytes);
  const xml = strFromU8(unzipSync(files.find((f) => f.format === 'docx')!.bytes)['word/document.xml']);
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
  wordText = paragraphs.map(text).join('\n').replace(/[ \t]+/g, ' ');
  wordHeadings = paragraphs.filter((p) => /<w:pStyle w:val="Heading\d"\/>/.test(p)).map((p) => text(p).trim());
}, 60_000);

describe('the Word report has every section of the HTML report', () => {
  it('has each section and sub-section heading (h2, h3) of the HTML', () => {
    const htmlHeadings = [...html.matchAll(/<h([23])[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => decode(m[2]));
    expect(htmlHeadings.length).toBeGreaterThan(10);
    const missing = htmlHeadings.filter((h) => !wordHeadings.some((w) => w.replace(/\s*\[\w+\]$/, '') === h.replace(/\s*(Draft|Submitted for approval)$/, '')));
    expect(missing).toEqual([]);
  });

  it('has what changed, with its parts as headings', () => {
    expect(wordHeadings).toEqual(expect.arrayContaining(['What changed from 2022/23 to 2023/24', 'Outcomes and themes', 'Commitments that fell due', 'Figures that moved', 'Indicators against Fenmarsh and its neighbours']));
    expect(wordText).toContain('Healthy Lives → Living Well');
    expect(wordText).toContain('Open the new recycling centre (due March 2024): Done');
  });

  it('has the missing measures with their reasons and how many councils had a value under each table', () => {
    const c = model.compendium!;
    expect(c.missing!.length).toBeGreaterThan(0);
    for (const m of c.missing!) expect(wordText).toContain(`${m.title} (${m.code}): ${m.reason}`);
    for (const o of c.outcomes) expect(wordText).toContain(o.coverage!);
    for (const r of c.outcomes.flatMap((o) => o.rows)) expect(wordText).toContain(r.missingReason ?? r.coverageText);
  });
});
