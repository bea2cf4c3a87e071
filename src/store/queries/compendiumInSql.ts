// The one-council compendium computed entirely inside the database (percentile_cont, rank()
// windows, Mann–Kendall S by self-join): the yardstick the in-memory engine is measured against
// in bench/benchmarking.ts, and a cross-check of its figures in the tests.
import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

export interface SqlCompendiumRow {
  indicator_id: string;
  value: number | null;
  n: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  mad: number | null;
  mad_deviation: number | null;
  rank: number | null;
  quartile_band: number | null;
  previous: number | null;
  year_earlier: number | null;
  target: number | null;
  /** Mann–Kendall S over the council's values up to the period, and how many values. */
  trend_s: number | null;
  trend_points: number;
}

export async function compendiumInSql(db: Db, q: { area: string; members: string[]; periodKey: string; previousKey: string; yearEarlierKey: string; seriesKeys: string[] }): Promise<SqlCompendiumRow[]> {
  return rows<SqlCompendiumRow>(db, sql`
    with members as (select unnest(string_to_array(${q.members.join(',')}, ',')) as area_code),
    present as (
      select o.indicator_id, o.area_code, o.value, i.polarity
      from observations o join members m on m.area_code = o.area_code join indicators i on i.id = o.indicator_id
      where o.period_key = ${q.periodKey} and o.workflow_state = 'published' and o.value is not null),
    stats as (
      select indicator_id, count(*)::int as n, min(value) as min, max(value) as max, avg(value) as mean,
        percentile_cont(0.5) within group (order by value) as median,
        percentile_cont(0.25) within group (order by value) as q1,
        percentile_cont(0.75) within group (order by value) as q3
      from present group by indicator_id),
    mad as (
      select p.indicator_id, percentile_cont(0.5) within group (order by abs(p.value - s.median)) as mad
      from present p join stats s on s.indicator_id = p.indicator_id group by p.indicator_id),
    ranked as (
      select indicator_id, area_code, polarity,
        rank() over (partition by indicator_id order by value desc) as rank_high,
        rank() over (partition by indicator_id order by value asc) as rank_low
      from present),
    series as (
      select indicator_id, period_key, value from observations
      where area_code = ${q.area} and workflow_state = 'published' and value is not null
        and period_key = any(string_to_array(${q.seriesKeys.join(',')}, ','))),
    trend as (
      select a.indicator_id, sum(sign(b.value - a.value))::int as s
      from series a join series b on b.indicator_id = a.indicator_id and b.period_key > a.period_key
      group by a.indicator_id),
    points as (select indicator_id, count(*)::int as n from series group by indicator_id),
    own as (
      select o.indicator_id, o.value from observations o
      where o.area_code = ${q.area} and o.period_key = ${q.periodKey} and o.workflow_state = 'published')
    select s.indicator_id, own.value, s.n, s.min, s.max, s.mean, s.median, s.q1, s.q3, m.mad,
      case when m.mad = 0 or own.value is null then null else (own.value - s.median) / m.mad end as mad_deviation,
      case r.polarity when 'higher' then r.rank_high when 'lower' then r.rank_low end::int as rank,
      case when r.polarity = 'none' or s.n < 4 or r.area_code is null then null
        else ceil(4.0 * (case r.polarity when 'higher' then r.rank_high else r.rank_low end) / s.n) end::int as quartile_band,
      prev.value as previous, ye.value as year_earlier, t.value as target, tr.s as trend_s, coalesce(pt.n, 0) as trend_points
    from stats s
    join mad m on m.indicator_id = s.indicator_id
    left join own on own.indicator_id = s.indicator_id
    left join ranked r on r.indicator_id = s.indicator_id and r.area_code = ${q.area}
    left join observations prev on prev.indicator_id = s.indicator_id and prev.area_code = ${q.area} and prev.period_key = ${q.previousKey} and prev.workflow_state = 'published'
    left join observations ye on ye.indicator_id = s.indicator_id and ye.area_code = ${q.area} and ye.period_key = ${q.yearEarlierKey} and ye.workflow_state = 'published'
    left join targets t on t.indicator_id = s.indicator_id and t.area_code = ${q.area} and t.period_key = ${q.periodKey}
    left join trend tr on tr.indicator_id = s.indicator_id
    left join points pt on pt.indicator_id = s.indicator_id
    order by s.indicator_id`);
}
