// What the workspace's browser tests share: the demo's accounts, signing in through the form, and axe.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const ACCOUNTS = {
  admin: ['admin@demoshire.example', 'demoshire-admin'],
  officer: ['performance@demoshire.example', 'demoshire-performance'],
  contributor: ['contributor@demoshire.example', 'demoshire-contributor'],
  viewer: ['viewer@demoshire.example', 'demoshire-viewer'],
} as const;

export async function checkAxe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const problems = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(problems, page.url()).toEqual([]);
}

export async function signIn(page: Page, who: keyof typeof ACCOUNTS) {
  await page.context().clearCookies();
  await page.goto('/manage/sign-in');
  await page.getByLabel('Email address').fill(ACCOUNTS[who][0]);
  await page.getByLabel('Password').fill(ACCOUNTS[who][1]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}
