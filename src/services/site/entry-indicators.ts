// Which indicators an entry talks about, for links from its page: those it names by code, those of its
// theme, and those of its outcome whose title shares at least two significant words with the entry.
import type { PlanIndicatorRow } from '../../store/queries/listPlanIndicators.js';

const WORD = /[a-z]{5,}/g;
const wordsOf = (text: string) => new Set(text.toLowerCase().match(WORD) ?? []);

export function indicatorsTalkedAbout(
  entry: { title: string; body: string; outcomeId: string | null; themeId: string | null },
  indicators: PlanIndicatorRow[],
): PlanIndicatorRow[] {
  const text = `${entry.title}\n${entry.body}`;
  const words = wordsOf(text);
  return indicators.filter((i) => {
    if (new RegExp(`(^|[^A-Za-z0-9-])${i.code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z0-9-]|$)`).test(text)) return true;
    if (entry.themeId && i.themeId === entry.themeId) return true;
    if (!entry.outcomeId || i.outcomeId !== entry.outcomeId) return false;
    return [...wordsOf(i.title)].filter((w) => words.has(w)).length >= 2;
  });
}
