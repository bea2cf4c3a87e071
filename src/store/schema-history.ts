// A council's history across plans: how a later plan's outcomes continue an earlier plan's (the
// outcome map a person confirms). Re-exported by schema.ts; import the tables from there.
import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { outcomes, plans, users } from './schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** One confirmed line of an outcome map: an earlier plan's outcome continues as a later plan's. */
export const planOutcomeMaps = pgTable('plan_outcome_maps', {
  fromPlanId: text('from_plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  toPlanId: text('to_plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  fromOutcomeId: text('from_outcome_id').notNull().references(() => outcomes.id, { onDelete: 'cascade' }),
  toOutcomeId: text('to_outcome_id').notNull().references(() => outcomes.id, { onDelete: 'cascade' }),
  confirmedBy: text('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
  confirmedAt: ts('confirmed_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.fromOutcomeId, t.toOutcomeId] }), index('plan_outcome_maps_plans_idx').on(t.fromPlanId, t.toPlanId)]);
