// Fills (or refreshes) the areas table from the reference file shipped with the project.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { areas } from '../schema.js';

export const REFERENCE_AREAS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'reference', 'areas.csv');

type AreaRow = typeof areas.$inferInsert;

export function readReferenceAreas(file = REFERENCE_AREAS_FILE): AreaRow[] {
  const records: Record<string, string>[] = parse(fs.readFileSync(file), { columns: true });
  const num = (s: string) => (s === '' ? null : Number(s));
  return records.map((r) => ({
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    type: r.type,
    parentCode: r.parent_code || null,
    region: r.region || null,
    nation: r.nation || null,
    population: r.population === '' ? null : Math.round(Number(r.population)),
    lat: num(r.lat),
    lng: num(r.lng),
    fictional: false,
    endDate: r.end_date || null,
  }));
}

/** Inserts the reference areas, updating names and figures of those already there. Returns how many. */
export async function loadReferenceAreas(db: Db, extra: AreaRow[] = []): Promise<number> {
  const all = [...readReferenceAreas(), ...extra];
  for (let i = 0; i < all.length; i += 500) {
    await db.insert(areas).values(all.slice(i, i + 500)).onConflictDoUpdate({
      target: areas.code,
      set: {
        name: sql`excluded.name`, shortName: sql`excluded.short_name`, type: sql`excluded.type`,
        parentCode: sql`excluded.parent_code`, region: sql`excluded.region`, nation: sql`excluded.nation`,
        population: sql`excluded.population`, lat: sql`excluded.lat`, lng: sql`excluded.lng`,
        fictional: sql`excluded.fictional`, endDate: sql`excluded.end_date`,
      },
    });
  }
  return all.length;
}
