// Links across years: a later entry suggested (then accepted or rejected by a person) as being
// about the same scheme as an earlier entry or commitment, and the schemes that accepted links
// gather into, each with its public timeline. Re-exported by schema.ts; import them from there.
import { sql } from 'drizzle-orm';
import { doublePrecision, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { commitments, entries, users } from './schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** A scheme or project followed across years ("Melton Mowbray Distributor Road"); its timeline is its linked entries. */
export const schemes = pgTable('schemes', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('schemes_slug_idx').on(t.slug)]);

/**
 * A later entry linked to an earlier entry or to a commitment (exactly one of the two): suggested with
 * a score and a reason, then accepted or rejected by a person. Accepted links belong to a scheme.
 */
export const entryLinks = pgTable('entry_links', {
  id: text('id').primaryKey(),
  entryId: text('entry_id').notNull().references(() => entries.id, { onDelete: 'cascade' }),
  earlierEntryId: text('earlier_entry_id').references(() => entries.id, { onDelete: 'cascade' }),
  commitmentId: text('commitment_id').references(() => commitments.id, { onDelete: 'cascade' }),
  score: doublePrecision('score').notNull(),
  reason: text('reason').notNull(),
  sharedNames: jsonb('shared_names').$type<string[]>().notNull().default([]),
  /** suggested, accepted or rejected. */
  state: text('state').notNull().default('suggested'),
  schemeId: text('scheme_id').references(() => schemes.id, { onDelete: 'set null' }),
  decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
  decidedAt: ts('decided_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('entry_links_pair_idx').on(t.entryId, sql`coalesce(${t.earlierEntryId}, '')`, sql`coalesce(${t.commitmentId}, '')`),
  index('entry_links_earlier_idx').on(t.earlierEntryId),
  index('entry_links_commitment_idx').on(t.commitmentId),
  index('entry_links_scheme_idx').on(t.schemeId),
  index('entry_links_state_idx').on(t.state),
]);
