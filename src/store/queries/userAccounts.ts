// Staff accounts: who can sign in to the workspace, with which role and assignments.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { users } from '../schema.js';

export type UserRow = typeof users.$inferSelect;

export async function insertUser(db: Db, user: typeof users.$inferInsert): Promise<void> {
  await db.insert(users).values(user);
}

export async function getUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** Email addresses are matched without regard to case (the unique index is on lower(email)). */
export async function getUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.name), asc(users.email));
}

export async function updateUser(db: Db, id: string, changes: Partial<Omit<UserRow, 'id' | 'createdAt'>>): Promise<void> {
  await db.update(users).set(changes).where(eq(users.id, id));
}
