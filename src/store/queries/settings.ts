// Workspace settings, kept as one JSON value per key.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { settings } from '../schema.js';

export async function getSetting<T>(db: Db, key: string): Promise<T | undefined> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row ? (row.value as T) : undefined;
}

export async function getAllSettings(db: Db): Promise<Record<string, unknown>> {
  const all = await db.select().from(settings);
  return Object.fromEntries(all.map((r) => [r.key, r.value]));
}

export async function putSettings(db: Db, values: Record<string, unknown>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    // JSON text cast explicitly: drivers differ on how they send a bare null to a jsonb column.
    const json = sql`${JSON.stringify(value ?? null)}::jsonb`;
    await db.insert(settings).values({ key, value: json }).onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value` } });
  }
}
