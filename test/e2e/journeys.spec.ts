// Each role's main tasks by keyboard alone, at a desktop width and at 320 px: the contributor signs in,
// writes and submits an entry and enters and submits a value; the performance officer approves both;
// the administrator publishes both; the viewer reads. Every step is reached with Tab and pressed or
// typed; the focused control must show its focus, the skip link must lead to the content, no page may
// be wider than the window, and each page is kept as a screenshot for review (test/output/e2e/screens).
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS } from './session.js';

const SCREENS = 'test/output/e2e/screens';

interface Focused { tag: string; text: string; name: string; href: string; focusShown: boolean }

/** What has focus, and whether it is drawn as focused (GOV.UK: a yellow fill, an outline or a shadow). */
const focused = (page: Page): Promise<Focused> => page.evaluate(() => {
  const a = document.activeElement as HTMLElement | null;
  if (!a || a === document.body) return { tag: '', text: '', name: '', href: '', focusShown: false };
  const style = getComputedStyle(a);
  const focusShown = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 221, 0)';
  return { tag: a.tagName.toLowerCase(), text: (a.textContent ?? '').replace(/\s+/g, ' ').trim(), name: a.getAttribute('name') ?? '', href: a.getAttribute('href') ?? '', focusShown };
});

/** Presses Tab until the focused element matches and checks that its focus can be seen; fails after `max` presses. */
async function tabTo(page: Page, matches: (el: Focused) => boolean, max = 200) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await focused(page);
    if (matches(el)) {
      expect(el.focusShown, `focus shown on ${el.tag} "${el.text || el.name}" at ${page.url()}`).toBe(true);
      return;
    }
  }
  throw new Error(`could not reach the element by Tab on ${page.url()}`);
}

const button = (text: string) => (el: Focused) => el.tag === 'button' && el.text === text;

async function fitsAndShoot(page: Page, name: string) {
  const width = page.viewportSize()!.width;
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scroll, `${page.url()} at ${width} px`).toBeLessThanOrEqual(width);
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/journey-${name}-${width}.png`, fullPage: true });
}

/** Signs in with the keyboard, starting from the skip link (the first Tab stop), which must lead to the form. */
async function signInByKeyboard(page: Page, who: keyof typeof ACCOUNTS) {
  await page.context().clearCookies();
  await page.goto('/manage/sign-in');
  await page.keyboard.press('Tab');
  expect((await focused(page)).text).toBe('Skip to main content');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#main-content'))), 'the skip link leads into the content').toBe(true);
  await page.keyboard.press('Shift+Tab');
  await tabTo(page, (el) => el.name === 'email');
  await page.keyboard.type(ACCOUNTS[who][0]);
  await tabTo(page, (el) => el.name === 'password');
  await page.keyboard.type(ACCOUNTS[who][1]);
  await tabTo(page, button('Sign in'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 20_000 });
}

for (const [width, period] of [[1280, '2010/11'], [320, '2009/10']] as const) {
  test(`each role's tasks by keyboard alone, from a draft to the public site (${width} px)`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 900 });
    const title = `Keyboard journey at ${width} px ${Date.now()}`;

    // The contributor writes an entry and submits it.
    await signInByKeyboard(page, 'contributor');
    await fitsAndShoot(page, 'contributor-dashboard');
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Write a new entry');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Write a new entry' })).toBeVisible();
    await tabTo(page, (el) => el.name === 'title');
    await page.keyboard.type(title);
    await tabTo(page, (el) => el.name === 'kind');
    await page.keyboard.press('Space');
    await tabTo(page, (el) => el.name === 'service');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, (el) => el.name === 'periodKey');
    await page.keyboard.type('2024/25');
    await tabTo(page, (el) => el.name === 'date-day');
    await page.keyboard.type('30');
    await tabTo(page, (el) => el.name === 'date-month');
    await page.keyboard.type('9');
    await tabTo(page, (el) => el.name === 'date-year');
    await page.keyboard.type('2024');
    await tabTo(page, (el) => el.name === 'body');
    await page.keyboard.type('Written, submitted, approved and published with the keyboard alone: 12 benches repaired.');
    await fitsAndShoot(page, 'entry-form');
    await tabTo(page, button('Save as draft'));
    await page.keyboard.press('Enter');
    await expect(page.getByText('The entry was saved as a draft.')).toBeVisible();
    await tabTo(page, button('Submit for approval'));
    await page.keyboard.press('Enter');
    await expect(page.getByText('The entry was submitted for approval.')).toBeVisible();
    await fitsAndShoot(page, 'entry-submitted');
    const entryPath = new URL(page.url()).pathname;

    // ... and enters an indicator value for a period long ended, and submits it.
    await page.goto('/manage');
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Enter an indicator value');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Enter an indicator value' })).toBeVisible();
    await tabTo(page, (el) => el.name === 'indicatorId');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, (el) => el.name === 'periodKey');
    await page.keyboard.type(period);
    await tabTo(page, (el) => el.name === 'value');
    await page.keyboard.type('51.5');
    await fitsAndShoot(page, 'value-form');
    await tabTo(page, button('Save as draft'));
    await page.keyboard.press('Enter');
    await expect(page.getByText('The value was saved as a draft.')).toBeVisible();
    await tabTo(page, button('Submit for approval'));
    await page.keyboard.press('Enter');
    await expect(page.getByText('The value was submitted for approval.')).toBeVisible();
    await fitsAndShoot(page, 'value-submitted');
    const valuePath = new URL(page.url()).pathname;

    // The performance officer finds both on the dashboard and approves them.
    await signInByKeyboard(page, 'officer');
    await fitsAndShoot(page, 'officer-dashboard');
    await tabTo(page, (el) => el.tag === 'a' && el.href === entryPath);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await fitsAndShoot(page, 'entry-to-approve');
    await tabTo(page, button('Approve'));
    await page.keyboard.press('Enter');
    await expect(page.getByText('The entry was approved.')).toBeVisible();
    await page.goto('/manage');
    await tabTo(page, (el) => el.tag === 'a' && el.href === valuePath);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === valuePath);
    await fitsAndShoot(page, 'value-to-approve');
    await tabTo(page, button('Approve'));
    await page.keyboard.press('Enter');
    await expect(page.getByText('The value was approved.')).toBeVisible();

    // The administrator publishes both, confirming each.
    await signInByKeyboard(page, 'admin');
    await fitsAndShoot(page, 'admin-dashboard');
    await tabTo(page, (el) => el.tag === 'a' && el.href === entryPath);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === entryPath);
    await tabTo(page, button('Publish'));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Publish this');
    await fitsAndShoot(page, 'entry-confirm-publish');
    await tabTo(page, button('Yes, publish it'));
    await page.keyboard.press('Enter');
    await expect(page.getByText('it is now on the public site')).toBeVisible();
    await page.goto('/manage');
    await tabTo(page, (el) => el.tag === 'a' && el.href === valuePath);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === valuePath);
    await tabTo(page, button('Publish'));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Publish this');
    await tabTo(page, button('Yes, publish it'));
    await page.keyboard.press('Enter');
    await expect(page.getByText('The value was published')).toBeVisible();
    await fitsAndShoot(page, 'value-published');

    // The public site shows the entry; the viewer reads the workspace and is offered nothing to write.
    await page.goto(`/entries/${entryPath.split('/').pop()}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await fitsAndShoot(page, 'public-entry');
    await signInByKeyboard(page, 'viewer');
    await fitsAndShoot(page, 'viewer-dashboard');
    await expect(page.getByRole('link', { name: 'Write a new entry' })).toHaveCount(0);
    // At 320 px the workspace's navigation is folded behind its Menu button.
    if (width < 640) {
      await tabTo(page, (el) => el.tag === 'button' && el.text === 'Menu');
      await page.keyboard.press('Enter');
    }
    await tabTo(page, (el) => el.tag === 'a' && el.href === '/manage/entries');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Entries');
    await tabTo(page, (el) => el.tag === 'a' && el.href === entryPath);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await fitsAndShoot(page, 'viewer-entry');
  });
}
