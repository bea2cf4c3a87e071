// How indicators are grouped and their coverage told, wherever a compendium is shown (report, site
// page, open data): under their outcome, or for one under none, under its source or topic; how many
// councils of the group had a value and why that is fewer than the group; why a measure has none.
// Pure: the same rows always give the same words.
import type { CompendiumRow, CompendiumSummary } from '../../domain/performance.js';

export interface IndicatorGroup {
  /** "outcome:ID", "source:NAME", "topic:PREFIX" or "none". */
  key: string;
  kind: 'outcome' | 'source' | 'topic' | 'none';
  outcomeId: string | null;
  title: string;
}

const FILE_NAME = /(?:^|[\\/])([^\\/]+?)\.(?:csv|tsv|txt|xlsx?|ods|json)$/i;

/** Upper-case words the indicators themselves write in capitals (ASC, NHS), so a file's name keeps them. */
function acronymsOf(texts: string[]): Set<string> {
  const found = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(/\b([A-Z]{2,6})(?=\b|\d)/g)) found.add(m[1].toLowerCase());
  return found;
}

/**
 * Where an indicator's figures come from, short enough for a heading: a file's name in words
 * ("oflog-asc-metrics.csv" → "Oflog ASC metrics"), or a written source up to its first colon or
 * semicolon. Null when there is no source.
 */
export function sourceTitle(source: string | null | undefined, context: string[] = []): string | null {
  const text = source?.trim();
  if (!text) return null;
  const file = FILE_NAME.exec(text);
  if (file) {
    const acronyms = acronymsOf(context);
    const words = file[1].split(/[-_\s.]+/).filter(Boolean).map((w) => (acronyms.has(w.toLowerCase()) ? w.toUpperCase() : w.toLowerCase()));
    if (!words.length) return null;
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    return words.join(' ');
  }
  const clause = text.split(/[:;]|\s[–—-]\s/)[0].replace(/[.,]+$/, '').trim();
  return clause.length > 80 ? `${clause.slice(0, 77).replace(/\s+\S*$/, '')}…` : clause || null;
}

/** The group an indicator is shown under: its outcome when it is one of the plan's, else its source, else its code's topic. */
export function indicatorGroup(
  indicator: { code: string; title: string; outcomeId: string | null; source: string | null },
  outcomes: { id: string; title: string }[],
): IndicatorGroup {
  const outcome = indicator.outcomeId ? outcomes.find((o) => o.id === indicator.outcomeId) : undefined;
  if (outcome) return { key: `outcome:${outcome.id}`, kind: 'outcome', outcomeId: outcome.id, title: outcome.title };
  const source = sourceTitle(indicator.source, [indicator.code, indicator.title]);
  if (source) return { key: `source:${source.toLowerCase()}`, kind: 'source', outcomeId: null, title: source };
  const topic = /^([A-Za-z]{2,})[-_ ]?\d/.exec(indicator.code)?.[1].toUpperCase();
  if (topic) return { key: `topic:${topic}`, kind: 'topic', outcomeId: null, title: `${topic} indicators` };
  return { key: 'none', kind: 'none', outcomeId: null, title: 'Indicators not linked to an outcome' };
}

/**
 * Rows grouped for display: the plan's outcomes in its order, then the other groups by title.
 * Every row is in exactly one group.
 */
export function groupRows<R extends { indicator: CompendiumRow['indicator'] }>(rows: R[], outcomes: { id: string; title: string }[]): (IndicatorGroup & { rows: R[] })[] {
  const groups = new Map<string, IndicatorGroup & { rows: R[] }>();
  for (const r of rows) {
    const g = indicatorGroup(r.indicator, outcomes);
    const have = groups.get(g.key);
    if (have) have.rows.push(r);
    else groups.set(g.key, { ...g, rows: [r] });
  }
  const order = new Map(outcomes.map((o, i) => [o.id, i]));
  return [...groups.values()].sort((a, b) => {
    if (a.outcomeId !== null && b.outcomeId !== null) return order.get(a.outcomeId)! - order.get(b.outcomeId)!;
    if (a.outcomeId !== null) return -1;
    if (b.outcomeId !== null) return 1;
    if (a.kind === 'none') return 1;
    if (b.kind === 'none') return -1;
    return a.title.localeCompare(b.title);
  });
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One indicator: "Values for 141 of 153 councils: 12 not published for 2022/23." */
export function coverageText(row: Pick<CompendiumRow, 'group'>, periodLabel: string): string {
  const { n, members } = row.group;
  if (n >= members) return `Values for all ${plural(members, 'council', 'councils')} in the group.`;
  if (n === 0) return `No council in the group has a published value for ${periodLabel}.`;
  return `Values for ${n} of ${plural(members, 'council', 'councils')}: ${members - n} not published for ${periodLabel}.`;
}

/** A table of indicators: one sentence when every row has the same coverage, else the exceptions named. */
export function tableCoverageText(rows: Pick<CompendiumRow, 'group' | 'indicator'>[], periodLabel: string): string {
  if (!rows.length) return '';
  const members = rows[0].group.members;
  const counts = new Set(rows.map((r) => r.group.n));
  if (counts.size === 1) {
    const [n] = counts;
    if (n >= members) return `Every indicator here has values for all ${members} councils in the group, so ranks are out of ${members}.`;
    const subject = rows.length === 1 ? 'The indicator has' : 'Each indicator has';
    return `${subject} values for ${n} of the ${members} councils in the group: ${members - n} did not publish a value for ${periodLabel}. Ranks and quartiles are over the ${n} with a value.`;
  }
  const short = rows.filter((r) => r.group.n < members).map((r) => `${r.indicator.title} (${r.group.n})`);
  return `The group has ${members} councils, but not all published a value for ${periodLabel}, so ranks and quartiles are over those that did: ${short.join('; ')}${rows.length > short.length ? `; every other indicator here, all ${members}` : ''}.`;
}

/** Why the council's measure has no value for the period, or null when it has one. */
export function missingReason(row: Pick<CompendiumRow, 'value' | 'group' | 'previous'>, ctx: { areaName: string; periodLabel: string; previousLabel: string }): string | null {
  if (row.value !== null) return null;
  const last = row.previous.value !== null ? ` The last published value is for ${ctx.previousLabel}.` : '';
  if (row.group.n === 0) return `No value has been published for ${ctx.periodLabel} by any council in the group yet.${last}`;
  return `${ctx.areaName} has not published a value for ${ctx.periodLabel}, though ${row.group.n} of the ${row.group.members} councils in the group have.${last}`;
}

/** The summary's plain-English sentences: the same counts wherever a compendium is summarised. */
export function summarySentences(s: CompendiumSummary, ctx: { areaName: string; periodLabel: string; groupLabel: string; members: number }): string[] {
  const withTarget = s.rag.green + s.rag.amber + s.rag.red;
  const ranked = s.quartiles[1] + s.quartiles[2] + s.quartiles[3] + s.quartiles[4];
  return [
    `${ctx.areaName} reports ${plural(s.indicators, 'indicator', 'indicators')} for ${ctx.periodLabel}, compared with ${ctx.groupLabel} (${plural(ctx.members, 'council', 'councils')}); ${s.rag.missing === 0 ? 'every one has a value' : `${s.rag.missing} ${s.rag.missing === 1 ? 'has' : 'have'} no value and ${s.rag.missing === 1 ? 'is' : 'are'} listed as missing`}.`,
    withTarget === 0
      ? 'None of the indicators had a target for this period.'
      : `Of the ${withTarget} with a target, ${s.rag.green} met it, ${s.rag.amber} came close (amber) and ${s.rag.red} missed it; ${s.rag['no-target']} had no target and ${s.rag.missing} had no value.`,
    ranked === 0
      ? 'No indicator could be ranked against the group.'
      : `Of the ${ranked} ranked against the group, ${s.quartiles[1]} ${s.quartiles[1] === 1 ? 'was' : 'were'} in the top quartile and ${s.quartiles[4]} in the bottom quartile.`,
    `Compared with the previous period, ${s.direction.improving} improved, ${s.direction.worsening} worsened and ${s.direction.noChange} did not change.`,
  ];
}
