// A new plan made from a report. When the report lists its plan's outcomes in its opening pages
// ("5 high-level priorities – A Strong Economy – …"), those are the outcomes and each section of the
// report becomes a theme of the outcome it belongs to; otherwise its outcome sections are the
// outcomes. Either way "Outcome – Theme" headings are themes of the outcome before the dash.
import { financialYear, slugify } from '../../domain/index.js';
import type { ParsedReport } from '../../ingest/report/parse.js';
import { normaliseSection, suggestOutcome, type OutcomeChoice } from '../../ingest/report/mapping.js';
import { outcomeNamed, sectionTheme } from './section-map.js';
import type { PlanTarget } from './types.js';

type Rows = NonNullable<PlanTarget['rows']>;

/** A slug not yet in `taken`, numbered when the title's own slug is. */
function freshSlug(title: string, taken: Set<string>): string {
  let slug = slugify(title);
  while (taken.has(slug)) slug = `${slug}-${taken.size}`;
  taken.add(slug);
  return slug;
}

/**
 * The plan, outcomes and themes to create for `--new-plan TITLE`. The plan runs four years from the
 * financial year before the report's. A section that names an outcome already made, before a dash
 * ("Great Communities – Libraries") or in full, adds a theme to it rather than making another.
 */
export function newPlanFromReport(
  input: { title: string; councilCode: string; report: ParsedReport | undefined; thisYear: number },
  newId: () => string,
): PlanTarget {
  const { title, councilCode, report } = input;
  const start = financialYear((report?.reportYear ?? input.thisYear) - 1);
  const id = newId();
  const rows: Rows = { plan: { id, title, councilCode, startDate: start.start, endDate: `${Number(start.start.slice(0, 4)) + 4}-03-31` }, outcomes: [], themes: [] };
  const outcomes: OutcomeChoice[] = [];
  const slugs = new Set<string>();
  const themeSlugs = new Map<string, Set<string>>();

  const addOutcome = (name: string, summary: string): OutcomeChoice => {
    const slug = freshSlug(name, slugs);
    const outcomeId = newId();
    rows.outcomes.push({ id: outcomeId, planId: id, slug, title: name, summary, position: rows.outcomes.length + 1 });
    const o: OutcomeChoice = { id: outcomeId, title: name, slug, themes: [] };
    outcomes.push(o);
    themeSlugs.set(outcomeId, new Set());
    return o;
  };
  const addTheme = (o: OutcomeChoice, name: string, summary: string) => {
    if (o.themes.some((t) => normaliseSection(t.title) === normaliseSection(name))) return;
    const themeId = newId();
    rows.themes.push({ id: themeId, outcomeId: o.id, slug: freshSlug(name, themeSlugs.get(o.id)!), title: name, summary, position: o.themes.length + 1 });
    o.themes.push({ id: themeId, title: name });
  };

  const priorities = report?.priorities ?? [];
  for (const p of priorities) addOutcome(p.title, p.description);
  for (const s of report?.sections ?? []) {
    if (s.kind !== 'outcome') continue;
    // With the outcomes listed, a section that names none is matched by topic ("Consumer Protection"
    // → Keeping People Safe); one that matches nothing is not an outcome (corporate enablers).
    const owner = outcomeNamed(s.title, outcomes) ?? (priorities.length ? suggestOutcome(s.title, outcomes) : null);
    if (!owner) {
      if (priorities.length) continue;
      const o = addOutcome(s.title, s.intro);
      for (const t of s.themes) addTheme(o, t.title, t.intro);
      continue;
    }
    const own = sectionTheme(s.title, owner.title);
    if (own) addTheme(owner, own, s.intro);
    for (const t of s.themes) addTheme(owner, t.title, t.intro);
  }
  return { id, title, outcomes, isNew: true, rows };
}
