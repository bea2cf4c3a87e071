// Turns a report's units into delivery items: titled paragraphs are one item each; in a report that
// titles its items, untitled paragraphs introduce a section or continue the item above; in a report
// that does not, each untitled paragraph is split into one item per achievement (one per sentence).
import { MappedText } from './mapped-text.js';
import type { ReportStructure } from './structure.js';

export interface ReportItem {
  section: number;
  theme: number | null;
  /** '' when the report gives the achievement no title. */
  title: string;
  body: MappedText;
  status: string | null;
  /** The action of a "Priority action:" block, a promise the report follows up. */
  action?: MappedText;
  /** For an item of a list, the paragraph that introduced the list ("This plan has three priorities:"). */
  lead?: string;
}

export type SentenceSplitter = (text: string) => { text: string; start: number; end: number }[];

/** Share of titled paragraphs above which a report is read as "Title – text" items. */
const TITLED_REPORT = 0.3;

/** Share of sentences opening on a verb in the past tense ("Supported …", "Led …") that marks a list of achievements. */
const ACHIEVEMENT_LIST = 0.15;
const NOT_VERBS = new Set('united red based hundred limited indeed need speed shared dedicated detailed related planned proposed'.split(' '));
const PAST = /^(?:successfully\s+)?([A-Za-z]+)/i;
const IRREGULAR = new Set('led won ran held built made began set gave took brought bought sent spent saw grew rose fell met hosted'.split(' '));

/** Whether a paragraph's sentences are achievements written without a subject, one a sentence (a summary's style). */
function opensOnPastVerb(sentence: string): boolean {
  const m = PAST.exec(sentence.trim());
  const w = m ? m[1].toLowerCase() : '';
  return !NOT_VERBS.has(w) && (IRREGULAR.has(w) || (w.length > 4 && w.endsWith('ed')));
}

/**
 * Whether the report's untitled paragraphs are lists of achievements, one a sentence (split them),
 * rather than paragraphs of running text (keep each whole).
 */
export function isAchievementList(texts: string[], splitSentences: SentenceSplitter): boolean {
  let sentences = 0;
  let past = 0;
  for (const t of texts) {
    for (const s of splitSentences(t)) {
      sentences++;
      if (opensOnPastVerb(t.slice(s.start, s.end))) past++;
    }
  }
  return sentences > 0 && past / sentences >= ACHIEVEMENT_LIST;
}

const CONTENT_STOP = new Set(('this that these those with from have been were their there they them than then also into over more most ' +
  'which while where when what year years last next first such other only some many much each every about after before ' +
  'council councils people residents work working service services support supported new').split(' '));
const ANAPHORIC = /^(?:It|Its|This|These|That|Those|They|Their|However|Also|In addition|As a result|Of (?:these|those|which|them))\b/;
const contentWords = (t: string) => new Set((t.toLowerCase().match(/[a-z]{4,}/g) ?? []).map((w) => w.replace(/s$/, '')).filter((w) => !CONTENT_STOP.has(w) && !CONTENT_STOP.has(`${w}s`)));

/**
 * A paragraph of a list of achievements, one item a sentence, except that a sentence which carries
 * on the one before (it opens on "It", "This", "However" …, or names again what that one named:
 * "Of the 33 measures, 32 were met. One measure was within its tolerance.") stays with it.
 */
function cohesiveRuns(text: string, sentences: { start: number; end: number }[]): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let prevWords = new Set<string>();
  for (const s of sentences) {
    const t = text.slice(s.start, s.end).trim();
    const words = contentWords(t);
    const last = runs[runs.length - 1];
    if (last && (ANAPHORIC.test(t) || [...words].some((w) => prevWords.has(w)))) last.end = s.end;
    else runs.push({ start: s.start, end: s.end });
    prevWords = words;
  }
  return runs;
}

export function buildItems(structure: ReportStructure, splitSentences: SentenceSplitter): { items: ReportItem[]; titledReport: boolean } {
  const { sections, units } = structure;
  const delivery = units.filter((u) => sections[u.section].kind === 'outcome');
  const titled = delivery.filter((u) => u.title !== null).length;
  const titledReport = delivery.length > 0 && titled / delivery.length >= TITLED_REPORT;
  const groupHasTitles = new Set(units.filter((u) => u.title !== null).map((u) => `${u.section}/${u.theme}`));
  const noOutcomes = !sections.some((s) => s.kind === 'outcome');
  const bySentence = !titledReport && isAchievementList(delivery.filter((u) => u.title === null).map((u) => u.body.text), splitSentences);
  // Paragraphs written one achievement a sentence are split at every sentence; when only the bullets
  // read as a list of achievements, a sentence that carries on the one before stays with it.
  const paragraphsAreLists = bySentence && isAchievementList(delivery.filter((u) => u.title === null && !u.bullet).map((u) => u.body.text), splitSentences);

  const items: ReportItem[] = [];
  let last: ReportItem | null = null;
  let lastGroup = '';
  // The paragraph that last introduced something in this section: a list that follows it is its list.
  let lead: { section: number; text: string } | null = null;
  const intro = (u: (typeof units)[number], text: MappedText) => {
    (u.theme === null ? sections[u.section].intro : sections[u.section].themes[u.theme].intro).push(text);
    lead = { section: u.section, text: text.text };
  };
  const leadOf = (u: (typeof units)[number]) => (u.bullet && lead?.section === u.section ? { lead: lead.text } : {});
  const push = (item: ReportItem, u: (typeof units)[number]) => {
    items.push(item);
    // A paragraph of running text may introduce the list after it; a titled item does not.
    if (!u.bullet) lead = item.title ? null : { section: u.section, text: item.body.text };
    return item;
  };
  for (const u of units) {
    const group = `${u.section}/${u.theme}`;
    if (group !== lastGroup) last = null;
    lastGroup = group;
    const section = sections[u.section];
    const action = u.action ? { action: u.action } : {};
    // With no outcome section at all, text under no heading is delivery that could not be placed:
    // kept as items (unplaced, with a warning), not folded into an introduction.
    if (section.kind === 'front' && !(noOutcomes && section.heading === null)) {
      intro(u, u.title ? MappedText.concat([MappedText.synthetic(`${u.title} – `, u.body.map[0]), u.body]) : u.body);
      continue;
    }
    // "Highlights from the year:" introduces the list below it.
    if (u.title === null && (u.leadIn || /:$/.test(u.body.text))) {
      // A heading over its list reads as the list's lead-in: "Next steps:".
      intro(u, u.leadIn ? MappedText.concat([u.body, MappedText.synthetic(':', u.body.map[u.body.length])]) : u.body);
      continue;
    }
    if (u.title !== null) {
      last = push({ section: u.section, theme: u.theme, title: u.title, body: u.body, status: u.status, ...action, ...leadOf(u) }, u);
      continue;
    }
    if (titledReport) {
      if (last) {
        last.body = MappedText.concat([last.body, MappedText.synthetic('\n\n', u.body.map[0]), u.body]);
        last.status ??= u.status;
      } else if (groupHasTitles.has(group) || (u.theme === null && section.themes.length > 0)) {
        intro(u, u.body);
      } else {
        push({ section: u.section, theme: u.theme, title: '', body: u.body, status: u.status, ...action, ...leadOf(u) }, u);
      }
      continue;
    }
    if (!bySentence || u.bullet) {
      push({ section: u.section, theme: u.theme, title: '', body: u.body, status: u.status, ...action, ...leadOf(u) }, u);
      continue;
    }
    const sentences = splitSentences(u.body.text);
    for (const s of paragraphsAreLists ? sentences : cohesiveRuns(u.body.text, sentences)) {
      const body = u.body.slice(s.start, s.end).trim();
      if (/[A-Za-z]{2}/.test(body.text)) push({ section: u.section, theme: u.theme, title: '', body, status: u.status }, u);
    }
  }
  return { items, titledReport };
}
