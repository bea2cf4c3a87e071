import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getTableName } from 'drizzle-orm';
import { dataDictionary } from './dataDictionary.js';
import { TABLES_IN_ORDER } from './schema.js';

describe('data dictionary', () => {
  it('describes every table and is current with the schema (run `npx tsx scripts/data-dictionary.ts`)', () => {
    const text = dataDictionary();
    for (const t of Object.values(TABLES_IN_ORDER)) expect(text).toContain(`## ${getTableName(t)}\n\n`);
    expect(text).not.toMatch(/## \w+\n\n\n/);
    expect(text).toContain('| **code** | text | no |');
    const file = path.resolve(import.meta.dirname, '../../docs/data-dictionary.md');
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });
});
