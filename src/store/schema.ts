// The database schema: one definition for the embedded database (PGlite) and PostgreSQL.
// Ids are text (UUIDs) so that workspaces can be backed up and restored across the two.
import { sql } from 'drizzle-orm';
import {
  bigserial, boolean, customType, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { comments, notificationPreferences } from './schema-teamwork.js';
import { derivedMeasures, financeBudgetGaps, financeNarratives, financePressures, financeSavings, fundingModels } from './schema-finance.js';
import { planOutcomeMaps } from './schema-history.js';
import { entryLinks, schemes } from './schema-links.js';
import { narrativeBlocks } from './schema-narrative.js';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const date = (name: string) => text(name); // ISO yyyy-mm-dd; text keeps it identical across both drivers

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

export const areas = pgTable('areas', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  type: text('type').notNull(),
  parentCode: text('parent_code'),
  region: text('region'),
  nation: text('nation'),
  population: integer('population'),
  lat: doublePrecision('lat'),
  lng: doublePrecision('lng'),
  fictional: boolean('fictional').notNull().default(false),
  /** Last day of a council that has been abolished or merged; null while it exists. */
  endDate: date('end_date'),
}, (t) => [index('areas_parent_idx').on(t.parentCode), index('areas_type_idx').on(t.type)]);

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  active: boolean('active').notNull().default(true),
  services: jsonb('services').$type<string[]>().notNull().default([]),
  outcomeIds: jsonb('outcome_ids').$type<string[]>().notNull().default([]),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('users_email_idx').on(sql`lower(${t.email})`)]);

export const sessions = pgTable('sessions', {
  /** SHA-256 of the session token; the token itself is only in the browser's cookie. */
  id: text('id').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/**
 * Sign-in attempts counted per key ("account:…|client:…", "client:…", "account:…") over a window,
 * raised atomically before each password check so that several web processes, and attempts racing
 * each other, agree on how many checks a key has had.
 */
export const signInCounters = pgTable('sign_in_counters', {
  key: text('key').primaryKey(),
  attempts: integer('attempts').notNull(),
  windowStart: ts('window_start').notNull().defaultNow(),
});

/** The earlier record of failed sign-ins, no longer written (sign_in_counters replaced it); kept so older backups restore. */
export const loginAttempts = pgTable('login_attempts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  key: text('key').notNull(),
  at: ts('at').notNull().defaultNow(),
}, (t) => [index('login_attempts_key_idx').on(t.key, t.at)]);

/**
 * A report uploaded in the workspace and shown as a preview, waiting to be confirmed (30 minutes).
 * In the database rather than in a web process, so that any process can take the confirmation.
 */
export const stagedUploads = pgTable('staged_uploads', {
  /** SHA-256 of the token in the preview form; the token itself is only in the page. */
  id: text('id').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** The upload's choices: report year, new plan title. */
  options: jsonb('options').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [index('staged_uploads_user_idx').on(t.userId, t.createdAt)]);

/**
 * A staged upload's bytes in parts of at most STAGED_PART_BYTES, each written and read by a
 * statement of its own: one statement carrying a 10 MB file held an embedded database's server
 * (its thread) for over a second.
 */
export const stagedUploadParts = pgTable('staged_upload_parts', {
  uploadId: text('upload_id').notNull().references(() => stagedUploads.id, { onDelete: 'cascade' }),
  part: integer('part').notNull(),
  content: bytea('content').notNull(),
}, (t) => [primaryKey({ columns: [t.uploadId, t.part] })]);

export const plans = pgTable('plans', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  councilCode: text('council_code').notNull().references(() => areas.code),
  startDate: date('start_date').notNull(),
  endDate: date('end_date').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const outcomes = pgTable('outcomes', {
  id: text('id').primaryKey(),
  planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  slug: text('slug').notNull(),
  title: text('title').notNull(),
  summary: text('summary').notNull().default(''),
  position: integer('position').notNull(),
  ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
}, (t) => [uniqueIndex('outcomes_plan_slug_idx').on(t.planId, t.slug)]);

export const themes = pgTable('themes', {
  id: text('id').primaryKey(),
  outcomeId: text('outcome_id').notNull().references(() => outcomes.id, { onDelete: 'cascade' }),
  slug: text('slug').notNull(),
  title: text('title').notNull(),
  summary: text('summary').notNull().default(''),
  position: integer('position').notNull(),
}, (t) => [uniqueIndex('themes_outcome_slug_idx').on(t.outcomeId, t.slug)]);

export const documents = pgTable('documents', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  mediaType: text('media_type').notNull(),
  sha256: text('sha256').notNull(),
  size: integer('size').notNull(),
  planId: text('plan_id').references(() => plans.id, { onDelete: 'set null' }),
  /** The text as extracted, before clean-up: provenance offsets point into it. */
  text: text('text'),
  /** The period the report looks back on (FY2019-20): one report per period and plan unless replaced. */
  periodKey: text('period_key'),
  importedAt: ts('imported_at').notNull().defaultNow(),
  importedBy: text('imported_by').references(() => users.id, { onDelete: 'set null' }),
}, (t) => [uniqueIndex('documents_sha_plan_idx').on(t.sha256, t.planId)]);

/** Remembered answers to "which outcome is this report section?", per plan. */
export const sectionMappings = pgTable('section_mappings', {
  planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  /** Normalised section heading (lower case, single spaces). */
  section: text('section').notNull(),
  outcomeId: text('outcome_id').references(() => outcomes.id, { onDelete: 'cascade' }),
  themeId: text('theme_id').references(() => themes.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.planId, t.section] })]);

/**
 * One imported report file. Its entries and commitments are drafts linked to it until a reviewer
 * publishes them; undoing it removes them (the batch row stays, to say when and by whom).
 */
export const importBatches = pgTable('import_batches', {
  id: text('id').primaryKey(),
  planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  documentId: text('document_id').references(() => documents.id, { onDelete: 'set null' }),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  periodKey: text('period_key'),
  /** review, published or undone. */
  state: text('state').notNull().default('review'),
  /** What the file gave: entries, facts, places, commitments. */
  counts: jsonb('counts').$type<Record<string, number>>().notNull(),
  warnings: jsonb('warnings').$type<string[]>().notNull().default([]),
  /** The report's own sections, in order, and the outcome each was mapped to. */
  outline: jsonb('outline').$type<{ title: string; kind: string; outcomeId: string | null; outcome: string | null; themes: string[] }[]>().notNull().default([]),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: ts('created_at').notNull().defaultNow(),
  publishedBy: text('published_by').references(() => users.id, { onDelete: 'set null' }),
  publishedAt: ts('published_at'),
  undoneBy: text('undone_by').references(() => users.id, { onDelete: 'set null' }),
  undoneAt: ts('undone_at'),
}, (t) => [index('import_batches_plan_idx').on(t.planId, t.createdAt)]);

export const entries = pgTable('entries', {
  id: text('id').primaryKey(),
  planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  outcomeId: text('outcome_id').references(() => outcomes.id, { onDelete: 'set null' }),
  themeId: text('theme_id').references(() => themes.id, { onDelete: 'set null' }),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  date: date('date'),
  periodKey: text('period_key'),
  service: text('service'),
  partners: jsonb('partners').$type<string[]>().notNull().default([]),
  status: text('status'),
  workflowState: text('workflow_state').notNull().default('draft'),
  sourceSection: text('source_section'),
  position: integer('position').notNull().default(0),
  documentId: text('document_id').references(() => documents.id, { onDelete: 'set null' }),
  sourceStart: integer('source_start'),
  sourceEnd: integer('source_end'),
  reviewComment: text('review_comment'),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  publishedAt: ts('published_at'),
  /** The import batch the entry came from, while it exists; null for entries written in the workspace. */
  importBatchId: text('import_batch_id').references(() => importBatches.id, { onDelete: 'set null' }),
  /** For imported entries: pending, accepted or excluded by the reviewer. */
  importDecision: text('import_decision'),
}, (t) => [
  index('entries_plan_idx').on(t.planId, t.outcomeId, t.position),
  index('entries_period_idx').on(t.periodKey),
  index('entries_state_idx').on(t.workflowState),
  index('entries_document_idx').on(t.documentId),
  index('entries_import_batch_idx').on(t.importBatchId),
]);

export const entryPlaces = pgTable('entry_places', {
  entryId: text('entry_id').notNull().references(() => entries.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  areaCode: text('area_code').references(() => areas.code),
}, (t) => [primaryKey({ columns: [t.entryId, t.name] }), index('entry_places_area_idx').on(t.areaCode)]);

export const facts = pgTable('facts', {
  id: text('id').primaryKey(),
  entryId: text('entry_id').notNull().references(() => entries.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  value: doublePrecision('value'),
  valueMax: doublePrecision('value_max'),
  unit: text('unit').notNull(),
  text: text('text').notNull(),
  start: integer('start'),
  end: integer('end'),
  approximate: boolean('approximate').notNull().default(false),
  dateStart: date('date_start'),
  dateEnd: date('date_end'),
}, (t) => [index('facts_entry_idx').on(t.entryId)]);

export const commitments = pgTable('commitments', {
  id: text('id').primaryKey(),
  planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  outcomeId: text('outcome_id').references(() => outcomes.id, { onDelete: 'set null' }),
  entryId: text('entry_id').references(() => entries.id, { onDelete: 'set null' }),
  text: text('text').notNull(),
  dueText: text('due_text'),
  dueStart: date('due_start'),
  dueEnd: date('due_end'),
  status: text('status').notNull().default('open'),
  /** The day the status was last set, and what shows it (a note; linked entries are in commitment_evidence). */
  statusSetOn: date('status_set_on'),
  statusNote: text('status_note'),
  /**
   * A status change waiting for approval (like an entry: draft, submitted, approved; published means
   * applied to status and status_note above, and these emptied). Null when nothing is proposed.
   */
  proposedStatus: text('proposed_status'),
  proposedNote: text('proposed_note'),
  proposalState: text('proposal_state'),
  /** The user who proposed it (kept as an id: a removed user leaves the proposal standing) and when. */
  proposedBy: text('proposed_by'),
  proposedAt: ts('proposed_at'),
  /** Who answers for it: a service, team or post. */
  owner: text('owner'),
  /** 'stated' when the promise names when; 'plan-end' when it is due at the end of its plan. */
  dueBasis: text('due_basis').notNull().default('stated'),
  /** The period of the report that made the promise. */
  periodKey: text('period_key'),
  workflowState: text('workflow_state').notNull().default('draft'),
  documentId: text('document_id').references(() => documents.id, { onDelete: 'set null' }),
  sourceStart: integer('source_start'),
  sourceEnd: integer('source_end'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  importBatchId: text('import_batch_id').references(() => importBatches.id, { onDelete: 'set null' }),
}, (t) => [index('commitments_plan_idx').on(t.planId, t.dueStart), index('commitments_entry_idx').on(t.entryId)]);

export const commitmentEvidence = pgTable('commitment_evidence', {
  commitmentId: text('commitment_id').notNull().references(() => commitments.id, { onDelete: 'cascade' }),
  entryId: text('entry_id').notNull().references(() => entries.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.commitmentId, t.entryId] })]);

export const indicators = pgTable('indicators', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  title: text('title').notNull(),
  unit: text('unit').notNull(),
  decimalPlaces: integer('decimal_places').notNull().default(1),
  polarity: text('polarity').notNull(),
  frequency: text('frequency').notNull(),
  outcomeId: text('outcome_id').references(() => outcomes.id, { onDelete: 'set null' }),
  themeId: text('theme_id').references(() => themes.id, { onDelete: 'set null' }),
  source: text('source'),
  definition: text('definition'),
  changeTolerance: doublePrecision('change_tolerance').notNull().default(0),
  ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('indicators_code_idx').on(t.code), index('indicators_outcome_idx').on(t.outcomeId)]);

export const targets = pgTable('targets', {
  id: text('id').primaryKey(),
  indicatorId: text('indicator_id').notNull().references(() => indicators.id, { onDelete: 'cascade' }),
  areaCode: text('area_code').notNull().references(() => areas.code),
  periodKey: text('period_key').notNull(),
  value: doublePrecision('value').notNull(),
  tolerance: doublePrecision('tolerance').notNull().default(0),
  toleranceKind: text('tolerance_kind').notNull().default('absolute'),
}, (t) => [uniqueIndex('targets_key_idx').on(t.indicatorId, t.areaCode, t.periodKey)]);

export const observations = pgTable('observations', {
  indicatorId: text('indicator_id').notNull().references(() => indicators.id, { onDelete: 'cascade' }),
  areaCode: text('area_code').notNull().references(() => areas.code),
  periodKey: text('period_key').notNull(),
  value: doublePrecision('value'),
  status: text('status').notNull().default('final'),
  note: text('note'),
  /** The council's own words on the figure ("why it went down"), published with it. */
  commentary: text('commentary'),
  workflowState: text('workflow_state').notNull().default('published'),
  documentId: text('document_id').references(() => documents.id, { onDelete: 'set null' }),
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.indicatorId, t.areaCode, t.periodKey] }),
  index('observations_area_idx').on(t.areaCode, t.periodKey),
]);

export const comparatorGroups = pgTable('comparator_groups', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  anchorAreaCode: text('anchor_area_code').references(() => areas.code),
  description: text('description'),
}, (t) => [uniqueIndex('comparator_groups_name_idx').on(t.name, sql`coalesce(${t.anchorAreaCode}, '')`)]);

export const comparatorGroupMembers = pgTable('comparator_group_members', {
  groupId: text('group_id').notNull().references(() => comparatorGroups.id, { onDelete: 'cascade' }),
  areaCode: text('area_code').notNull().references(() => areas.code),
}, (t) => [primaryKey({ columns: [t.groupId, t.areaCode] })]);

/** Reporting calendar: who supplies an indicator's value or an outcome's update for a period, and by when. */
export const reportingDuties = pgTable('reporting_duties', {
  id: text('id').primaryKey(),
  subjectType: text('subject_type').notNull(),
  subjectId: text('subject_id').notNull(),
  periodKey: text('period_key').notNull(),
  ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
  dueDate: date('due_date').notNull(),
  doneAt: ts('done_at'),
  /** monthly | quarterly | annually: the next period's duty is created by itself; null for once only. */
  repeats: text('repeats'),
}, (t) => [uniqueIndex('reporting_duties_key_idx').on(t.subjectType, t.subjectId, t.periodKey), index('reporting_duties_owner_idx').on(t.ownerId, t.dueDate)]);

/** Financial context for a period: savings, budget gap, funding per head, in the council's words. */
export const financialFigures = pgTable('financial_figures', {
  id: text('id').primaryKey(),
  planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  periodKey: text('period_key').notNull(),
  label: text('label').notNull(),
  /** Integer pence for money; plain numbers otherwise (unit says which). */
  amount: doublePrecision('amount').notNull(),
  unit: text('unit').notNull(),
  note: text('note'),
  position: integer('position').notNull().default(0),
}, (t) => [index('financial_figures_plan_idx').on(t.planId, t.periodKey)]);

/**
 * One version of a report for a plan and period: asked for in the workspace (or the command line),
 * generated in the background as a draft, sent for approval, and published by an administrator.
 * The row is the job's state too, so a restart picks up queued work where it was.
 */
export const reportVersions = pgTable('report_versions', {
  id: text('id').primaryKey(),
  planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  periodKey: text('period_key').notNull(),
  groupName: text('group_name'),
  /** queued, generating, draft, submitted, publish-queued, publishing, published, failed */
  state: text('state').notNull(),
  /** What the background work is doing now ("pdf"), and how far through it is. */
  stage: text('stage'),
  done: integer('done').notNull().default(0),
  total: integer('total').notNull().default(0),
  /** Why the last generation or publication stopped (the row stays where it was). */
  error: text('error'),
  /** 1, 2, … among the published versions of the plan and period; null until published. */
  version: integer('version'),
  changeNote: text('change_note'),
  /** Why the PDF is not among the published files (Chromium missing on the server), if it is not. */
  pdfUnavailable: text('pdf_unavailable'),
  requestedBy: text('requested_by').references(() => users.id, { onDelete: 'set null' }),
  requestedAt: ts('requested_at').notNull().defaultNow(),
  submittedBy: text('submitted_by').references(() => users.id, { onDelete: 'set null' }),
  submittedAt: ts('submitted_at'),
  publishedBy: text('published_by').references(() => users.id, { onDelete: 'set null' }),
  /** The approver's name as it was when publishing (kept if the user is later removed). */
  approvedByName: text('approved_by_name'),
  publishedAt: ts('published_at'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [index('report_versions_plan_idx').on(t.planId, t.periodKey, t.state), uniqueIndex('report_versions_version_idx').on(t.planId, t.periodKey, t.version)]);

/** Generated report files (kept in the database so web processes stay stateless). */
export const reportArtifacts = pgTable('report_artifacts', {
  id: text('id').primaryKey(),
  planId: text('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  periodKey: text('period_key').notNull(),
  format: text('format').notNull(),
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  draft: boolean('draft').notNull(),
  content: bytea('content').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  /** The report version these files belong to (files published before versions existed have none). */
  reportId: text('report_id').references(() => reportVersions.id, { onDelete: 'cascade' }),
}, (t) => [index('report_artifacts_report_idx').on(t.reportId), index('report_artifacts_plan_idx').on(t.planId, t.periodKey, t.format)]);

/** Append-only: rows are inserted, never updated or deleted (a trigger refuses both). */
export const auditEvents = pgTable('audit_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: ts('at').notNull().defaultNow(),
  userId: text('user_id'),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id').notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
}, (t) => [index('audit_events_entity_idx').on(t.entityType, t.entityId, t.at)]);

export * from './schema-finance.js';
export * from './schema-history.js';
export * from './schema-links.js';
export * from './schema-narrative.js';
export * from './schema-teamwork.js';

/** Every table, in an order where each comes after those it refers to (backup and restore rely on it). */
export const TABLES_IN_ORDER = {
  settings, areas, users, sessions, loginAttempts, stagedUploads, stagedUploadParts, plans, outcomes, themes, documents, sectionMappings,
  importBatches, entries, entryPlaces, facts, commitments, commitmentEvidence, indicators, targets, observations,
  comparatorGroups, comparatorGroupMembers, reportingDuties, financialFigures, reportVersions, reportArtifacts, auditEvents,
  derivedMeasures, fundingModels, financeSavings, financeBudgetGaps, financePressures, financeNarratives, planOutcomeMaps,
  schemes, entryLinks, narrativeBlocks,
  comments, notificationPreferences,
} as const;
