// The schema's rules as data, for checking a backup's rows before any is written: each column's
// type and nullability, the values an enumerated column may take, primary and unique keys, and the
// foreign keys between tables. Pure: read from the drizzle schema and the domain's enumerations.
import { getTableName, is, SQL } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import {
  AREA_TYPES, COMMITMENT_STATUSES, ENTRY_KINDS, FACT_KINDS, FREQUENCIES, GROUP_KINDS, OBSERVATION_STATUSES, POLARITIES, ROLES,
  TOLERANCE_KINDS, UNITS, WORKFLOW_STATES, IMPORT_BATCH_STATES, IMPORT_DECISIONS,
} from '../domain/index.js';
import { TABLES_IN_ORDER } from './schema.js';

/** Columns whose values the application only ever writes from a fixed list (the domain's). */
const ENUMERATIONS: Record<string, readonly string[]> = {
  'areas.type': AREA_TYPES,
  'users.role': ROLES,
  'entries.kind': ENTRY_KINDS,
  'entries.workflow_state': WORKFLOW_STATES,
  'entries.import_decision': IMPORT_DECISIONS,
  'import_batches.state': IMPORT_BATCH_STATES,
  'facts.kind': FACT_KINDS,
  'commitments.status': COMMITMENT_STATUSES,
  'commitments.workflow_state': WORKFLOW_STATES,
  'commitments.proposed_status': COMMITMENT_STATUSES,
  'commitments.proposal_state': WORKFLOW_STATES,
  'indicators.unit': UNITS,
  'indicators.polarity': POLARITIES,
  'indicators.frequency': FREQUENCIES,
  'targets.tolerance_kind': TOLERANCE_KINDS,
  'observations.status': OBSERVATION_STATUSES,
  'observations.workflow_state': WORKFLOW_STATES,
  'comparator_groups.kind': GROUP_KINDS,
};

export interface ColumnRule {
  name: string;
  /** The SQL type (serials as their integer type). */
  type: string;
  notNull: boolean;
  oneOf?: readonly string[];
}

export interface ForeignKeyRule {
  columns: string[];
  table: string;
  foreignColumns: string[];
}

export interface TableRules {
  table: string;
  columns: ColumnRule[];
  /** Sets of columns whose values together must not repeat (primary key first). */
  keys: string[][];
  foreignKeys: ForeignKeyRule[];
}

function rulesFor(t: PgTable): TableRules {
  const config = getTableConfig(t);
  const table = getTableName(t);
  const columns = config.columns.map((c) => ({
    name: c.name,
    type: c.getSQLType().replace(/^bigserial$/, 'bigint').replace(/^serial$/, 'integer'),
    notNull: c.notNull,
    oneOf: ENUMERATIONS[`${table}.${c.name}`],
  }));
  const keys: string[][] = [];
  const primary = config.columns.filter((c) => c.primary).map((c) => c.name);
  if (primary.length) keys.push(primary);
  for (const pk of config.primaryKeys) keys.push(pk.columns.map((c) => c.name));
  // Unique indexes on plain columns; those on expressions (lower(email)) are left to the database.
  for (const index of config.indexes) {
    if (!index.config.unique) continue;
    const cols = index.config.columns;
    if (cols.every((c) => !is(c, SQL) && typeof (c as { name?: unknown }).name === 'string')) {
      keys.push(cols.map((c) => (c as { name: string }).name));
    }
  }
  const foreignKeys = config.foreignKeys.map((fk) => {
    const ref = fk.reference();
    return { columns: ref.columns.map((c) => c.name), table: getTableName(ref.foreignTable), foreignColumns: ref.foreignColumns.map((c) => c.name) };
  });
  return { table, columns, keys, foreignKeys };
}

/** The rules of every table, in restore order. */
export const BACKUP_RULES: TableRules[] = (Object.values(TABLES_IN_ORDER) as PgTable[]).map(rulesFor);
