// Team work: conversations on submissions, e-mail notifications (an outbox sent with retry), each
// person's notification choices, and single-use links for invitations and password resets.
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** A comment on an entry, an indicator value or a commitment, seen by its submitter and reviewers. */
export const comments = pgTable('comments', {
  id: text('id').primaryKey(),
  /** entry | value | commitment */
  subjectType: text('subject_type').notNull(),
  subjectId: text('subject_id').notNull(),
  /** The author (kept as text so that a deactivated or removed author leaves the conversation whole). */
  userId: text('user_id'),
  authorName: text('author_name').notNull(),
  body: text('body').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [index('comments_subject_idx').on(t.subjectType, t.subjectId, t.createdAt)]);

/** What a person has turned off: notification kinds they do not want (all are on by default). */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: text('user_id').primaryKey(),
  off: jsonb('off').$type<string[]>().notNull().default([]),
});

/**
 * E-mail waiting to be sent, sent, or failed: written when something happens, sent by the scheduler
 * (or `compendium reminders send`) with retry, so that the action never waits for the mail server.
 */
export const outbox = pgTable('outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind').notNull(),
  userId: text('user_id'),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  /** queued | sent | failed (failed: gave up after the last retry) */
  state: text('state').notNull().default('queued'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
  lastError: text('last_error'),
  /** Set for messages that must go once only (a reminder for a duty's due date). */
  dedupeKey: text('dedupe_key'),
  createdAt: ts('created_at').notNull().defaultNow(),
  sentAt: ts('sent_at'),
}, (t) => [index('outbox_due_idx').on(t.state, t.nextAttemptAt), uniqueIndex('outbox_dedupe_idx').on(t.dedupeKey)]);

/** Invitation and password-reset links: only the SHA-256 of the token is kept; each works once, until it expires. */
export const oneTimeLinks = pgTable('one_time_links', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull(),
  /** invite | reset */
  purpose: text('purpose').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [index('one_time_links_user_idx').on(t.userId)]);
