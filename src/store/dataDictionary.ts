// The data dictionary as Markdown, read off the drizzle schema: every table in restore order with
// its columns, types, nullability, defaults and references.
import { getTableName } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { TABLES_IN_ORDER } from './schema.js';

const PURPOSE: Record<string, string> = {
  settings: 'Workspace settings as key → JSON value: the council, brand, current plan, default comparator group.',
  areas: 'Reference areas (councils, regions, nations) by GSS code, with type, parent and population; fictional areas for the demo.',
  users: 'Staff who sign in, with their role and, for contributors, the services and outcomes they are assigned to.',
  sessions: 'Signed-in sessions (the SHA-256 of the cookie token) with their CSRF token and expiry.',
  login_attempts: 'The earlier record of failed sign-ins, no longer written (sign-in throttling now counts in sign_in_counters, which backups leave out); kept so that older backups restore.',
  staged_uploads: 'Reports uploaded in the workspace and previewed, waiting 30 minutes to be confirmed (the SHA-256 of the form token), so any web process can take the confirmation.',
  staged_upload_parts: 'The bytes of a staged upload, in parts of at most 256 KB in order, each written and read by a statement of its own.',
  plans: 'A Strategic Plan: title and the years it runs.',
  outcomes: 'The outcomes of a plan, in order, each with a summary and an owner.',
  themes: 'The themes of an outcome, in order.',
  documents: 'Imported files: name, media type, SHA-256 (importing the same file twice changes nothing) and the extracted text.',
  import_batches: 'One imported report file: its name, SHA-256, plan, period, who imported it and when, what it gave (counts, warnings, the report\'s own sections) and its state (review, published, undone). Its entries and commitments are drafts until it is published.',
  narrative_blocks: 'The council\'s own words that are not delivery items, paragraph by paragraph in its order: the plan\'s introduction and non-outcome sections (outcome and theme empty), and each outcome\'s and theme\'s introduction; imported from reports and editable.',
  section_mappings: 'Remembered answers to "which outcome is this report section?", per plan.',
  entries: 'Delivery: achievements, updates, projects and commitments, with workflow state and provenance (document and character offsets).',
  entry_places: 'Places an entry mentions: reference areas by code, or named towns and villages.',
  facts: 'Figures found in or attached to an entry: money, counts, percentages, dates, periods and durations, with their exact text.',
  commitments: 'Promises with a due date or range and a status, linked to the entries that evidence them.',
  commitment_evidence: 'Which entries show a commitment delivered.',
  indicators: 'Performance indicator definitions: code, unit, decimal places, polarity, frequency, outcome, source.',
  targets: 'Targets for an indicator, council and period, with tolerance for amber.',
  observations: 'Indicator values for an area and period (missing kept as null), with status and workflow state.',
  comparator_groups: 'Named groups of councils to benchmark against; nearest-neighbour groups have one row per anchor council.',
  comparator_group_members: 'The councils in each comparator group.',
  reporting_duties: 'The reporting calendar: who supplies which indicator or outcome update for a period, and by when.',
  financial_figures: 'Financial context for a period: savings, budget gap, funding per head.',
  derived_measures: 'Indicators computed from others by a formula (funding per head); their values are stored as observations.',
  funding_models: 'Saved, versioned fair-funding what-if models: the total shared, the scope and the weighted cost drivers.',
  finance_savings: "The council's savings plan: each saving's target, amount delivered and status.",
  finance_budget_gaps: 'The budget gap by year across the medium-term financial strategy.',
  finance_pressures: 'One-off pressures (costs) and the grants that met them, such as Covid-19.',
  finance_narratives: "The council's own account of its finances for a report period, and the what-if model the report shows.",
  schemes: 'Schemes and projects followed across years; each has a public timeline of the entries linked to it.',
  entry_links: 'A later entry linked to an earlier entry or a commitment about the same scheme: suggested with a score and a reason, accepted or rejected by a person.',
  report_versions: 'Versions of the annual report for a plan and period: the background generation\'s progress, the draft sent for approval, who published it and when, and what changed since the version before.',
  report_artifacts: 'Generated report files (HTML, PDF, DOCX, MD, CSV, JSON), kept in the database so web processes stay stateless.',
  plan_outcome_maps: "How a later plan's outcomes continue an earlier plan's: one row per confirmed pair (an outcome may split or merge), with who confirmed it and when.",
  comments: 'Conversations on submissions: comments on an entry, indicator value or commitment, by whom and when (with the author’s name).',
  notification_preferences: 'The e-mail notifications each person has turned off (all are on by default).',
  audit_events: 'Append-only audit trail: who changed what, when, before and after.',
};

export function dataDictionary(): string {
  const lines = [
    '# Data dictionary',
    '',
    'Generated from `src/store/schema.ts` by `npx tsx scripts/data-dictionary.ts`; do not edit by hand.',
    'Tables are listed in the order a restore loads them (each after the tables it refers to).',
    'Period keys: `FY2023-24` (financial year), `FY2024-25-Q1` (quarter), `AY2023-24` (academic year),',
    '`CY2024` (calendar year), `M2024-07` (month), `D2024-03-31` (as-at date). Money is in pence.',
    '',
  ];
  for (const table of Object.values(TABLES_IN_ORDER) as PgTable[]) {
    const config = getTableConfig(table);
    const name = getTableName(table);
    lines.push(`## ${name}`, '', PURPOSE[name] ?? '', '', '| column | type | null | default | refers to |', '|---|---|---|---|---|');
    const refs = new Map<string, string>();
    for (const fk of config.foreignKeys) {
      const r = fk.reference();
      r.columns.forEach((c, i) => refs.set(c.name, `${getTableName(r.foreignTable)}.${r.foreignColumns[i]?.name ?? ''}`));
    }
    for (const c of config.columns) {
      const dflt = c.hasDefault ? (c.default === undefined ? 'generated' : `\`${JSON.stringify(c.default)}\``) : '';
      lines.push(`| ${c.primary ? `**${c.name}**` : c.name} | ${c.getSQLType()} | ${c.notNull ? 'no' : 'yes'} | ${dflt} | ${refs.get(c.name) ?? ''} |`);
    }
    const pk = config.primaryKeys[0];
    if (pk) lines.push('', `Primary key: (${pk.columns.map((c) => c.name).join(', ')}).`);
    lines.push('');
  }
  return lines.join('\n');
}
