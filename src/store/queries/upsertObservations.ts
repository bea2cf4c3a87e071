// The bulk path for indicator values: each chunk of rows goes in with one unnest() statement (a
// few dozen statements for a million rows, instead of a million inserts). Changed values are
// written to the audit trail first, with their old and new values. No staging table: it spills to
// disk on the embedded database. Runs inside the caller's transaction (all or nothing).
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rows } from '../db.js';

/** Column-wise rows: the same index in each array is one observation. */
export interface ObservationColumns {
  indicatorIds: string[];
  areaCodes: string[];
  periodKeys: string[];
  values: (number | null)[];
  statuses: string[];
  notes: (string | null)[];
}

export interface UpsertOptions {
  workflowState: string;
  userId: string | null;
  documentId?: string | null;
  /** Called after each chunk with the rows written so far. */
  onProgress?: (done: number) => void;
  /**
   * On a large first import, drop the primary key, the foreign keys and the secondary indexes and
   * build them again afterwards: one sort and one join check each, instead of an index update and
   * two foreign-key triggers per row (three times quicker on a million rows). Only where nobody
   * else reads meanwhile: the embedded database, whose one connection this transaction holds. If
   * a rebuilt constraint fails, the transaction fails and nothing is written.
   */
  rebuildIndexes?: boolean;
  /**
   * How many rows make an import large enough to rebuild (default 100,000); the table must also
   * hold no more rows than the import brings, or the rebuild would cost more than it saves.
   */
  rebuildFrom?: number;
  /**
   * Rows per statement (default 50,000), and a pause for other work between statements when given:
   * on the embedded database each statement holds the process, so a web server that must go on
   * answering meanwhile writes in smaller steps.
   */
  chunk?: number;
}

export interface UpsertResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

const SEP = '\u001f';
const CHUNK = 50_000;
const joinText = (xs: readonly (string | null)[], from: number, to: number) => xs.slice(from, to).map((x) => (x ?? '').replaceAll(SEP, ' ')).join(SEP);
const joinNumbers = (xs: readonly (number | null)[], from: number, to: number) => xs.slice(from, to).map((x) => (x === null ? '' : String(x))).join(SEP);

/** The chunk as a table: unnest of one delimited text parameter per column. */
function input(c: ObservationColumns, from: number, to: number): SQL {
  return sql`select * from unnest(
    string_to_array(${joinText(c.indicatorIds, from, to)}, ${SEP}),
    string_to_array(${joinText(c.areaCodes, from, to)}, ${SEP}),
    string_to_array(${joinText(c.periodKeys, from, to)}, ${SEP}),
    string_to_array(${joinNumbers(c.values, from, to)}, ${SEP}, '')::double precision[],
    string_to_array(${joinText(c.statuses, from, to)}, ${SEP}),
    string_to_array(${joinText(c.notes, from, to)}, ${SEP}, '')
  ) as s(indicator_id, area_code, period_key, value, status, note)`;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** How many rows the table holds, counting no further than limit + 1. */
async function storedUpTo(db: Db, limit: number): Promise<number> {
  const [{ n }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 from observations limit ${limit + 1}) t`);
  return n;
}

/** The table's foreign keys, then its primary key (unless another table's foreign key needs it). */
async function rebuildableConstraints(db: Db): Promise<{ name: string; definition: string }[]> {
  return rows(db, sql`select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
    where conrelid = 'observations'::regclass
      and (contype = 'f' or (contype = 'p' and not exists (select 1 from pg_constraint r where r.confrelid = 'observations'::regclass)))
    order by contype = 'p', conname`);
}

/** Indexes that belong to no constraint. */
async function secondaryIndexes(db: Db): Promise<{ name: string; definition: string }[]> {
  return rows(db, sql`select indexname as name, indexdef as definition from pg_indexes
    where schemaname = current_schema() and tablename = 'observations'
      and indexname not in (select conname from pg_constraint where conrelid = 'observations'::regclass)
    order by indexname`);
}

export async function upsertObservations(db: Db, c: ObservationColumns, options: UpsertOptions): Promise<UpsertResult> {
  const total = c.indicatorIds.length;
  const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
  if (total === 0) return result;
  const state = options.workflowState;
  const documentId = options.documentId ?? null;
  const ids = [...new Set(c.indicatorIds)].join(',');
  const [{ any }] = await rows<{ any: boolean }>(db, sql`select exists (select 1 from observations where indicator_id = any(string_to_array(${ids}, ','))) as any`);
  const rebuild = !any && options.rebuildIndexes && total >= (options.rebuildFrom ?? 100_000) && (await storedUpTo(db, total)) <= total;
  const constraints = rebuild ? await rebuildableConstraints(db) : [];
  const indexes = rebuild ? await secondaryIndexes(db) : [];
  for (const index of indexes) await db.execute(sql.raw(`drop index ${quote(index.name)}`));
  // Foreign keys first: the primary key goes last (and comes back first).
  for (const c of constraints) await db.execute(sql.raw(`alter table observations drop constraint ${quote(c.name)}`));
  const chunk = options.chunk ?? CHUNK;
  for (let from = 0; from < total; from += chunk) {
    const to = Math.min(total, from + chunk);
    if (options.chunk && from > 0) await new Promise((resolve) => setImmediate(resolve));
    if (!any) {
      // Nothing of these indicators is stored yet (a first import): every row is new, so there
      // is nothing to compare, audit or update.
      await db.execute(sql`insert into observations (indicator_id, area_code, period_key, value, status, note, workflow_state, document_id, updated_by)
        select s.indicator_id, s.area_code, s.period_key, s.value, s.status, s.note, ${state}, ${documentId}, ${options.userId} from (${input(c, from, to)}) s`);
      result.inserted += to - from;
    } else {
      await db.execute(sql`insert into audit_events (user_id, action, entity_type, entity_id, before, after)
        select ${options.userId}, 'update', 'observation', i.code || '/' || s.area_code || '/' || s.period_key,
          jsonb_build_object('value', o.value, 'status', o.status, 'note', o.note, 'workflowState', o.workflow_state),
          jsonb_build_object('value', s.value, 'status', s.status, 'note', s.note, 'workflowState', ${state}::text)
        from (${input(c, from, to)}) s
        join observations o on o.indicator_id = s.indicator_id and o.area_code = s.area_code and o.period_key = s.period_key
        join indicators i on i.id = s.indicator_id
        where o.value is distinct from s.value or o.status <> s.status or o.note is distinct from s.note or o.workflow_state <> ${state}`);
      // xmax = 0 marks a row this statement inserted; rows left as they were return nothing.
      const written = await rows<{ inserted: boolean }>(db, sql`insert into observations (indicator_id, area_code, period_key, value, status, note, workflow_state, document_id, updated_by)
        select s.indicator_id, s.area_code, s.period_key, s.value, s.status, s.note, ${state}, ${documentId}, ${options.userId} from (${input(c, from, to)}) s
        on conflict (indicator_id, area_code, period_key) do update set
          value = excluded.value, status = excluded.status, note = excluded.note, workflow_state = excluded.workflow_state,
          document_id = excluded.document_id, updated_by = excluded.updated_by, updated_at = now()
        where observations.value is distinct from excluded.value or observations.status <> excluded.status
          or observations.note is distinct from excluded.note or observations.workflow_state <> excluded.workflow_state
        returning (xmax = 0) as inserted`);
      const inserted = written.filter((w) => w.inserted).length;
      result.inserted += inserted;
      result.updated += written.length - inserted;
    }
    options.onProgress?.(to);
  }
  for (const c of [...constraints].reverse()) await db.execute(sql.raw(`alter table observations add constraint ${quote(c.name)} ${c.definition}`));
  for (const index of indexes) await db.execute(sql.raw(index.definition));
  result.unchanged = total - result.inserted - result.updated;
  return result;
}
