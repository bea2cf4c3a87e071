// Opening a database migrates it once: the schema's fingerprint, kept as the comment of schema
// `public`, lets later opens skip the migration check and the trigger SQL until the schema changes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openStore, rows, schemaFingerprint, type Store } from './index.js';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

const note = async (s: Store) => (await rows<{ note: string | null }>(s.db, sql`select obj_description('public'::regnamespace, 'pg_namespace') as note`))[0].note;
const hasTrigger = async (s: Store) => (await rows(s.db, sql`select 1 from pg_trigger where tgname = 'audit_events_append_only'`)).length === 1;

describe('the schema fingerprint', () => {
  it('is recorded on first open, skips the migration work while it matches, and redoes it when it does not', { timeout: 180_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-fingerprint-'));
    dirs.push(dataDir);
    let store = await openStore({ dataDir });
    expect(await note(store)).toBe(schemaFingerprint());
    expect(await hasTrigger(store)).toBe(true);
    // Remove what the extra SQL creates: an open that skips the migration work leaves it removed.
    await store.db.execute(sql`drop trigger audit_events_append_only on audit_events`);
    await store.close();

    store = await openStore({ dataDir });
    expect(await hasTrigger(store)).toBe(false);
    // A database that says it has another schema is migrated again and the extra SQL re-applied.
    await store.db.execute(sql.raw(`comment on schema public is 'compendium-schema:older'`));
    await store.close();

    store = await openStore({ dataDir });
    expect(await hasTrigger(store)).toBe(true);
    expect(await note(store)).toBe(schemaFingerprint());
    await store.close();
  });
});
