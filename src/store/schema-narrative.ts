// The council's own words that are not delivery items: a plan's introduction, its non-outcome sections
// (financial context, corporate enablers …) and each outcome's and theme's introduction, paragraph
// by paragraph, in the council's order. Re-exported by schema.ts; import them from there.
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { documents, outcomes, plans, themes, users } from './schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** One block of narrative: under no outcome (the plan's own sections), an outcome, or a theme. */
export const narrativeBlocks = pgTable('narrative_blocks', {
  id: text('id').primaryKey(),
  planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  outcomeId: text('outcome_id').references(() => outcomes.id, { onDelete: 'set null' }),
  themeId: text('theme_id').references(() => themes.id, { onDelete: 'set null' }),
  /** The report period it was written for (FY2019-20), when it came from a report. */
  periodKey: text('period_key'),
  /** Its place in the council's order (the report's order when imported). */
  position: integer('position').notNull(),
  heading: text('heading'),
  /** The paragraphs, each a string, in order. */
  paragraphs: jsonb('paragraphs').$type<string[]>().notNull(),
  documentId: text('document_id').references(() => documents.id, { onDelete: 'set null' }),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
}, (t) => [index('narrative_blocks_plan_idx').on(t.planId, t.position)]);
