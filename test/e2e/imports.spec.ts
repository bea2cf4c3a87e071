// An imported report in a real browser: upload, its outline, exclude and retitle items, publish the
// accepted part, the public site showing exactly that, and another batch undone; axe on each page.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function checkAxe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), page.url()).toEqual([]);
}

// Letters only, so the item titles stay words.
const stamp = Date.now().toString(36).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)]);
const REPORT = (tag: string) => [
  'A Cleaner, Greener Demoshire', '',
  `Kestrelbrook ${tag} orchard – Volunteers planted 420 fruit trees at Kestrelbrook ${tag} in March 2025.`, '',
  `Heronsgate ${tag} depot – The Heronsgate ${tag} depot now recycles 61% of what it collects.`, '',
  `Sparrowick ${tag} meadow – A wildflower meadow of 12 hectares was sown at Sparrowick ${tag}.`, '',
].join('\n');

async function upload(page: Page, name: string, text: string, year: string) {
  await page.goto('/manage/uploads');
  await page.locator('#report').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.getByLabel('Year it was published (optional)').fill(year);
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check the import' })).toBeVisible();
  await page.getByRole('button', { name: /^Import \d+ entr/ }).click();
  await expect(page.getByText('The report was imported as drafts.')).toBeVisible();
}

const card = (page: Page, title: string) => page.locator('.govuk-summary-card').filter({ has: page.getByRole('heading', { level: 3, name: title }) });

test('a report is uploaded, reviewed, published in part, and another import undone', async ({ page }) => {
  test.setTimeout(180_000);
  await page.context().clearCookies();
  await page.goto('/manage/sign-in');
  await page.getByLabel('Email address').fill('performance@demoshire.example');
  await page.getByLabel('Password').fill('demoshire-performance');
  await page.getByRole('button', { name: 'Sign in' }).click();

  // A second report first: it is the one undone at the end.
  // One report per period (the demo plan runs 2022 to 2026): this one covers 2022/23, the next 2023/24.
  await upload(page, `other-${stamp}-2023.txt`, REPORT(`${stamp}b`), '2023');
  const otherBatch = page.url().split('?')[0];

  await upload(page, `review-${stamp}-2024.txt`, REPORT(stamp), '2024');
  await expect(page.getByRole('heading', { level: 2, name: 'A Cleaner, Greener Demoshire' })).toBeVisible();
  await expect(page.getByText('Mapped to:')).toBeVisible();
  await expect(card(page, `Kestrelbrook ${stamp} orchard`)).toContainText('420 fruit trees');
  await expect(page.locator('.govuk-summary-card')).toHaveCount(3);
  await checkAxe(page);

  await card(page, `Heronsgate ${stamp} depot`).getByRole('button', { name: /^Exclude/ }).click();
  await expect(page.getByText('The item’s review decision was saved.')).toBeVisible();
  await expect(card(page, `Heronsgate ${stamp} depot`)).toContainText('Excluded');

  const orchard = card(page, `Kestrelbrook ${stamp} orchard`);
  await orchard.getByText('Change the title').click();
  await orchard.getByLabel('Title').fill(`Orchard planted at Kestrelbrook ${stamp}`);
  await orchard.getByRole('button', { name: 'Save the title' }).click();
  await expect(page.getByText('The item’s title was saved.')).toBeVisible();
  await card(page, `Orchard planted at Kestrelbrook ${stamp}`).getByRole('button', { name: /^Accept/ }).click();
  await expect(page.getByText('The item’s review decision was saved.')).toBeVisible();
  await checkAxe(page);

  await page.getByRole('radio', { name: /Only the accepted items/ }).check();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText('The items were published')).toBeVisible();
  await checkAxe(page);

  // The public site: the published item, and neither the excluded nor the unreviewed one.
  await page.goto('/');
  await page.getByRole('link', { name: 'A Cleaner, Greener Demoshire' }).first().click();
  const outcomePage = page.locator('main');
  // The page opens on the latest year with published delivery or values (the demo's 2025/26); the
  // report covers 2023/24, which a reader reaches through the page's other years.
  await outcomePage.getByRole('link', { name: '2023/24', exact: true }).click();
  await expect(outcomePage).toContainText('Showing what was published for 2023/24');
  await expect(outcomePage).toContainText(`Orchard planted at Kestrelbrook ${stamp}`);
  await expect(outcomePage).not.toContainText(`Heronsgate ${stamp}`);
  await expect(outcomePage).not.toContainText(`Sparrowick ${stamp}`);
  await expect(outcomePage).not.toContainText(`${stamp}b`);

  // Undo the other batch.
  await page.goto(otherBatch);
  await page.getByRole('link', { name: 'Undo this import' }).click();
  await checkAxe(page);
  await page.getByRole('button', { name: 'Undo the import' }).click();
  await expect(page.getByText('The import was undone')).toBeVisible();
  await page.goto('/manage/imports');
  await expect(page.getByRole('row', { name: new RegExp(`other-${stamp}-2023.txt`) })).toContainText('Undone');
  await expect(page.getByRole('row', { name: new RegExp(`review-${stamp}-2024.txt`) })).toContainText('Published');
  await checkAxe(page);
});
