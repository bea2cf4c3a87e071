// Where the plan's published delivery happened: for each district of the council and each named
// place (town, village, site), how many published entries mention it.
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

export interface DistrictDelivery {
  code: string;
  name: string;
  shortName: string;
  entries: number;
}

export interface NamedPlaceDelivery {
  name: string;
  areaCode: string | null;
  areaName: string | null;
  entries: number;
}

export interface PlaceDelivery {
  districts: DistrictDelivery[];
  places: NamedPlaceDelivery[];
}

/** Counted over the plan's published entries, or those of one period (`periodKey`). */
export async function listPlaceDelivery(db: Db, planId: string, councilCode: string, periodKey?: string): Promise<PlaceDelivery> {
  const inPeriod = periodKey ? sql`and e.period_key = ${periodKey}` : sql``;
  const districts = await rows<DistrictDelivery>(db, sql`
    select a.code, a.name, a.short_name as "shortName",
           (select count(distinct p.entry_id)::int from entry_places p join entries e on e.id = p.entry_id
             where p.area_code = a.code and e.plan_id = ${planId} and e.workflow_state = 'published' ${inPeriod}) as entries
    from areas a
    where a.parent_code = ${councilCode} and a.end_date is null
    order by a.short_name`);
  const places = await rows<NamedPlaceDelivery>(db, sql`
    select min(p.name) as name, min(p.area_code) as "areaCode", min(a.short_name) as "areaName", count(distinct p.entry_id)::int as entries
    from entry_places p
    join entries e on e.id = p.entry_id and e.plan_id = ${planId} and e.workflow_state = 'published' ${inPeriod}
    left join areas a on a.code = p.area_code
    group by lower(p.name)
    order by min(p.name)`);
  return {
    districts: districts.map((d) => ({ ...d, entries: Number(d.entries) })),
    places: places.map((p) => ({ ...p, entries: Number(p.entries) })),
  };
}
