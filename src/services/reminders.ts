// Reminders and the recurring calendar: each run creates the next period's duty of every repeating
// duty that is done or past its date, queues a reminder some days before each open duty's due date and
// another some days after it if it is still not done (each once only), then sends what is queued.
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { getDutyByKey, listDutyItems, listRepeatingDuties, upsertDuty, type DutyItem } from '../store/queries/reportingDuties.js';
import { getUserById } from '../store/queries/userAccounts.js';
import { reminderMessage } from './notification-messages.js';
import type { notificationService } from './notifications.js';
import { nextDuty, REPEATS, type Repeats } from './recurrence.js';

type Notifications = Pick<ReturnType<typeof notificationService>, 'reminder' | 'base'>;

const today = (): string => new Date().toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

export interface ReminderRun {
  /** Next-period duties created for repeating ones. */
  created: number;
  /** Reminders queued (before the due date, and after it). */
  before: number;
  after: number;
}

export function reminderService(store: Store, config: Config, notifications: Notifications) {
  const { db } = store;

  /** Creates the next period's duty for every repeating duty that is done or past its due date. */
  async function rollRecurring(on: string): Promise<number> {
    let created = 0;
    for (const d of await listRepeatingDuties(db)) {
      if (!(REPEATS as readonly string[]).includes(d.repeats ?? '') || (!d.doneAt && d.dueDate >= on)) continue;
      const next = nextDuty({ periodKey: d.periodKey, dueDate: d.dueDate, repeats: d.repeats as Repeats });
      if (await getDutyByKey(db, d.subjectType, d.subjectId, next.periodKey)) continue;
      const row = { id: randomUUID(), subjectType: d.subjectType, subjectId: d.subjectId, periodKey: next.periodKey, ownerId: d.ownerId, dueDate: next.dueDate, repeats: d.repeats };
      await db.transaction(async (tx) => {
        await upsertDuty(tx, row);
        await appendAuditEvent(tx, { userId: null, action: 'repeat', entityType: 'duty', entityId: row.id, before: { from: d.id }, after: row });
      });
      created++;
    }
    return created;
  }

  const subjectUrl = (d: DutyItem) => d.subjectType === 'indicator'
    ? `${notifications.base}/manage/values/grid?period=${encodeURIComponent(d.periodKey)}`
    : `${notifications.base}/manage/entries/new`;

  async function remind(d: DutyItem, on: string, when: 'before' | 'after'): Promise<number> {
    const owner = d.ownerId ? await getUserById(db, d.ownerId) : undefined;
    if (!owner) return 0;
    const title = `${d.subjectCode ? `${d.subjectCode}: ` : ''}${d.subjectTitle ?? d.subjectType} (${d.periodKey})`;
    return notifications.reminder(owner, (links) => reminderMessage({ recipientName: owner.name, item: { title, url: subjectUrl(d) }, dueDate: d.dueDate, daysToGo: daysBetween(on, d.dueDate) }, links),
      `duty:${d.id}:${d.dueDate}:${when}`);
  }

  return {
    rollRecurring,

    /** One run: repeat, then remind. `on` is the day to act as (today by default). */
    async run(on = today()): Promise<ReminderRun> {
      const created = await rollRecurring(on);
      let before = 0;
      let after = 0;
      for (const d of await listDutyItems(db, { openOnly: true })) {
        const daysToGo = daysBetween(on, d.dueDate);
        if (daysToGo >= 0 && daysToGo <= config.mail.reminderDaysBefore) before += await remind(d, on, 'before');
        else if (daysToGo <= -config.mail.reminderDaysAfter) after += await remind(d, on, 'after');
      }
      return { created, before, after };
    },
  };
}
