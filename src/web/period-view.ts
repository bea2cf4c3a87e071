// What a public page says about the period it shows: the period and the plan read, a sentence when
// the period has delivery but no indicator values (or the reverse), and links to the other periods.
import type { PeriodScope } from '../services/site/current-plan.js';

export interface PeriodView {
  key: string;
  label: string;
  planTitle: string;
  planSlug: string;
  /** The plan read is an earlier one, in force in the period. */
  earlierPlan: boolean;
  /** Asked for; else the default period, the latest with anything published. */
  chosen: boolean;
  note?: string;
  others: { label: string; href: string }[];
}

/** The period line of a page at `path`; the other periods' links keep the page's other parameters. */
export function periodView(scope: PeriodScope, path: string, keep: Record<string, string | undefined> = {}): PeriodView {
  const params = Object.entries(keep).filter((e): e is [string, string] => Boolean(e[1]) && e[0] !== 'period' && e[0] !== 'page');
  const href = (key: string) => `${path}?${new URLSearchParams([...params, ['period', key]]).toString()}`;
  return {
    key: scope.key, label: scope.label, planTitle: scope.structure.plan.title, planSlug: scope.planSlug, earlierPlan: !scope.currentPlan, chosen: scope.chosen, note: scope.note,
    others: scope.periods.filter((p) => p.key !== scope.key).map((p) => ({ label: p.label, href: href(p.key) })),
  };
}

/** `?period=KEY` for links from a page about a period to pages about the same period. */
export const periodQuery = (key: string | null | undefined) => (key ? `?period=${encodeURIComponent(key)}` : '');
