// A new plan made from a report: its outcome sections become outcomes and their themes themes.
import { financialYear, slugify } from '../../domain/index.js';
import type { ParsedReport } from '../../ingest/report/parse.js';
import type { OutcomeChoice } from '../../ingest/report/mapping.js';
import { containsTitle } from './section-map.js';
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
 * financial year before the report's; a section that repeats an earlier outcome's title ("Great
 * Communities – Libraries") belongs to that outcome rather than making another.
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
  for (const s of report?.sections ?? []) {
    if (s.kind !== 'outcome' || outcomes.some((o) => containsTitle(s.title, o.title))) continue;
    const slug = freshSlug(s.title, slugs);
    const outcomeId = newId();
    rows.outcomes.push({ id: outcomeId, planId: id, slug, title: s.title, summary: s.intro, position: rows.outcomes.length + 1 });
    const themes: { id: string; title: string }[] = [];
    const themeSlugs = new Set<string>();
    for (const t of s.themes) {
      const themeId = newId();
      rows.themes.push({ id: themeId, outcomeId, slug: freshSlug(t.title, themeSlugs), title: t.title, summary: t.intro, position: themes.length + 1 });
      themes.push({ id: themeId, title: t.title });
    }
    outcomes.push({ id: outcomeId, title: s.title, slug, themes });
  }
  return { id, title, outcomes, isNew: true, rows };
}
