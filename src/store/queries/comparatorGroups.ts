// Stored comparator groups (nearest neighbours, custom lists) and their members.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';
import { comparatorGroupMembers, comparatorGroups } from '../schema.js';

export type ComparatorGroupRow = typeof comparatorGroups.$inferSelect;

export interface StoredGroupSummary {
  name: string;
  kind: string;
  description: string | null;
  /** How many groups share the name (one per anchor for neighbour groups). */
  groups: number;
  anchored: boolean;
}

export async function listComparatorGroupNames(db: Db): Promise<StoredGroupSummary[]> {
  const result = await rows<{ name: string; kind: string; description: string | null; groups: number; anchored: boolean }>(db, sql`
    select name, min(kind) as kind, min(description) as description, count(*)::int as groups, bool_or(anchor_area_code is not null) as anchored
    from comparator_groups group by name order by name`);
  return result.map((r) => ({ ...r, groups: Number(r.groups) }));
}

/** Every group of that name with its anchor and members (a neighbour set: one per council). */
export async function getComparatorGroupsByName(db: Db, name: string): Promise<{ id: string; anchorAreaCode: string | null; description: string | null; memberCodes: string[] }[]> {
  const result = await rows<{ id: string; anchor_area_code: string | null; description: string | null; members: string | null }>(db, sql`
    select g.id, g.anchor_area_code, g.description, string_agg(m.area_code, ',' order by m.area_code) as members
    from comparator_groups g left join comparator_group_members m on m.group_id = g.id
    where g.name = ${name} group by g.id order by g.anchor_area_code`);
  return result.map((r) => ({ id: r.id, anchorAreaCode: r.anchor_area_code, description: r.description, memberCodes: r.members ? r.members.split(',') : [] }));
}

export async function deleteComparatorGroupsByName(db: Db, name: string): Promise<number> {
  const deleted = await db.delete(comparatorGroups).where(eq(comparatorGroups.name, name)).returning({ id: comparatorGroups.id });
  return deleted.length;
}

export async function insertComparatorGroup(db: Db, group: typeof comparatorGroups.$inferInsert, memberCodes: string[]): Promise<void> {
  await db.insert(comparatorGroups).values(group);
  if (memberCodes.length) await db.insert(comparatorGroupMembers).values(memberCodes.map((areaCode) => ({ groupId: group.id, areaCode })));
}
