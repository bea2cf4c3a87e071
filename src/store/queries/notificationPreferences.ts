// Each person's notification choices: the kinds they have turned off.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db.js';
import { notificationPreferences } from '../schema.js';

export async function getNotificationsOff(db: Db, userIds: string[]): Promise<Map<string, string[]>> {
  if (!userIds.length) return new Map();
  const r = await db.select().from(notificationPreferences).where(inArray(notificationPreferences.userId, userIds));
  return new Map(r.map((x) => [x.userId, x.off]));
}

export async function setNotificationsOff(db: Db, userId: string, off: string[]): Promise<void> {
  await db.insert(notificationPreferences).values({ userId, off }).onConflictDoUpdate({ target: notificationPreferences.userId, set: { off } });
}

export async function clearNotificationPreferences(db: Db, userId: string): Promise<void> {
  await db.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
}
