// The staff workspace in a real browser on the demo workspace: the whole cycle for an entry and for an
// indicator value (contributor → performance officer → public site and search), one flow by keyboard
// alone, and axe (WCAG 2.2 AA) on every workspace page.
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, checkAxe, signIn } from './session.js';

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, matches: (el: { tag: string; text: string; label: string; name: string; type: string }) => boolean, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLInputElement | null;
      if (!a) return { tag: '', text: '', label: '', name: '', type: '' };
      const label = a.id ? document.querySelector(`label[for="${a.id}"]`)?.textContent ?? '' : '';
      return { tag: a.tagName.toLowerCase(), text: (a.textContent ?? '').trim(), label: label.trim(), name: a.getAttribute('name') ?? '', type: a.getAttribute('type') ?? '' };
    });
    if (matches(el)) return;
  }
  throw new Error('could not reach the element by Tab');
}

test('an entry goes from contributor to public site and search', async ({ page }) => {
  const title = `Opened the Brookvale repair café ${Date.now()}`;
  await signIn(page, 'contributor');
  await page.getByRole('link', { name: 'Write a new entry' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Achievement: something delivered').check();
  await page.getByLabel('Outcome', { exact: true }).selectOption({ label: 'A Cleaner, Greener Demoshire' });
  await page.getByLabel('Service', { exact: true }).selectOption('Environment and Waste');
  await page.getByLabel('Reporting period').fill('2024/25');
  await page.getByLabel('What happened').fill('A volunteer repair café opened, fixing 300 items in its first month.');
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await expect(page.getByText('The entry was saved as a draft.')).toBeVisible();
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page.getByText('The entry was submitted for approval.')).toBeVisible();
  const entryPath = new URL(page.url()).pathname;

  await signIn(page, 'officer');
  await page.getByRole('link', { name: title }).first().click();
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('The entry was approved.')).toBeVisible();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Publish this');
  await page.getByRole('button', { name: 'Yes, publish it' }).click();
  await expect(page.getByText('it is now on the public site')).toBeVisible();

  const id = entryPath.split('/').pop();
  await page.goto(`/entries/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await page.goto(`/search?q=${encodeURIComponent('repair café Brookvale')}`);
  await expect(page.locator(`a[href="/entries/${id}"]`).first()).toBeVisible();
});

test('an indicator value goes from contributor to the public indicator page', async ({ page, request }) => {
  await signIn(page, 'contributor');
  await page.getByRole('link', { name: 'Enter an indicator value' }).click();
  const select = page.getByLabel('Indicator');
  const first = await select.locator('option:not([value=""])').first();
  const indicatorText = (await first.textContent())!;
  const code = indicatorText.split(':')[0];
  await select.selectOption({ label: indicatorText });
  await page.getByLabel('Period', { exact: true }).fill('2012/13');
  await page.getByLabel('Value').fill('48.7');
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await expect(page.getByText('The value was saved as a draft.')).toBeVisible();
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page.getByText('The value was submitted for approval.')).toBeVisible();
  const valuePath = new URL(page.url()).pathname;

  const before = await (await request.get(`/indicators/${code}`)).text();
  expect(before).not.toContain('2012/13');

  await signIn(page, 'officer');
  await page.goto(valuePath);
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Publish this');
  await page.getByRole('button', { name: 'Yes, publish it' }).click();
  await expect(page.getByText('The value was published')).toBeVisible();
  await page.goto(`/indicators/${code}`);
  await expect(page.locator('main')).toContainText('2012/13');
  await expect(page.locator('main')).toContainText('48.7');
});

test('a contributor can write and submit an entry with the keyboard alone', async ({ page }) => {
  const title = `Keyboard entry ${Date.now()}`;
  await page.context().clearCookies();
  await page.goto('/manage/sign-in');
  await tabTo(page, (e) => e.name === 'email');
  await page.keyboard.type(ACCOUNTS.contributor[0]);
  await tabTo(page, (e) => e.name === 'password');
  await page.keyboard.type(ACCOUNTS.contributor[1]);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  await tabTo(page, (e) => e.tag === 'a' && e.text === 'Write a new entry');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Write a new entry' })).toBeVisible();
  await tabTo(page, (e) => e.name === 'title');
  await page.keyboard.type(title);
  await tabTo(page, (e) => e.name === 'kind');
  await page.keyboard.press('Space');
  await tabTo(page, (e) => e.name === 'service');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, (e) => e.name === 'periodKey');
  await page.keyboard.type('2024/25');
  await tabTo(page, (e) => e.name === 'body');
  await page.keyboard.type('Written and submitted without a mouse.');
  await tabTo(page, (e) => e.tag === 'button' && e.text === 'Save as draft');
  await page.keyboard.press('Enter');
  await expect(page.getByText('The entry was saved as a draft.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await tabTo(page, (e) => e.tag === 'button' && e.text === 'Submit for approval');
  await page.keyboard.press('Enter');
  await expect(page.getByText('The entry was submitted for approval.')).toBeVisible();
});

test('every workspace page is free of WCAG 2.2 AA violations', async ({ page }) => {
  test.setTimeout(180_000); // some forty pages, each checked by axe
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) cspErrors.push(`${page.url()}: ${m.text()}`);
  });
  await page.context().clearCookies();
  await page.goto('/manage/sign-in');
  await checkAxe(page);
  await page.getByRole('button', { name: 'Sign in' }).click(); // empty: the error summary and inline errors
  await expect(page.locator('.govuk-error-summary')).toBeVisible();
  await checkAxe(page);

  await signIn(page, 'admin');
  const pages = ['/manage', '/manage/entries', '/manage/entries?state=draft', '/manage/entries/new', '/manage/values', '/manage/values/new',
    '/manage/indicators', '/manage/indicators/new', '/manage/commitments', '/manage/commitments?status=delivered', '/manage/calendar', '/manage/funding', '/manage/funding/story', '/manage/uploads', '/manage/audit', '/manage/users', '/manage/users/new', '/manage/plan', '/manage/settings', '/manage/account', '/manage/no-such-page'];
  for (const url of pages) {
    await page.goto(url);
    await expect(page.locator('h1')).toHaveCount(1);
    await checkAxe(page);
  }
  // Pages reached from lists: an entry, its form and history; a value; an outcome; a user.
  await page.goto('/manage/entries');
  await page.locator('main table a').first().click();
  await checkAxe(page);
  const entryUrl = page.url();
  for (const suffix of ['/edit', '/history', '/delete']) {
    await page.goto(entryUrl + suffix);
    await checkAxe(page);
  }
  await page.goto('/manage/values');
  const valueLink = page.locator('main table a').first();
  if (await valueLink.count()) {
    await valueLink.click();
    await checkAxe(page);
  }
  // A commitment with its status form, and its history.
  await page.goto('/manage/commitments');
  await page.locator('main table a').first().click();
  await expect(page.getByRole('group', { name: 'Where does it stand?' })).toBeVisible();
  await checkAxe(page);
  await page.goto(page.url() + '/history');
  await checkAxe(page);
  // An indicator with its targets and target form, its definition form and history, and both forms with errors.
  await page.goto('/manage/indicators');
  await page.locator('main table a').first().click();
  await checkAxe(page);
  const indicatorUrl = page.url();
  await page.getByLabel('Period', { exact: true }).fill('someday');
  await page.getByRole('button', { name: 'Save target' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeVisible();
  await checkAxe(page);
  for (const suffix of ['/edit', '/history']) {
    await page.goto(indicatorUrl + suffix);
    await checkAxe(page);
  }
  await page.goto('/manage/indicators/new');
  await page.getByRole('button', { name: 'Add indicator' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeVisible();
  await checkAxe(page);
  await page.goto('/manage/plan');
  await page.locator('main ol a').first().click();
  await checkAxe(page);
  await page.goto('/manage/users');
  await page.locator('main table a').first().click();
  await checkAxe(page);
  // A report upload's preview, where sections are matched to outcomes.
  await page.goto('/manage/uploads');
  await page.getByLabel('Report file').setInputFiles({
    name: 'demoshire-2025.txt', mimeType: 'text/plain',
    buffer: Buffer.from('A Cleaner, Greener Demoshire\n\nOur aim is a cleaner county.\n\nTree planting – 5,000 trees were planted in 2025.\n'),
  });
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check the import' })).toBeVisible();
  await checkAxe(page);
  // A form with errors.
  await page.goto('/manage/entries/new');
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeVisible();
  await checkAxe(page);
  // The workspace as other roles sees other things (dashboard queues, drafts).
  for (const who of ['officer', 'contributor', 'viewer'] as const) {
    await signIn(page, who);
    await checkAxe(page);
  }
  expect(cspErrors).toEqual([]);
});
