// Every kind of public page in a real browser on the demo workspace: axe finds no WCAG 2.2 AA
// problems, the page works without JavaScript, and the Content-Security-Policy blocks nothing of ours.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page, type APIRequestContext } from '@playwright/test';

async function publicPages(request: APIRequestContext): Promise<string[]> {
  const plan = await (await request.get('/api/plan')).json();
  const entries = await (await request.get('/api/entries?pageSize=1')).json();
  const indicators = await (await request.get('/api/indicators')).json();
  const places = await (await request.get('/api/places')).json();
  const outcome = plan.outcomes[0];
  const district = places.districts.find((d: { entries: number }) => d.entries > 0);
  const named = places.places[0];
  return [
    '/',
    outcome.url,
    outcome.themes[0].url,
    entries.entries[0].url,
    ...(indicators.length ? [indicators[0].url, '/compendium', '/compendium?sort=rank&dir=desc'] : []),
    '/places',
    ...(district ? [district.url] : []),
    ...(named ? [named.url] : []),
    '/commitments',
    '/commitments?status=late',
    '/search?q=school',
    '/search?q=zzzzqqq',
    '/reports',
    '/funding',
    '/accessibility',
    '/no-such-page',
  ];
}

async function checkAxe(page: Page, url: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const problems = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(problems, url).toEqual([]);
}

test('every public page is free of WCAG 2.2 AA violations and CSP errors', async ({ page, request }) => {
  const urls = await publicPages(request);
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) cspErrors.push(`${page.url()}: ${m.text()}`);
  });
  for (const url of urls) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(url === '/no-such-page' ? 404 : 200);
    await expect(page.locator('h1')).toHaveCount(1);
    await checkAxe(page, url);
  }
  expect(cspErrors).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('search and filters work as plain forms', async ({ page }) => {
    await page.goto('/search');
    await page.getByLabel('Search entries, indicators and commitments').fill('school');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search\?q=school/);
    await expect(page.locator('mark').first()).toBeVisible();
    await page.goto('/commitments');
    await page.getByLabel('Status').selectOption('late');
    await page.getByRole('button', { name: 'Show commitments' }).click();
    await expect(page).toHaveURL(/status=late/);
    await expect(page.locator('tbody .app-status').first()).toContainText('Late');
  });
});

test('keyboard: the skip link is first and leads to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main-content$/);
});
