// Reminders and the recurring calendar, and invitation and reset links, through the file mode of the
// mailer (the demo's default): each run queues a reminder once, repeating duties create the next
// period's duty by themselves, and a link works once and only until it expires.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manageWorkspace, type ManageWorkspace } from '../../test/helpers/manage.js';
import { addMonths, nextDuty, repeatProblem } from './recurrence.js';

let w: ManageWorkspace;
beforeAll(async () => { w = await manageWorkspace(); });
afterAll(async () => { await w.close(); });

const mailFiles = () => (fs.existsSync(w.s.config.mail.folder) ? fs.readdirSync(w.s.config.mail.folder).filter((f) => f.endsWith('.eml')).sort() : []);
const readMail = (f: string) => fs.readFileSync(path.join(w.s.config.mail.folder, f), 'utf8');

describe('recurrence', () => {
  it('steps a period and its due date by the repeat, keeping the day within the month', () => {
    expect(nextDuty({ periodKey: 'FY2024-25-Q4', dueDate: '2025-04-30', repeats: 'quarterly' })).toEqual({ periodKey: 'FY2025-26-Q1', dueDate: '2025-07-30' });
    expect(nextDuty({ periodKey: 'M2025-01', dueDate: '2025-01-31', repeats: 'monthly' })).toEqual({ periodKey: 'M2025-02', dueDate: '2025-02-28' });
    expect(nextDuty({ periodKey: 'FY2024-25', dueDate: '2025-05-31', repeats: 'annually' })).toEqual({ periodKey: 'FY2025-26', dueDate: '2026-05-31' });
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(repeatProblem('FY2024-25', 'monthly')).toBe('A duty for FY2024-25 repeats annually, not monthly: choose annually, or a month as the period');
    expect(repeatProblem('FY2024-25-Q1', 'quarterly')).toBeNull();
  });
});

describe('reminders', () => {
  it('reminds an owner before the due date and after it, once each, and creates the next quarter’s duty', async () => {
    const officer = w.users.officer;
    await expect(w.s.duties.set(officer, { subjectType: 'indicator', subjectId: w.indicators[0].id, periodKey: '2024/25', ownerId: w.users.contributor.id, dueDate: '2025-05-31', repeats: 'quarterly' }))
      .rejects.toThrow(/not valid/);
    await w.s.duties.set(officer, { subjectType: 'indicator', subjectId: w.indicators[0].id, periodKey: 'Q1 2024/25', ownerId: w.users.contributor.id, dueDate: '2024-07-31', repeats: 'quarterly' });

    const early = await w.s.reminders.run('2024-07-01');
    expect(early).toEqual({ created: 0, before: 0, after: 0 });
    expect(await w.s.reminders.run('2024-07-25')).toEqual({ created: 0, before: 1, after: 0 });
    expect(await w.s.reminders.run('2024-07-26')).toEqual({ created: 0, before: 0, after: 0 });
    await w.s.outbox.sendDue();
    const [first] = mailFiles();
    const before = readMail(first);
    expect(before).toContain('To: contributor@test.gov.uk');
    expect(before).toContain('Subject: Compendium: reminder: IND1: Test indicator 1 (FY2024-25-Q1)');
    expect(before).toContain('Your update for IND1: Test indicator 1 (FY2024-25-Q1) is due on 31 July 2024, in 6 days.');
    expect(before).toContain('/manage/values/grid?period=FY2024-25-Q1');

    // Three days late: the overdue reminder, and the next quarter's duty (the date has passed).
    expect(await w.s.reminders.run('2024-08-03')).toEqual({ created: 1, before: 0, after: 1 });
    await w.s.outbox.sendDue();
    expect(readMail(mailFiles()[1])).toContain('was due on 31 July 2024, 3 days ago');
    const all = await w.s.duties.list(officer);
    expect(all.map((d) => [d.periodKey, d.dueDate, d.repeats])).toEqual([['FY2024-25-Q1', '2024-07-31', 'quarterly'], ['FY2024-25-Q2', '2024-10-31', 'quarterly']]);
    expect(await w.s.reminders.run('2024-08-04')).toEqual({ created: 0, before: 0, after: 0 });
  });

  it('sends no reminder to someone who turned reminders off', async () => {
    await w.s.notifications.setPreferences(w.users.contributor, ['submitted', 'returned', 'approved', 'published']);
    expect(await w.s.reminders.run('2024-10-28')).toEqual({ created: 0, before: 0, after: 0 });
  });
});

describe('invitation and reset links', () => {
  it('lets the invited person choose a password once; a used or expired link says so', async () => {
    await w.s.accessLinks.invite(w.users.admin, w.users.viewer.id);
    await w.s.outbox.sendDue();
    const mail = readMail(mailFiles().at(-1)!);
    expect(mail).toContain('Subject: Compendium: you are invited to the staff workspace');
    expect(mail).toContain('The link works once, for 7 days.');
    const token = /\/manage\/link\/([A-Za-z0-9_-]{43})/.exec(mail)![1];
    expect(await w.s.accessLinks.check(token)).toMatchObject({ ok: true, purpose: 'invite' });
    await expect(w.s.accessLinks.complete(token, 'a new long password here', 'something else')).rejects.toThrow('The passwords differ');
    await w.s.accessLinks.complete(token, 'a new long password here', 'a new long password here');
    const signIn = await w.s.auth.signIn({ email: 'viewer@test.gov.uk', password: 'a new long password here' });
    expect(signIn.ok).toBe(true);
    await expect(w.s.accessLinks.complete(token, 'another long password', 'another long password')).rejects.toThrow(/This link has been used already: each link works once/);

    await w.s.accessLinks.requestReset('VIEWER@test.gov.uk');
    await w.s.accessLinks.requestReset('nobody@test.gov.uk');
    await w.s.outbox.sendDue();
    const reset = readMail(mailFiles().at(-1)!);
    expect(reset).toContain('Subject: Compendium: reset your password');
    const resetToken = /\/manage\/link\/([A-Za-z0-9_-]{43})/.exec(reset)![1];
    await w.store.db.execute(sql`update one_time_links set expires_at = now() - interval '1 minute' where purpose = 'reset'`);
    expect(await w.s.accessLinks.check(resetToken)).toMatchObject({ ok: false, problem: expect.stringMatching(/^This link ran out on .*Ask for a new link on the sign-in page/) });
    expect(await w.s.accessLinks.check('not-a-token')).toMatchObject({ ok: false, problem: expect.stringMatching(/^This link is not one Compendium sent/) });
  });
});
