// E-mail notifications against a real SMTP server run in this process: the workflow's messages, each
// person's choices and unsubscribing, and a mail server that is down (the action still succeeds, the
// message waits, the administrator sees why, and it goes once the server is back).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../config.js';
import { manageWorkspace, type ManageWorkspace } from '../../test/helpers/manage.js';
import { startSmtp, type TestSmtp } from '../../test/helpers/smtp.js';

let w: ManageWorkspace;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  const base = loadConfig();
  w = await manageWorkspace({ mail: { ...base.mail, mode: 'smtp', smtpUrl: smtp.url, from: 'Compendium <compendium@test.gov.uk>' } });
});
afterAll(async () => {
  await w.s.outbox.close();
  await w.close();
  await smtp.close();
});

const queued = async () => (await w.store.db.execute(sql`select state, to_address, kind, attempts, last_error from outbox order by id`) as unknown as { rows: { state: string; to_address: string; kind: string; attempts: number; last_error: string | null }[] }).rows;

describe('workflow e-mails', () => {
  it('tells reviewers of a submission, and the submitter of a return (with the comment) and an approval', async () => {
    const contributor = w.users.contributor;
    const officer = w.users.officer;
    const key = await w.s.values.enter(contributor, { indicatorId: w.indicators[0].id, periodKey: '2024/25', value: '61.5' });
    await w.s.values.transition(contributor, key, 'submit');
    await w.s.outbox.sendDue();
    const first = await smtp.waitFor(2);
    expect(first.map((m) => m.to[0]).sort()).toEqual(['admin@test.gov.uk', 'officer@test.gov.uk']);
    expect(first[0].subject).toBe('Compendium: 1 indicator value submitted for approval');
    expect(first[0].text).toContain('contributor submitted 1 indicator value for approval.');
    expect(first[0].text).toContain('IND1: Test indicator 1 (FY2024-25)');
    expect(first[0].text).toMatch(/What to do next: open each one/);
    expect(first[0].text).toMatch(/Stop e-mails like this one: http:\/\/127\.0\.0\.1:3000\/manage\/unsubscribe\?token=/);

    await w.s.values.transition(officer, key, 'return', 'The figure for March is missing: please add it.');
    await w.s.outbox.sendDue();
    const [returned] = (await smtp.waitFor(3)).slice(2);
    expect(returned.to).toEqual(['contributor@test.gov.uk']);
    expect(returned.subject).toBe('Compendium: 1 indicator value returned to you: changes needed');
    expect(returned.text).toContain('> The figure for March is missing: please add it.');
    expect(returned.text).toContain('What to do next: read the comment, correct the draft, and submit it again.');

    await w.s.values.transition(contributor, key, 'submit');
    await w.s.values.transition(officer, key, 'approve');
    await w.s.outbox.sendDue();
    const all = await smtp.waitFor(6);
    expect(all.slice(3).map((m) => m.subject).sort()).toEqual([
      'Compendium: 1 indicator value approved', 'Compendium: 1 indicator value submitted for approval', 'Compendium: 1 indicator value submitted for approval',
    ]);
    expect((await queued()).every((m) => m.state === 'sent')).toBe(true);
  });

  it('leaves out what a person turned off, and the unsubscribe link turns a kind off without signing in', async () => {
    const admin = w.users.admin;
    await w.s.notifications.setPreferences(admin, ['returned', 'approved', 'published', 'reminder']);
    expect(await w.s.notifications.preferences(admin)).toEqual(['returned', 'approved', 'published', 'reminder']);
    const officer = w.users.officer;
    const before = smtp.messages.length;
    const key = await w.s.values.enter(officer, { indicatorId: w.indicators[1].id, periodKey: '2024/25', value: '3' });
    await w.s.values.transition(officer, key, 'submit');
    await w.s.outbox.sendDue();
    // The officer submitted it and the admin turned "submitted" off: nobody is told.
    expect(smtp.messages.length).toBe(before);

    await w.s.notifications.setPreferences(admin, ['submitted']);
    await w.s.values.transition(officer, key, 'return', 'Check the unit');
    await w.s.values.transition(officer, key, 'submit');
    await w.s.outbox.sendDue();
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    const link = /Stop e-mails like this one: (\S+)/.exec(mail.text)![1];
    const token = new URL(link).searchParams.get('token')!;
    expect(await w.s.notifications.unsubscribe(token)).toEqual({ kind: 'submitted', email: 'admin@test.gov.uk' });
    expect(await w.s.notifications.preferences(admin)).toEqual([]);
    await expect(w.s.notifications.unsubscribe(token.slice(0, -2) + 'xx')).rejects.toThrow(/not complete or was changed/);
  });
});

describe('the mail server down', () => {
  it('keeps the action, retries the message, shows the failure to an administrator, and sends it once the server is back', async () => {
    const down = await startSmtp();
    const port = down.port;
    await down.close();
    const base = loadConfig();
    const w2 = await manageWorkspace({ mail: { ...base.mail, mode: 'smtp', smtpUrl: `smtp://127.0.0.1:${port}` } });
    try {
      const contributor = w2.users.contributor;
      const key = await w2.s.values.enter(contributor, { indicatorId: w2.indicators[0].id, periodKey: '2023/24', value: '40' });
      const v = await w2.s.values.transition(contributor, key, 'submit');
      expect(v.observation.workflowState).toBe('submitted');
      const r = await w2.s.outbox.sendDue();
      expect(r).toMatchObject({ sent: 0, failed: 2 });
      expect(r.error).toMatch(/The mail server at smtp:\/\/127\.0\.0\.1:\d+ did not take the message/);
      const problems = await w2.s.outbox.problems(w2.users.admin);
      expect(problems.messages).toHaveLength(2);
      expect(problems.messages[0]).toMatchObject({ state: 'queued', attempts: 1 });
      await expect(w2.s.outbox.problems(w2.users.officer)).rejects.toThrow(/does not allow/);
      // Not due again for a minute: the next round sends nothing.
      expect(await w2.s.outbox.sendDue()).toEqual({ sent: 0, failed: 0 });

      const back = await startSmtp(port);
      try {
        expect(await w2.s.outbox.retryNow(w2.users.admin)).toBe(2);
        expect(await w2.s.outbox.sendDue()).toEqual({ sent: 2, failed: 0 });
        await back.waitFor(2);
        expect((await w2.s.outbox.problems(w2.users.admin)).messages).toEqual([]);
      } finally {
        await w2.s.outbox.close();
        await back.close();
      }
    } finally {
      await w2.close();
    }
  });
});
