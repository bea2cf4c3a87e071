// For some indicators, the periods in which one council has a published, non-blank value: enough to
// find each indicator's latest figure without loading anyone else's values.
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

export async function listCouncilValuePeriods(db: Db, areaCode: string, indicatorIds: string[]): Promise<{ indicatorId: string; periodKey: string }[]> {
  if (indicatorIds.length === 0) return [];
  return rows<{ indicatorId: string; periodKey: string }>(db, sql`
    select distinct indicator_id as "indicatorId", period_key as "periodKey"
    from observations
    where area_code = ${areaCode} and workflow_state = 'published' and value is not null
      and indicator_id in (${sql.join(indicatorIds.map((id) => sql`${id}`), sql`, `)})`);
}
