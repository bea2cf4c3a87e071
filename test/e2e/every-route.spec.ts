// Every route of the public site and the workspace, as each role, at 320 px and 1,280 px: axe finds no
// WCAG 2.2 AA problems and no page is wider than the window. Routes are found by following the links
// the pages offer (one page of each kind), so a page added later is visited too.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, signIn } from './session.js';

type Who = keyof typeof ACCOUNTS;

const WIDTHS = [320, 1280];
/** Path words that name a kind of page rather than a record. */
const PAGE_WORDS = new Set(['new', 'edit', 'history', 'delete', 'facts', 'named', 'admin', 'account', 'story']);
const MAX_PAGES = 70;

/** "/manage/entries/3f2…/edit" → "/manage/entries/:x/edit": one visit for each kind of page. */
function routeOf(path: string): string {
  const parts = path.split('/').filter(Boolean);
  const fixed = parts[0] === 'manage' ? 2 : 1;
  return '/' + parts.map((p, i) => (i < fixed || PAGE_WORDS.has(p) ? p : ':x')).join('/');
}

/** Same-site page links (no downloads, API, assets or signing out). */
async function linksOn(page: Page, within: string): Promise<string[]> {
  const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
  const origin = new URL(page.url()).origin;
  return hrefs
    .map((h) => new URL(h))
    .filter((u) => u.origin === origin && u.pathname.startsWith(within) && !/\.[a-z0-9]+$/i.test(u.pathname))
    .filter((u) => !/^\/(api|assets)\b|sign-out|sign-in/.test(u.pathname))
    .map((u) => u.pathname + (u.pathname.endsWith('/new') ? u.search : ''));
}

/** axe and the page's width, at each width; returns the problems found as lines. */
async function check(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(path);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    if (wide > width) problems.push(`${path} at ${width} px is ${wide} px wide`);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    for (const v of results.violations) problems.push(`${path} at ${width} px: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 2).join(', ')})`);
  }
  return problems;
}

/** Follows links from `start` within `within`, one page of each route, checking each. */
async function crawl(page: Page, start: string, within: string): Promise<{ routes: string[]; problems: string[] }> {
  const queue = [start];
  const seen = new Set<string>();
  const problems: string[] = [];
  while (queue.length && seen.size < MAX_PAGES) {
    const path = queue.shift()!;
    const route = routeOf(path.split('?')[0]);
    if (seen.has(route)) continue;
    seen.add(route);
    const r = await page.goto(path);
    if (!r || r.status() >= 400) continue; // a page this role may not open says so; the route tests cover that
    queue.push(...(await linksOn(page, within)));
    problems.push(...(await check(page, path)));
  }
  return { routes: [...seen], problems };
}

test.describe.configure({ timeout: 600_000 });

test('every public page, at 320 px and 1,280 px', async ({ page }) => {
  const { routes, problems } = await crawl(page, '/', '/');
  expect(routes.length).toBeGreaterThan(10);
  expect(problems).toEqual([]);
});

for (const who of Object.keys(ACCOUNTS) as Who[]) {
  test(`every workspace page as ${who}, at 320 px and 1,280 px`, async ({ page }) => {
    await signIn(page, who);
    const { routes, problems } = await crawl(page, '/manage', '/manage');
    expect(routes.length).toBeGreaterThan(6);
    expect(problems).toEqual([]);
  });
}

test('the Performance table shows its last column at 1,280 px without scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/compendium');
  const region = page.locator('.app-table-wrap', { has: page.locator('table.app-compendium') });
  const { scroll, client } = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
  // Within the window's width (the table may start below the fold, under the page's notes).
  const trend = (await page.getByRole('columnheader', { name: /Trend/ }).boundingBox())!;
  expect(trend.x).toBeGreaterThanOrEqual(0);
  expect(trend.x + trend.width).toBeLessThanOrEqual(1280);
});
