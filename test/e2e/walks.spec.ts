// Walks a person takes, with what they tripped over: another council's real report (not one written for
// the demo) uploaded, reviewed and published in part, at 1,280 and 320 px; and the footer's "Sign out",
// which must look like the footer's other links.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { checkAxe, signIn } from './session.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** West Sussex's Drug and Alcohol Partnership progress report (text layer), see ../shared/fixtures/reports/others/SOURCES.md. */
const OTHER_REPORT = path.resolve(root, '../shared/fixtures/reports/others/01-west-sussex-dap-annual-progress-report-2024.txt');

const widerThanViewport = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

test('another council’s report: outline, a move confirmed beside the item, part published, the public site showing just that', async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, 'officer');
  await page.goto('/manage/uploads');
  await page.locator('#report').setInputFiles(OTHER_REPORT);
  await page.getByLabel('Year it was published (optional)').fill('2025');
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check the import' })).toBeVisible();
  // The page's own remedy, not the command line's.
  await expect(page.locator('main')).not.toContainText('--map');
  await expect(page.locator('main')).not.toContainText('(s)');
  await page.getByRole('button', { name: /^Import \d+ entr/ }).click();
  await expect(page.getByText('The report was imported as drafts.')).toBeVisible();
  const batch = page.url().split('?')[0];

  // The outline: the report's own sections, nothing public yet, the period in words.
  const main = page.locator('main');
  await expect(page.getByRole('heading', { level: 2, name: 'Local picture' })).toBeVisible();
  await expect(main).toContainText('Waiting for review: nothing is public yet');
  await expect(main).toContainText('2024/25');
  await expect(main).not.toContainText('FY2024-25');
  await expect(main).not.toContainText('--map');

  // Move one item to an outcome: the confirmation is beside it, in view, not at the top of a long page.
  const item = page.locator('.govuk-summary-card').filter({ hasText: 'Breaking drug supply chains' }).first();
  await item.getByText('Move to another outcome or theme').click();
  await item.getByLabel('Outcome and theme').selectOption({ label: 'Safe and Well-Connected Places' });
  await item.getByRole('button', { name: 'Move' }).click();
  const banner = page.locator('.govuk-notification-banner', { hasText: 'The item was moved.' });
  await expect(banner).toHaveCount(1);
  await expect(banner).toBeInViewport();
  const moved = page.locator('.govuk-summary-card').filter({ hasText: 'Breaking drug supply chains' }).first();
  await expect(moved).toContainText('Safe and Well-Connected Places');
  await moved.getByText('Change the title').click();
  await moved.getByLabel('Title').fill('Breaking drug supply chains across the county');
  await moved.getByRole('button', { name: 'Save the title' }).click();
  const titled = page.locator('.govuk-summary-card').filter({ has: page.getByRole('heading', { level: 3, name: 'Breaking drug supply chains across the county' }) });
  await titled.getByRole('button', { name: /^Accept/ }).click();
  await expect(page.locator('.govuk-notification-banner', { hasText: 'review decision was saved' })).toBeInViewport();
  await page.locator('.govuk-summary-card').filter({ hasText: 'Delivering a world class treatment' }).first().getByRole('button', { name: /^Exclude/ }).click();
  await checkAxe(page);

  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await widerThanViewport(page), `outline at ${width} px`).toBe(false);
    await page.screenshot({ path: `test/output/e2e/walk-outline-${width}.png` });
  }

  await page.getByRole('radio', { name: /Only the accepted items/ }).check();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText('The items were published')).toBeVisible();
  await expect(main).toContainText('Partly published');

  // The public site: the published item under the outcome it was moved to, nothing else from the report.
  // The outcome page opens on the latest year (the demo's 2025/26); the report covers 2024/25.
  await page.goto('/outcomes/safe-and-well-connected-places');
  await page.locator('main').getByRole('link', { name: '2024/25', exact: true }).click();
  await expect(page.locator('main')).toContainText('Showing what was published for 2024/25');
  await expect(page.locator('main')).toContainText('Breaking drug supply chains across the county');
  const yearPage = page.url();
  await expect(page.locator('main')).not.toContainText('world class treatment');
  await page.goto(`/search?q=${encodeURIComponent('"generational shift in the demand for drugs"')}`);
  await expect(page.locator('main')).toContainText('0 results');
  // Undone, the report leaves nothing behind, published part included.
  await page.goto(batch);
  await page.getByRole('link', { name: 'Undo this import' }).click();
  await page.getByRole('button', { name: 'Undo the import' }).click();
  await expect(page.getByText('The import was undone')).toBeVisible();
  await page.goto(yearPage);
  await expect(page.locator('main')).toContainText('Safe and Well-Connected Places');
  await expect(page.locator('main')).not.toContainText('Breaking drug supply chains');
});

test('the footer’s "Sign out" looks like the footer’s links, with the yellow focus', async ({ page }) => {
  await signIn(page, 'contributor');
  const footer = page.locator('.govuk-footer');
  const signOut = footer.getByRole('button', { name: 'Sign out' });
  const style = (el: Element) => { const s = getComputedStyle(el); return { color: s.color, underline: s.textDecorationLine, size: s.fontSize, background: s.backgroundColor }; };
  const link = await footer.getByRole('link', { name: 'Accessibility' }).evaluate(style);
  const button = await signOut.evaluate(style);
  expect(button).toEqual({ ...link, background: 'rgba(0, 0, 0, 0)' });
  await signOut.focus();
  expect(await signOut.evaluate(style)).toMatchObject({ color: 'rgb(11, 12, 12)', background: 'rgb(255, 221, 0)' });
  await checkAxe(page);
});
