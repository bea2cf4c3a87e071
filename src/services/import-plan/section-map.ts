// Which outcome each report section (or theme) goes to: the user's --map answers first, then what
// earlier imports remembered, then a new plan's own outcomes, then a suggestion by title.
import { ValidationError } from '../../errors.js';
import type { ParsedReport } from '../../ingest/report/parse.js';
import {
  findOutcome, normaliseSection, parseMapOverrides, suggestOutcome, type MappedBy, type OutcomeChoice,
} from '../../ingest/report/mapping.js';
import type { ImportContext } from './types.js';

export interface MappedSection {
  outcome: OutcomeChoice | null;
  mappedBy: MappedBy;
}

/** Whether every word of an outcome's title is in the section's title. */
export function containsTitle(section: string, outcome: string): boolean {
  const words = new Set(normaliseSection(section).split(' '));
  return normaliseSection(outcome).split(' ').every((w) => words.has(w));
}

/** "Great Communities – Libraries, Heritage and Culture" → its two halves; null for a title without a spaced dash. */
function dashed(title: string): { outcome: string; theme: string } | null {
  const m = /^(.{3,80}?)\s[–—-]\s(.{3,})$/.exec(title.trim());
  return m ? { outcome: m[1].trim(), theme: m[2].trim() } : null;
}

/**
 * The outcome a section names by its title: one whose every word it contains ("Great Communities –
 * Libraries" → Great Communities), or whose title holds the words before its dash ("Economy –
 * Transport" → A Strong Economy). Null when none does.
 */
export function outcomeNamed<T extends { title: string }>(section: string, outcomes: T[]): T | null {
  const whole = outcomes.find((o) => containsTitle(section, o.title));
  if (whole) return whole;
  const d = dashed(section);
  return d ? outcomes.find((o) => containsTitle(o.title, d.outcome)) ?? null : null;
}

/**
 * The theme a section stands for within `outcome`: the words after the dash of "Outcome – Theme",
 * the section's own title when it is a part of the outcome under another name ("Public Health" in
 * "Wellbeing and Opportunity"), or null when the section is the outcome itself.
 */
export function sectionTheme(section: string, outcome: string): string | null {
  const d = dashed(section);
  if (d && (containsTitle(outcome, d.outcome) || containsTitle(d.outcome, outcome))) return d.theme;
  return containsTitle(section, outcome) ? null : section;
}

/** Every section and theme title of the reports, as written. */
function sectionTitles(reports: ParsedReport[]): string[] {
  return [...new Set(reports.flatMap((p) => p.sections.flatMap((s) => [s.title, ...s.themes.map((t) => t.title)])))];
}

/**
 * Turns --map values ("Section=Outcome") into answers by normalised title. A --map may name a
 * section or a theme ("Public Health" is a theme in one report, a section in another); naming
 * one that is in no report, or an outcome that is not in the plan, is a ValidationError.
 */
export function parseSectionMap(values: string[], reports: ParsedReport[], outcomes: OutcomeChoice[]): Map<string, string | null> {
  const { value: overrides, problems } = parseMapOverrides(values);
  if (problems.length) throw new ValidationError(problems[0], [{ field: 'map', message: 'expected "Section=Outcome"' }]);
  const titles = sectionTitles(reports);
  const known = new Set(titles.map(normaliseSection));
  const answers = new Map<string, string | null>();
  for (const o of overrides) {
    const key = normaliseSection(o.section);
    if (!known.has(key)) {
      throw new ValidationError(`--map names a section that is not in the report: "${o.section}"`, [{ field: 'map', message: `sections and themes are: ${titles.join('; ')}` }]);
    }
    if (o.outcome === null) {
      answers.set(key, null);
      continue;
    }
    const found = findOutcome(o.outcome, outcomes);
    if (!found) throw new ValidationError(`--map names an outcome that is not in the plan: "${o.outcome}"`, [{ field: 'map', message: `outcomes are: ${outcomes.map((x) => x.title).join('; ')}` }]);
    answers.set(key, found.id);
  }
  return answers;
}

/** The mapper for one import: the same answers for every file in it. */
export function sectionMapper(context: ImportContext) {
  const { plan, overrides, remembered } = context;
  const byId = new Map(plan.outcomes.map((o) => [o.id, o]));
  const outcomeOf = (id: string | null | undefined) => (id ? byId.get(id) ?? null : null);

  function map(title: string, kind: 'front' | 'outcome'): MappedSection {
    const key = normaliseSection(title);
    if (overrides.has(key)) return { outcome: outcomeOf(overrides.get(key)), mappedBy: 'override' };
    const r = remembered.get(key);
    if (r) return { outcome: outcomeOf(r.outcomeId), mappedBy: 'remembered' };
    if (kind === 'front') return { outcome: null, mappedBy: 'none' };
    if (plan.isNew) {
      // Its own outcome, or the outcome the new plan made it a theme of ("Public Health").
      const same = outcomeNamed(title, plan.outcomes) ?? plan.outcomes.find((o) => o.themes.some((t) => normaliseSection(t.title) === key));
      if (same) return { outcome: same, mappedBy: 'new plan' };
    }
    const s = suggestOutcome(title, plan.outcomes);
    return { outcome: s, mappedBy: s ? 'suggested' : 'none' };
  }

  /** A theme follows its section unless it was answered on its own (null then). */
  function theme(title: string): MappedSection | null {
    const key = normaliseSection(title);
    return overrides.has(key) || remembered.has(key) ? map(title, 'front') : null;
  }

  return { map, theme };
}

export type SectionMapper = ReturnType<typeof sectionMapper>;
