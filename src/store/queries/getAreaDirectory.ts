// Every area with what groups and lookups need: code, names, type, parent, region, end date.
import { asc } from 'drizzle-orm';
import type { Db } from '../db.js';
import { areas } from '../schema.js';

export type AreaEntry = Pick<typeof areas.$inferSelect, 'code' | 'name' | 'shortName' | 'type' | 'parentCode' | 'region' | 'nation' | 'endDate'>;

export async function getAreaDirectory(db: Db): Promise<AreaEntry[]> {
  return db.select({
    code: areas.code, name: areas.name, shortName: areas.shortName, type: areas.type,
    parentCode: areas.parentCode, region: areas.region, nation: areas.nation, endDate: areas.endDate,
  }).from(areas).orderBy(asc(areas.code));
}
