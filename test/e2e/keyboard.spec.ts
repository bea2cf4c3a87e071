// Keyboard-only journeys at a desktop width and at 320 px: signing in, and changing a commitment's
// status through approval to the public site. Each step is reached with Tab, typed or pressed; pages
// must not be wider than the window, and screenshots are kept for review (test/output/e2e/screens).
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS } from './session.js';

const SCREENS = 'test/output/e2e/screens';

/** Presses Tab until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, matches: (el: { tag: string; text: string; name: string; value: string; id: string }) => boolean, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLInputElement | null;
      return { tag: a?.tagName.toLowerCase() ?? '', text: (a?.textContent ?? '').trim(), name: a?.getAttribute('name') ?? '', value: a?.value ?? '', id: a?.id ?? '' };
    });
    if (matches(el)) return;
  }
  throw new Error('could not reach the element by Tab');
}

async function fitsAndShoot(page: Page, name: string) {
  const width = page.viewportSize()!.width;
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scroll, `${page.url()} at ${width} px`).toBeLessThanOrEqual(width);
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/${name}-${width}.png`, fullPage: true });
}

async function signInByKeyboard(page: Page, who: keyof typeof ACCOUNTS) {
  await page.context().clearCookies();
  await page.goto('/manage/sign-in');
  await tabTo(page, (el) => el.name === 'email');
  await page.keyboard.type(ACCOUNTS[who][0]);
  await tabTo(page, (el) => el.name === 'password');
  await page.keyboard.type(ACCOUNTS[who][1]);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

for (const width of [1280, 320]) {
  test(`a commitment's new status by keyboard alone, proposed, approved and published (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signInByKeyboard(page, 'officer');
    await fitsAndShoot(page, 'dashboard-officer');
    await page.goto('/manage/commitments?status=open');
    await fitsAndShoot(page, 'commitments');
    // A published commitment not yet delivered (one for each width), so the public site can show the change.
    const published = (await (await page.request.get('/data/commitments.json')).json()) as { id: string; status: string }[];
    const chosen = published.filter((c) => c.status !== 'delivered')[width === 1280 ? 0 : 1];
    await page.goto(`/manage/commitments/${chosen.id}`);
    await fitsAndShoot(page, 'commitment');
    // Choose "Delivered" with the arrow keys, write the note, submit.
    await tabTo(page, (el) => el.name === 'status');
    for (let i = 0; i < 6 && (await page.evaluate(() => (document.activeElement as HTMLInputElement).value)) !== 'delivered'; i++) await page.keyboard.press('ArrowDown');
    await tabTo(page, (el) => el.name === 'note');
    const note = `Opened 15 months late (${width})`;
    await page.keyboard.type(note);
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Submit for approval');
    await page.keyboard.press('Enter');
    await expect(page.getByText('The new status was submitted for approval.')).toBeVisible();
    await fitsAndShoot(page, 'commitment-submitted');
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Approve');
    await page.keyboard.press('Enter');
    await expect(page.getByText('The new status was approved.')).toBeVisible();
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Publish');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Publish this status?');
    await fitsAndShoot(page, 'commitment-confirm');
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Yes, publish it');
    await page.keyboard.press('Enter');
    await expect(page.getByText('The new status was published')).toBeVisible();
    // The public list shows the note beside the new status.
    await page.goto('/commitments?status=delivered');
    await expect(page.getByText(note)).toBeVisible();
    await fitsAndShoot(page, 'public-commitments');
    await page.goto('/');
    await fitsAndShoot(page, 'home');
  });
}
