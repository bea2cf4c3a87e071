// Finance tables: derived indicators (formulas of others), fair-funding what-if models, and the
// council's own finance story (savings plan, budget gap by year, one-off pressures, narrative).
// Re-exported by schema.ts; import them from there (this file only refers to its tables lazily).
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { indicators, plans, users } from './schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const pence = (name: string) => bigint(name, { mode: 'number' });

/** An indicator whose values are computed from others: `[FIN-SPENDING-POWER] * 1000000 / [POP-ALL-AGES]`. */
export const derivedMeasures = pgTable('derived_measures', {
  indicatorId: text('indicator_id').primaryKey().references(() => indicators.id, { onDelete: 'cascade' }),
  formula: text('formula').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** One saved version of a fair-funding model: what total is shared, among whom, by which weighted drivers. */
export const fundingModels = pgTable('funding_models', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  version: integer('version').notNull(),
  /** Indicator whose total is shared out (spending power), and the period. */
  totalIndicator: text('total_indicator').notNull(),
  periodKey: text('period_key').notNull(),
  /** 'english-upper-tier' or another comparator group name. */
  scope: text('scope').notNull(),
  /** [{ indicator: 'POP-65-PLUS', weight: 40 }, …] */
  weights: jsonb('weights').$type<{ indicator: string; weight: number }[]>().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
}, (t) => [uniqueIndex('funding_models_name_idx').on(t.name, t.version)]);

/** A saving in the council's savings plan. */
export const financeSavings = pgTable('finance_savings', {
  id: text('id').primaryKey(),
  planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  periodKey: text('period_key').notNull(),
  title: text('title').notNull(),
  targetPence: pence('target_pence').notNull(),
  deliveredPence: pence('delivered_pence').notNull().default(0),
  status: text('status').notNull(),
  position: integer('position').notNull().default(0),
}, (t) => [index('finance_savings_plan_idx').on(t.planId, t.periodKey)]);

/** The budget gap the medium-term financial strategy forecasts for a year. */
export const financeBudgetGaps = pgTable('finance_budget_gaps', {
  planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  periodKey: text('period_key').notNull(),
  gapPence: pence('gap_pence').notNull(),
  note: text('note'),
}, (t) => [primaryKey({ columns: [t.planId, t.periodKey] })]);

/** A one-off pressure (a cost) or the grant that met it, such as Covid-19 costs and grants. */
export const financePressures = pgTable('finance_pressures', {
  id: text('id').primaryKey(),
  planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  periodKey: text('period_key').notNull(),
  title: text('title').notNull(),
  kind: text('kind').notNull(),
  amountPence: pence('amount_pence').notNull(),
  position: integer('position').notNull().default(0),
}, (t) => [index('finance_pressures_plan_idx').on(t.planId, t.periodKey)]);

/** The council's own short account of its finances for a report period. */
export const financeNarratives = pgTable('finance_narratives', {
  planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  periodKey: text('period_key').notNull(),
  body: text('body').notNull(),
  /** The what-if model the report shows, by name (its latest version). */
  fundingModel: text('funding_model'),
}, (t) => [primaryKey({ columns: [t.planId, t.periodKey] })]);
