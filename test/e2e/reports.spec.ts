// Publishing the demo's report in a real browser: the performance officer makes a draft, watches it
// being made, previews it and sends it; the administrator publishes it; a signed-out visitor
// downloads every format from the public Reports page. axe on the workspace's report pages.
import { expect, test } from '@playwright/test';
import { checkAxe, signIn } from './session.js';

test('a report goes from the officer\'s draft to downloads on the public site', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, 'officer');
  await page.getByRole('link', { name: 'Reports', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await checkAxe(page);
  await page.getByRole('button', { name: 'Make the draft' }).click();
  // The answer is the draft's page, which refreshes itself until the draft is ready.
  await expect(page.getByText('The draft report is being made.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send for approval' })).toBeVisible({ timeout: 120_000 });
  await checkAxe(page);
  const preview = await page.request.get(page.url().split('?')[0] + '/preview');
  expect(await preview.text()).toContain('DRAFT');
  await page.getByRole('button', { name: 'Send for approval' }).click();
  await expect(page.getByText('The report was sent to an administrator for approval.')).toBeVisible();
  const reportUrl = page.url().split('?')[0];

  await signIn(page, 'admin');
  await page.goto(reportUrl);
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('heading', { name: 'Published files' })).toBeVisible({ timeout: 120_000 });

  await page.context().clearCookies();
  await page.goto('/reports');
  await expect(page.getByText(/approved by Alex Morgan/).first()).toBeVisible();
  await checkAxe(page);
  const links = page.locator('a[download][href^="/reports/"]');
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const formats = hrefs.map((h) => h.split('.').pop());
  expect(formats.sort()).toEqual(['csv', 'docx', 'html', 'json', 'md', 'pdf']);
  for (const href of hrefs) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`a[href="${href}"]`).click()]);
    expect(download.suggestedFilename()).toMatch(/^demoshire-county-council-/);
    expect((await download.path()) ?? '').not.toBe('');
  }
});
