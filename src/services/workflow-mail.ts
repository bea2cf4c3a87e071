// The e-mails a single workflow step sends (an entry or a value submitted, returned, approved or
// published), added around the entry and value services' own transition so that neither knows of mail.
// The step is done before any mail is queued, so a mail problem never undoes it.
import type { entryService } from './entries.js';
import type { notificationService } from './notifications.js';
import type { Actor } from './policy.js';
import type { valueService } from './values.js';
import type { WorkflowStep } from './workflow.js';

const KIND = { submit: 'submitted', return: 'returned', approve: 'approved', publish: 'published' } as const;
type Notifications = Pick<ReturnType<typeof notificationService>, 'workflow' | 'base'>;
type Values = ReturnType<typeof valueService>;
type Entries = ReturnType<typeof entryService>;

export function valuesWithMail(values: Values, notifications: Notifications): Values {
  return {
    ...values,
    async transition(actor: Actor, key, step: WorkflowStep, comment?: string) {
      const v = await values.transition(actor, key, step, comment);
      if (step !== 'unpublish' && step !== 'withdraw') {
        await notifications.workflow({
          kind: KIND[step], what: 'value', actor, comment: step === 'return' ? comment?.trim() : undefined,
          items: [{ id: `${key.indicatorId}/${key.areaCode}/${key.periodKey}`, title: `${v.indicator.code}: ${v.indicator.title} (${key.periodKey})`, url: `${notifications.base}/manage/values/${encodeURIComponent(key.indicatorId)}/${encodeURIComponent(key.periodKey)}` }],
        });
      }
      return v;
    },
  };
}

export function entriesWithMail(entries: Entries, notifications: Notifications): Entries {
  return {
    ...entries,
    async transition(actor: Actor, id: string, step: WorkflowStep, comment?: string) {
      const e = await entries.transition(actor, id, step, comment);
      if (step !== 'unpublish' && step !== 'withdraw') {
        await notifications.workflow({
          kind: KIND[step], what: 'entry', actor, comment: step === 'return' ? comment?.trim() : undefined,
          items: [{ id, title: e.entry.title, url: `${notifications.base}/manage/entries/${encodeURIComponent(id)}` }],
        });
      }
      return e;
    },
  };
}
