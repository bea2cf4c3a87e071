// The member area codes of a comparison group, found by id or by name (a neighbours group by its anchor).
import { eq, or } from 'drizzle-orm';
import type { Db } from '../db.js';
import { comparatorGroupMembers, comparatorGroups } from '../schema.js';

export async function listGroupMemberCodes(db: Db, group: string, anchorAreaCode: string): Promise<string[]> {
  const candidates = await db.select().from(comparatorGroups).where(or(eq(comparatorGroups.id, group), eq(comparatorGroups.name, group)));
  const chosen = candidates.find((g) => g.id === group)
    ?? candidates.find((g) => g.anchorAreaCode === anchorAreaCode)
    ?? candidates.find((g) => g.anchorAreaCode === null);
  if (!chosen) return [];
  const rows = await db.select({ code: comparatorGroupMembers.areaCode }).from(comparatorGroupMembers)
    .where(eq(comparatorGroupMembers.groupId, chosen.id));
  return rows.map((r) => r.code);
}
