// Names and codes of the reference areas: what the importer's gazetteer of places starts from.
import type { Db } from '../db.js';
import { areas } from '../schema.js';

export async function listAreaNames(db: Db): Promise<{ code: string; name: string; shortName: string; type: string }[]> {
  return db.select({ code: areas.code, name: areas.name, shortName: areas.shortName, type: areas.type }).from(areas);
}
