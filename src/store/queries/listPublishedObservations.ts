// Published indicator values for one area (the council) with the target for the same period: the
// open data download and the indicator page's own figures.
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

export interface PublishedObservationRow {
  indicatorId: string;
  code: string;
  periodKey: string;
  value: number | null;
  status: string;
  note: string | null;
  /** The council's words on the figure, published with it. */
  commentary: string | null;
  target: number | null;
}

export async function listPublishedObservations(db: Db, areaCode: string, indicatorIds: string[]): Promise<PublishedObservationRow[]> {
  if (indicatorIds.length === 0) return [];
  return rows<PublishedObservationRow>(db, sql`
    select ob.indicator_id as "indicatorId", i.code, ob.period_key as "periodKey", ob.value, ob.status, ob.note, ob.commentary, tg.value as target
    from observations ob
    join indicators i on i.id = ob.indicator_id
    left join targets tg on tg.indicator_id = ob.indicator_id and tg.area_code = ob.area_code and tg.period_key = ob.period_key
    where ob.area_code = ${areaCode} and ob.workflow_state = 'published'
      and ob.indicator_id in (${sql.join(indicatorIds.map((id) => sql`${id}`), sql`, `)})
    order by i.code, ob.period_key`);
}
