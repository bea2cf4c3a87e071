// Team work in a real browser on the demo workspace, with e-mail going to a real SMTP server started
// here (the server sends to it; see playwright.config.ts): a contributor fills a quarter in the grid
// (an error caught as typed) and another from a template, a reviewer returns one value with a comment
// and approves the rest together, the e-mails arrive at each step, and a reminder goes out before a
// due date. axe checks the new pages.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { checkAxe, signIn } from './session.js';
import { startSmtp, type ReceivedMail, type TestSmtp } from '../helpers/smtp.js';

let smtp: TestSmtp;
test.beforeAll(async () => { smtp = await startSmtp(Number(process.env.E2E_SMTP_PORT)); });
test.afterAll(async () => { await smtp.close(); });

/** Waits for a message matching `match` to arrive at the SMTP server. */
async function mail(match: (m: ReceivedMail) => boolean, what: string): Promise<ReceivedMail> {
  await expect.poll(() => smtp.messages.some(match), { message: `e-mail: ${what}`, timeout: 20_000 }).toBe(true);
  return smtp.messages.find(match)!;
}

test('a quarter from the grid and from a template, returned and approved in bulk, with e-mail at each step', async ({ page }) => {
  await signIn(page, 'contributor');
  await page.goto('/manage/values/grid?period=Q1+2025%2F26');
  await expect(page.getByRole('heading', { level: 1, name: 'Values for Q1 2025/26' })).toBeVisible();
  await checkAxe(page);
  const env01 = page.getByLabel('Value for ENV-01');
  await env01.fill('1,234');
  await expect(page.getByText('Remove the thousands separators: enter 1234')).toBeVisible();
  await env01.fill('47.5');
  await expect(page.getByText('Remove the thousands separators: enter 1234')).toBeHidden();
  await page.getByLabel('Commentary for ENV-01').fill('Up after the garden waste campaign');
  await page.getByLabel('Value for ENV-02').fill('96');
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page.getByText('The values were submitted for approval.')).toBeVisible();
  const submitted = await mail((m) => m.to.includes('performance@demoshire.example') && m.subject === 'Compendium: 2 indicator values submitted for approval', 'the grid submitted');
  expect(submitted.text).toContain('Tom Fletcher submitted 2 indicator values for approval.');

  // The next quarter offline: the template downloaded, filled in and uploaded back.
  await page.goto('/manage/values/grid?period=Q2+2025%2F26');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the template as CSV' }).click();
  const csv = fs.readFileSync((await (await download).path())!, 'utf8');
  const filled = csv.split('\r\n').map((line) => (line.startsWith('FY2025-26-Q2,ENV-01,') ? line.replace(/,,$/, ',48.2,Steady') : line)).join('\r\n');
  await page.getByLabel('Filled-in template (.csv or .xlsx)').setInputFiles({ name: 'q2.csv', mimeType: 'text/csv', buffer: Buffer.from(filled) });
  await page.getByRole('button', { name: 'Upload the template' }).click();
  await expect(page.getByText('q2.csv: 1 value is in the grid below and not saved yet.')).toBeVisible();
  await expect(page.getByLabel('Value for ENV-01')).toHaveValue('48.2');
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page.getByText('The values were submitted for approval.')).toBeVisible();
  await mail((m) => m.to.includes('admin@demoshire.example') && m.subject === 'Compendium: 1 indicator value submitted for approval' && m.text.includes('FY2025-26-Q2'), 'the template submitted');

  // The reviewer returns one value with a comment, and approves the rest together.
  await signIn(page, 'officer');
  await page.goto('/manage/values/bulk?step=approve');
  await checkAxe(page);
  await page.getByRole('row').filter({ hasText: 'Q2 2025/26' }).filter({ hasText: 'ENV-01' }).getByRole('link').click();
  await page.getByLabel('Comment for the author (what needs changing)').fill('Please check the tonnage against the contractor’s return.');
  await page.getByRole('button', { name: 'Return to author' }).click();
  await expect(page.getByText('The value was returned with your comment.')).toBeVisible();
  const returned = await mail((m) => m.to.includes('contributor@demoshire.example') && m.subject.includes('returned to you'), 'returned');
  expect(returned.text).toContain('> Please check the tonnage against the contractor’s return.');

  await page.goto('/manage/values/bulk?step=approve&period=FY2025-26-Q1');
  await expect(page.getByText('These 2 values will change')).toBeVisible();
  await page.getByRole('button', { name: 'Approve the ticked values' }).click();
  await expect(page.getByText('The values were approved. They can now be published.')).toBeVisible();
  const approved = await mail((m) => m.to.includes('contributor@demoshire.example') && m.subject === 'Compendium: 2 indicator values approved', 'approved in bulk');
  expect(approved.text).toContain('Priya Shah approved 2 indicator values you submitted.');

  // The contributor sees the reason on their dashboard.
  await signIn(page, 'contributor');
  await expect(page.getByText('Returned: Please check the tonnage against the contractor’s return.')).toBeVisible();
});

test('a reminder goes out before a duty’s due date', async ({ page }) => {
  const due = new Date(Date.now() + 3 * 86_400_000);
  await signIn(page, 'officer');
  await page.goto('/manage/calendar');
  const subject = page.getByLabel('Outcome or indicator', { exact: true });
  const option = await subject.locator('option', { hasText: 'ENV-02' }).first().getAttribute('value');
  await subject.selectOption(option!);
  await page.getByLabel('Period', { exact: true }).fill('Q3 2025/26');
  await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Tom Fletcher (contributor@demoshire.example)' });
  // The GOV.UK date input: day, month and year in a group named for the date.
  const dueDate = page.getByRole('group', { name: 'Due date' });
  await dueDate.getByLabel('Day', { exact: true }).fill(String(due.getUTCDate()));
  await dueDate.getByLabel('Month', { exact: true }).fill(String(due.getUTCMonth() + 1));
  await dueDate.getByLabel('Year', { exact: true }).fill(String(due.getUTCFullYear()));
  await page.getByLabel('Repeats', { exact: true }).selectOption('quarterly');
  await page.getByRole('button', { name: 'Save duty' }).click();
  await expect(page.getByText('The reporting duty was saved.')).toBeVisible();
  const reminder = await mail((m) => m.to.includes('contributor@demoshire.example') && /^Compendium: reminder: ENV-02: .*\(FY2025-26-Q3\)$/.test(m.subject), 'the reminder');
  expect(reminder.text).toContain('in 3 days');
  expect(reminder.text).toMatch(/Stop e-mails like this one: http:\/\/\S+\/manage\/unsubscribe\?token=/);
  await page.goto('/manage/calendar/team');
  await expect(page.getByRole('heading', { level: 2, name: 'Tom Fletcher' })).toBeVisible();
  await checkAxe(page);
});
