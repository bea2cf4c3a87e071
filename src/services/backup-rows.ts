// Checking a backup's rows as they are read: each value against its column's type, not-null and
// enumerations, keys that must not repeat, and foreign keys to the tables before it in the file.
import { BACKUP_RULES, type TableRules } from '../store/backupRules.js';
import { WORKSPACE_SENTENCES } from '../store/workspace-sentences.js';
import { badBackup, type BackupVisitor } from './backup-file.js';

const S = WORKSPACE_SENTENCES.backup;

const TIMESTAMP = /^(\d{4,})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(:\d{2}(\.\d+)?)?([+-]\d{2}(:?\d{2}){0,2}|Z)?( BC)?$/;

/** Why a value (in PostgreSQL's text form) cannot be stored in a column of this type, or null if it can. */
export function typeProblem(type: string, v: string): string | null {
  switch (type) {
    case 'integer':
    case 'bigint': {
      if (!/^-?\d{1,19}$/.test(v)) return 'is not a whole number';
      const limit = type === 'integer' ? 2 ** 31 : 2 ** 63;
      return Number(v) >= limit || Number(v) < -limit ? `is too large for a ${type} column` : null;
    }
    case 'double precision': {
      if (!/^(-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?|NaN|-?Infinity)$/.test(v)) return 'is not a number';
      // PostgreSQL refuses a written number beyond a double's range, too large or too small ("1e999", "1e-999").
      const n = Number(v);
      const zero = /^-?[0.]*([eE].*)?$/.test(v);
      return /\d/.test(v) && (!Number.isFinite(n) || (n === 0 && !zero)) ? 'is out of range for a number column' : null;
    }
    case 'boolean':
      return v === 'true' || v === 'false' ? null : 'is not true or false';
    case 'json':
    case 'jsonb':
      try {
        JSON.parse(v);
        return v.includes('\\u0000') ? 'holds a NUL character, which the database cannot store' : null;
      } catch {
        return 'is not valid JSON';
      }
    case 'bytea':
      return /^\\x([0-9a-fA-F]{2})*$/.test(v) ? null : 'is not hexadecimal bytes (\\x…)';
    case 'timestamp with time zone': {
      if (v === 'infinity' || v === '-infinity') return null;
      const m = TIMESTAMP.exec(v);
      return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= 31 && Number(m[4]) < 24 && Number(m[5]) < 60
        ? null : 'is not a date and time';
    }
    default:
      return v.includes('\u0000') ? 'holds a NUL character, which the database cannot store' : null;
  }
}

const show = (v: unknown) => {
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/**
 * Checks each row against the schema's rules as it is read: types, not-null, enumerations, keys that
 * must not repeat, and foreign keys to the tables before it in the file. Throws one sentence.
 */
export function rowChecker(file: string): BackupVisitor & { finish(): void } {
  // Key values seen per table and key (columns joined), with the line that gave each.
  const seen = new Map<string, Map<string, number>>();
  const keyName = (table: string, columns: string[]) => `${table}(${columns.join(',')})`;
  const keyOf = (values: (string | null)[]) => (values.some((v) => v === null) ? null : JSON.stringify(values));
  const index = (rules: TableRules) => new Map(rules.columns.map((c, i) => [c.name, i]));
  const indexes = new Map(BACKUP_RULES.map((r) => [r.table, index(r)]));
  // Foreign keys whose target table comes later in the file, checked at the end.
  const deferred: { at: string; field: string; value: string; target: string; key: string; ref: string }[] = [];
  const order = BACKUP_RULES.map((r) => r.table);

  return {
    row(rules, values, line, row) {
      const at = `${rules.table}, row ${row} (line ${line} of the file)`;
      rules.columns.forEach((c, i) => {
        const v = values[i] as unknown;
        if (v === null) {
          if (c.notNull) throw badBackup(file, S.badValue(at, c.name, 'it is empty, and this field must have a value'));
          return;
        }
        if (typeof v !== 'string') throw badBackup(file, S.badValue(at, c.name, `${show(v)} is not in the text form backups use`));
        const problem = typeProblem(c.type, v);
        if (problem) throw badBackup(file, S.badValue(at, c.name, `${show(v)} ${problem}`));
        if (c.oneOf && !c.oneOf.includes(v)) throw badBackup(file, S.badValue(at, c.name, `${show(v)} is not one of ${c.oneOf.join(', ')}`));
      });
      const ix = indexes.get(rules.table)!;
      for (const columns of rules.keys) {
        const name = keyName(rules.table, columns);
        const key = keyOf(columns.map((c) => values[ix.get(c)!]));
        if (key === null) continue;
        let map = seen.get(name);
        if (!map) seen.set(name, (map = new Map()));
        const first = map.get(key);
        if (first !== undefined) throw badBackup(file, S.duplicateKey(at, `${columns.join(' and ')} ${key.slice(1, -1)}`, first));
        map.set(key, line);
      }
      for (const fk of rules.foreignKeys) {
        const key = keyOf(fk.columns.map((c) => values[ix.get(c)!]));
        if (key === null) continue;
        const ref = keyName(fk.table, fk.foreignColumns);
        const field = fk.columns.join(' and ');
        // A table later in the file (or this one) may still bring the row referred to.
        if (order.indexOf(fk.table) >= order.indexOf(rules.table)) deferred.push({ at, field, value: key.slice(1, -1), target: fk.table, key, ref });
        else if (!seen.get(ref)?.has(key)) throw badBackup(file, S.missingReference(at, field, key.slice(1, -1), fk.table));
      }
    },
    finish() {
      for (const d of deferred) {
        if (!seen.get(d.ref)?.has(d.key)) throw badBackup(file, S.missingReference(d.at, d.field, d.value, d.target));
      }
    },
  };
}
