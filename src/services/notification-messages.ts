// The words of every e-mail Compendium sends: plain text, short, saying what happened and what to do
// next, with one link to act on and one to stop that kind of message. Pure: no I/O.

/** The kinds a person may turn off (invitations and password resets always go). */
export const NOTIFICATION_KINDS = ['submitted', 'returned', 'approved', 'published', 'reminder'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHOICES: Record<NotificationKind, string> = {
  submitted: 'Something is submitted for approval (reviewers)',
  returned: 'Something you submitted is returned with a comment',
  approved: 'Something you submitted is approved',
  published: 'Something you submitted is published',
  reminder: 'Reminders before and after a reporting duty is due',
};

export interface Item {
  /** "RES-01: Residents satisfied with their area (Q1 2024/25)" */
  title: string;
  url: string;
}

export interface Composed {
  subject: string;
  body: string;
}

const list = (items: Item[]) => items.map((i) => `- ${i.title}\n  ${i.url}`).join('\n');
const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

function footer(unsubscribeUrl: string | null, preferencesUrl: string): string {
  const lines = ['', '--', `Choose which e-mails you get: ${preferencesUrl}`];
  if (unsubscribeUrl) lines.push(`Stop e-mails like this one: ${unsubscribeUrl}`);
  return lines.join('\n');
}

export interface WorkflowMessage {
  kind: Exclude<NotificationKind, 'reminder'>;
  what: 'value' | 'entry';
  items: Item[];
  byName: string;
  comment?: string;
  recipientName: string;
}

/** A message about a workflow step: submitted (to reviewers), returned, approved or published (to the submitter). */
export function workflowMessage(m: WorkflowMessage, links: { unsubscribe: string | null; preferences: string }): Composed {
  const things = count(m.items.length, m.what === 'value' ? 'indicator value' : 'entry').replace('entrys', 'entries');
  const subjects: Record<WorkflowMessage['kind'], string> = {
    submitted: `${things} submitted for approval`,
    returned: `${things} returned to you: changes needed`,
    approved: `${things} approved`,
    published: `${things} published`,
  };
  const what: Record<WorkflowMessage['kind'], string> = {
    submitted: `${m.byName} submitted ${things} for approval.`,
    returned: `${m.byName} returned ${things} to you.`,
    approved: `${m.byName} approved ${things} you submitted.`,
    published: `${m.byName} published ${things} you submitted. ${m.items.length === 1 ? 'It is' : 'They are'} now on the public site.`,
  };
  const next: Record<WorkflowMessage['kind'], string> = {
    submitted: 'What to do next: open each one, check it, then approve it or return it with a comment.',
    returned: 'What to do next: read the comment, correct the draft, and submit it again.',
    approved: 'Nothing more to do: a reviewer will publish it.',
    published: 'Nothing more to do.',
  };
  const parts = [`Hello ${m.recipientName},`, '', what[m.kind]];
  if (m.comment) parts.push('', 'Their comment:', m.comment.split('\n').map((l) => `> ${l}`).join('\n'));
  parts.push('', list(m.items), '', next[m.kind]);
  return { subject: `Compendium: ${subjects[m.kind]}`, body: parts.join('\n') + '\n' + footer(links.unsubscribe, links.preferences) + '\n' };
}

export interface ReminderMessage {
  recipientName: string;
  item: Item;
  dueDate: string;
  /** Days until due (positive), or overdue (negative). */
  daysToGo: number;
}

export function reminderMessage(m: ReminderMessage, links: { unsubscribe: string | null; preferences: string }): Composed {
  const due = new Date(`${m.dueDate}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const late = m.daysToGo < 0;
  const when = late ? `was due on ${due}, ${count(-m.daysToGo, 'day')} ago` : m.daysToGo === 0 ? `is due today, ${due}` : `is due on ${due}, in ${count(m.daysToGo, 'day')}`;
  const body = [
    `Hello ${m.recipientName},`, '',
    `Your update for ${m.item.title} ${when}.`, '',
    `Enter it here: ${m.item.url}`, '',
    late
      ? 'What to do next: enter and submit the figure or update now. If you cannot, tell your performance team why, so the report can say so.'
      : 'What to do next: enter and submit the figure or update before the due date.',
  ].join('\n');
  return { subject: `Compendium: ${late ? 'overdue' : 'reminder'}: ${m.item.title}`, body: body + '\n' + footer(links.unsubscribe, links.preferences) + '\n' };
}

export function linkMessage(m: { purpose: 'invite' | 'reset'; recipientName: string; url: string; hours: number; byName?: string }): Composed {
  const valid = m.hours >= 48 ? `${Math.round(m.hours / 24)} days` : count(m.hours, 'hour');
  if (m.purpose === 'invite') {
    return {
      subject: 'Compendium: you are invited to the staff workspace',
      body: [`Hello ${m.recipientName},`, '', `${m.byName ?? 'An administrator'} has given you an account in Compendium, the council’s performance workspace.`, '',
        `Choose your password here: ${m.url}`, '', `The link works once, for ${valid}. If it has run out, ask an administrator for a new invitation.`, ''].join('\n'),
    };
  }
  return {
    subject: 'Compendium: reset your password',
    body: [`Hello ${m.recipientName},`, '', 'Someone (we hope you) asked to reset your Compendium password.', '',
      `Choose a new password here: ${m.url}`, '', `The link works once, for ${valid}. If you did not ask for this, ignore this message: your password stays as it is.`, ''].join('\n'),
  };
}
