// Which plan outcome is each report section about? Suggestions by the words of their titles and by
// shared topics ("Economy – Transport" → "A Strong Economy", "Public Health" → the wellbeing outcome),
// overridden by the user (--map "Section=Outcome") and by what was remembered from earlier imports.

export interface OutcomeChoice {
  id: string;
  title: string;
  slug?: string;
  themes: { id: string; title: string }[];
}

export type MappedBy = 'override' | 'remembered' | 'suggested' | 'new plan' | 'none';

export interface SectionMapping {
  section: string;
  outcomeId: string | null;
  outcomeTitle: string | null;
  mappedBy: MappedBy;
}

/** How sections are remembered: lower case, words only, single spaces. */
export function normaliseSection(title: string): string {
  return title.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();
}

const STOP = new Set('a an the and of for to in on our we with by at people its their from'.split(' '));

function stem(word: string): string {
  return word
    .replace(/ies$/, 'y')
    .replace(/(?:ing|ed|es|s)$/, '')
    .replace(/(?:ment|ness)$/, '');
}

function words(title: string): Set<string> {
  return new Set(normaliseSection(title).split(' ').filter((w) => w && !STOP.has(w)).map(stem).filter((w) => w.length > 1));
}

const TOPICS: Record<string, string> = {};
const topic = (name: string, list: string) => {
  for (const w of list.split(' ')) TOPICS[stem(w)] = name;
};
topic('economy', 'economy economic business businesses jobs employment growth transport infrastructure highways roads road travel digital broadband enterprise tourism prosperity');
topic('wellbeing', 'health wellbeing care adult adults older disability disabilities independence independent');
topic('opportunity', 'opportunity opportunities learning education schools school children families young');
topic('safety', 'safe safety safeguarding crime protection consumer trading standards protect abuse violence');
topic('communities', 'communities community libraries library heritage culture cultural museums volunteering voluntary equalities');
topic('homes', 'homes housing home accommodation affordable');
topic('environment', 'environment environmental green clean climate carbon waste biodiversity recycling energy');

const topics = (ws: Set<string>) => new Set([...ws].map((w) => TOPICS[w]).filter(Boolean));

/** 0..1: how well a section title matches an outcome title. */
export function similarity(section: string, outcome: string): number {
  const s = words(section);
  const o = words(outcome);
  if (!s.size || !o.size) return 0;
  const shared = [...o].filter((w) => s.has(w)).length;
  const byWords = shared / o.size;
  const st = topics(s);
  const ot = topics(o);
  const byTopic = [...st].some((t) => ot.has(t)) ? 0.5 : 0;
  return Math.max(byWords, byTopic) + (shared > 0 && byTopic > 0 ? 0.1 : 0);
}

/** The best outcome for a section, if any is a good enough match and better than the rest. */
export function suggestOutcome(section: string, outcomes: OutcomeChoice[]): OutcomeChoice | null {
  let best: OutcomeChoice | null = null;
  let bestScore = 0;
  let tie = false;
  for (const o of outcomes) {
    const score = similarity(section, o.title);
    if (score > bestScore + 1e-9) {
      best = o;
      bestScore = score;
      tie = false;
    } else if (Math.abs(score - bestScore) < 1e-9) tie = true;
  }
  return best && bestScore >= 0.5 && !tie ? best : null;
}

/** A plan theme of the outcome that the report theme names, if one matches well. */
export function suggestTheme(theme: string, outcome: OutcomeChoice): string | null {
  let best: string | null = null;
  let bestScore = 0.6;
  for (const t of outcome.themes) {
    const s = words(theme);
    const o = words(t.title);
    const shared = [...o].filter((w) => s.has(w)).length;
    const score = o.size && s.size ? shared / Math.max(o.size, s.size) : 0;
    if (score >= bestScore) {
      best = t.id;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Parses --map values: "Section=Outcome" (outcome by title, slug or id; empty or "none" for no
 * outcome). A value without "=" is a problem, not a throw, so the caller can report them all.
 */
export function parseMapOverrides(values: string[]): { value: { section: string; outcome: string | null }[]; problems: string[] } {
  const value: { section: string; outcome: string | null }[] = [];
  const problems: string[] = [];
  for (const v of values) {
    const at = v.lastIndexOf('=');
    if (at <= 0) {
      problems.push(`--map "${v}" is not "Section=Outcome"`);
      continue;
    }
    const outcome = v.slice(at + 1).trim();
    value.push({ section: v.slice(0, at).trim(), outcome: outcome === '' || /^none$/i.test(outcome) ? null : outcome });
  }
  return { value, problems };
}

export function findOutcome(name: string, outcomes: OutcomeChoice[]): OutcomeChoice | undefined {
  const n = normaliseSection(name);
  return outcomes.find((o) => o.id === name || o.slug === name || normaliseSection(o.title) === n) ??
    outcomes.find((o) => normaliseSection(o.title).includes(n) && n.length >= 4);
}
