// Publishing the demo's report in a real browser: the performance officer makes a draft, watches it
// being made, previews it and sends it; the administrator publishes it; a signed-out visitor
// downloads every format from the public Reports page. axe on the workspace's report pages.
import fs from 'node:fs';
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
  const draftUrl = page.url().split('?')[0];
  // The officer previews the draft in the browser (DRAFT on it), then its PDF and Word files.
  await page.goto(`${draftUrl}/preview`);
  await expect(page.getByRole('heading', { level: 1, name: /Annual Delivery Report .*DRAFT/ })).toBeVisible();
  await expect(page.getByText('DRAFT: not for publication')).toBeVisible();
  for (const [format, type] of [['pdf', 'application/pdf'], ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']]) {
    const file = await page.request.get(`${draftUrl}/files/${format}`);
    expect(file.status(), format).toBe(200);
    expect(file.headers()['content-type'], format).toContain(type);
    expect((await file.body()).byteLength, format).toBeGreaterThan(1000);
  }
  await page.goto(draftUrl);
  await page.getByRole('button', { name: 'Send for approval' }).click();
  await expect(page.getByText('The report was sent to an administrator for approval.')).toBeVisible();
  const reportUrl = page.url().split('?')[0];

  await signIn(page, 'admin');
  await page.goto(reportUrl);
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('heading', { name: 'Published files' })).toBeVisible({ timeout: 120_000 });

  await page.context().clearCookies();
  // A visitor who has not written anything may be shown the page as it was once while the server renders
  // it again (docs/operations.md, "Public pages after a change"): within seconds it lists the new report.
  await expect(async () => {
    await page.goto('/reports');
    await expect(page.getByText(/approved by Alex Morgan/).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await checkAxe(page);
  const links = page.locator('a[download][href^="/reports/"]');
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const formats = hrefs.map((h) => h.split('.').pop());
  expect(formats.sort()).toEqual(['csv', 'docx', 'html', 'json', 'md', 'pdf']);
  for (const href of hrefs) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`a[href="${href}"]`).click()]);
    expect(download.suggestedFilename()).toMatch(/^demoshire-county-council-/);
    const saved = (await download.path()) ?? '';
    expect(saved).not.toBe('');
    expect(fs.statSync(saved).size, href).toBeGreaterThan(100);
  }
});
