import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTestServices } from '../../test/helpers/demo.js';
import { createApp } from './app.js';

let s: Awaited<ReturnType<typeof demoTestServices>>;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  s = await demoTestServices();
  app = createApp(s, { cachePages: false });
});
afterAll(() => s.close());

const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, html: await res.text(), res };
};

/** The indicator codes of the compendium table's rows, in page order. */
const rowCodes = (html: string) => [...html.matchAll(/<th scope="row" class="govuk-table__header"><a class="govuk-link" href="\/indicators\/([^?"]+)\?/g)].map((m) => decodeURIComponent(m[1]));

describe('performance pages on the demo workspace', () => {
  it('home shows each outcome as a strip by status and quartile with the counts in words, every count a link to what it counts', async () => {
    const { status, html } = await get('/');
    expect(status).toBe(200);
    expect(html).toContain('Against target');
    expect(html).toContain('Top quartile');
    // A compact picture, not repeated count tables: strips hidden from screen readers, their words as links.
    expect(html).not.toContain('<table');
    expect(html).toMatch(/<svg class="app-strip__bar"[^>]*aria-hidden="true"/);
    const links = [...html.matchAll(/<a class="govuk-link" href="(\/outcomes\/[^"?#]+)\?rag=green#indicators">[\s\S]*?Green \(met\): <strong>(\d+)<\/strong><\/a>/g)];
    expect(links.length).toBeGreaterThan(0);
    // The link leads to exactly the indicators it counted.
    const [, outcomePath, count] = links[0];
    const outcome = (await get(`${outcomePath}?rag=green`)).html;
    const table = outcome.slice(outcome.indexOf('How we measure it'), outcome.indexOf('</table>', outcome.indexOf('How we measure it')));
    expect(table.match(/<th scope="row"/g)?.length).toBe(Number(count));
    expect(table.match(/Green \(met\)/g)?.length).toBe(Number(count));
    // The entries count links to that year's entries.
    const entries = /<a class="govuk-link" href="(\/outcomes\/[^"?]+\?year=[^"#]+#entries)"><strong>(\d+) entr(?:y|ies)<\/strong>/.exec(html)!;
    const year = (await get(entries[1].replace(/#.*/, '').replace(/&amp;/g, '&'))).html;
    expect(year).toMatch(new RegExp(`${entries[2]} published entr(?:y|ies) dated in \\d{4}/\\d{2}`));
  });

  it('compendium: every indicator with value, status, rank and quartile', async () => {
    const compendium = await s.site.compendium({});
    const { status, html } = await get('/compendium');
    expect(status).toBe(200);
    expect(rowCodes(html).sort()).toEqual(compendium.rows.map((r) => r.indicator.code).sort());
    expect(html).toContain('aria-sort="ascending"');
    const ranked = compendium.rows.find((r) => r.rank !== null)!;
    expect(html).toContain(`${ranked.rank} of ${ranked.group.n}`);
  });

  it('sorts on the server by rank, both ways, keeping unranked rows last', async () => {
    const compendium = await s.site.compendium({});
    const byCode = new Map(compendium.rows.map((r) => [r.indicator.code, r]));
    const asc = rowCodes((await get('/compendium?sort=rank&dir=asc')).html);
    const desc = rowCodes((await get('/compendium?sort=rank&dir=desc')).html);
    const ratio = (code: string) => { const r = byCode.get(code)!; return r.rank === null ? null : r.rank / r.group.n; };
    const ascRatios = asc.map(ratio);
    const ranked = ascRatios.filter((x): x is number => x !== null);
    expect(ranked).toEqual([...ranked].sort((a, b) => a - b));
    expect(ascRatios.slice(ranked.length).every((x) => x === null)).toBe(true);
    const descRanked = desc.map(ratio).filter((x): x is number => x !== null);
    expect(descRanked).toEqual([...ranked].sort((a, b) => b - a));
  });

  it('filters by outcome', async () => {
    const structure = await s.site.requireStructure();
    const outcome = structure.outcomes[0];
    const expected = (await s.site.compendium({ outcomeId: outcome.id })).rows.map((r) => r.indicator.code).sort();
    const { html } = await get(`/compendium?outcome=${outcome.slug}`);
    expect(rowCodes(html).sort()).toEqual(expected);
    expect(expected.length).toBeLessThan((await s.site.compendium({})).rows.length);
  });

  it('rejects bad sort, filter and period values with a 400 that names them', async () => {
    for (const q of ['sort=value%3B--', 'dir=sideways', "outcome=x'--", 'period=%27%20or%201%3D1', 'group=%3Cscript%3E', 'extra=1']) {
      const { status, html } = await get(`/compendium?${q}`);
      expect(status, q).toBe(400);
      expect(html).toContain('There is a problem with the request');
    }
  });

  it('indicator page: figures, both charts as figures with data tables, and CSV downloads', async () => {
    const [code] = rowCodes((await get('/compendium')).html);
    const { status, html } = await get(`/indicators/${encodeURIComponent(code)}`);
    expect(status).toBe(200);
    expect(html).toContain('Against target');
    expect(html).toContain('Rank in group');
    // Beside the value: target, previous value, group median and the middle half of the group.
    expect(html).toMatch(/Middle half of the group[\s\S]{0,80}\d[\s\S]{0,10} to [\s\S]{0,10}\d/);
    expect(html).toMatch(/Since \d{4}\/\d{2}/);
    expect(html.match(/<figure class="cmp-figure[ "]/g)?.length).toBe(2);
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('Data: ');
    expect(html).not.toMatch(/<svg[\s\S]*aria-label="dot"[\s\S]*<\/svg>/);
    const history = await app.request(`/indicators/${encodeURIComponent(code)}/history.csv`);
    expect(history.headers.get('content-type')).toContain('text/csv');
    const lines = (await history.text()).trim().split('\r\n');
    expect(lines[0]).toBe('period_key,period,value,target,group_n,group_median,group_q1,group_q3');
    expect(lines.length).toBeGreaterThan(2);
    const bench = (await (await app.request(`/indicators/${encodeURIComponent(code)}/benchmark.csv`)).text()).trim().split('\r\n');
    expect(bench.filter((l) => l.endsWith(',yes'))).toHaveLength(1);
    expect((await get('/indicators/NOPE-99')).status).toBe(404);
    expect((await app.request('/indicators/NOPE-99/history.csv')).status).toBe(404);
  });

  it('the API gives the same compendium, and refuses bad parameters', async () => {
    const compendium = await s.site.compendium({});
    const res = await app.request('/api/compendium');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.rows.map((r: { code: string }) => r.code).sort()).toEqual(compendium.rows.map((r) => r.indicator.code).sort());
    expect(body.summary.rag).toEqual(compendium.summary.rag);
    expect((await app.request("/api/compendium?group=x';drop")).status).toBe(400);
    expect((await app.request('/api/compendium?outcome=nope')).status).toBe(400);
  });

  it('compendium CSV follows the table', async () => {
    const csv = (await (await app.request('/compendium.csv?sort=rank')).text()).trim().split('\r\n');
    expect(csv[0].split(',').slice(0, 5)).toEqual(['indicator', 'title', 'grouped_under', 'grouped_by', 'period']);
    expect(csv.length - 1).toBe((await s.site.compendium({})).rows.length);
    // The demo's context indicator (under no outcome) is grouped by its source, never under "Other".
    const context = csv.find((line) => line.startsWith('CTX-01,'))!;
    expect(context).toContain(',Invented for the Compendium demo,source,');
    expect(csv.join('\n')).not.toMatch(/\d\.\d*0000000\d/);
  });

  it('compendium page: the summary in words, the group of each row, and every missing measure with its reason', async () => {
    const compendium = await s.site.compendium({});
    const { html } = await get('/compendium');
    expect(html).toContain(`${compendium.summary.indicators} indicators for`);
    expect(html).toContain('<td class="govuk-table__cell">Invented for the Compendium demo</td>');
    const listed = (html.split('id="compendium-missing"')[1] ?? '').split('</ul>')[0].match(/<li>/g)?.length ?? 0;
    expect(listed).toBe(compendium.summary.rag.missing);
  });
});
