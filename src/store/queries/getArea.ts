// One reference area by its code (a council or district), for place pages and page titles.
import { eq } from 'drizzle-orm';
import type { Db } from '../db.js';
import { areas } from '../schema.js';

export type AreaRow = typeof areas.$inferSelect;

export async function getArea(db: Db, code: string): Promise<AreaRow | undefined> {
  const [row] = await db.select().from(areas).where(eq(areas.code, code));
  return row;
}
