// A backup's number check agrees with the database it restores into: every value the check passes
// the database stores, and every value the database refuses the check names first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testStore } from '../../test/helpers/store.js';
import type { Store } from '../store/index.js';
import { typeProblem } from './backup-rows.js';

let store: Store;
beforeAll(async () => {
  store = await testStore();
});
afterAll(async () => {
  await store.close();
});

const numbers = ['0', '-0', '12.5', '.5', '5.', '1e308', '1.7976931348623157e308', '1e309', '1e999', '-1e999', '1e-300',
  '1e-999', '0e999', '0.0e-999', '4.9e-324', 'NaN', 'Infinity', '-Infinity', '1,5', ''];
// (The check also refuses forms a backup never writes but PostgreSQL's parser takes, such as hex "0x10".)

describe('backup rows: double precision', () => {
  it('passes exactly the values the database stores', async () => {
    for (const v of numbers) {
      const stored = await store.db.execute(sql`select ${v}::double precision as n`).then(() => true, () => false);
      expect({ v, passes: typeProblem('double precision', v) === null }).toEqual({ v, passes: stored });
    }
  });

  it('says why a number out of range is refused', () => {
    expect(typeProblem('double precision', '1e999')).toBe('is out of range for a number column');
    expect(typeProblem('double precision', 'lots')).toBe('is not a number');
  });
});
