// The snapshot's bytes are handed to every PGlite that starts from it (test/helpers/store.ts): what
// one database writes must never show in the next, nor change the bytes.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { memoryStore, snapshot } from './store.js';

const digest = async (b: Blob) => createHash('sha256').update(new Uint8Array(await b.arrayBuffer())).digest('hex');
const count = async (store: Awaited<ReturnType<typeof memoryStore>>) =>
  Number(((await store.db.execute(sql`select count(*) as n from areas`)) as unknown as { rows: { n: number }[] }).rows[0].n);

describe('databases started from the snapshot', () => {
  it('each start as the snapshot, whatever one started before it wrote', async () => {
    const before = await digest(snapshot());
    const first = await memoryStore(snapshot());
    const areas = await count(first);
    expect(areas).toBeGreaterThan(400);
    await first.db.execute(sql`delete from areas`);
    await first.db.execute(sql`checkpoint`);
    expect(await count(first)).toBe(0);
    await first.close();
    const second = await memoryStore(snapshot());
    try {
      expect(await count(second)).toBe(areas);
    } finally {
      await second.close();
    }
    expect(await digest(snapshot())).toBe(before);
  });
});
