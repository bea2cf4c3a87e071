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
}

export type SentenceSplitter = (text: string) => { text: string; start: number; end: number }[];

/** Share of titled paragraphs above which a report is read as "Title – text" items. */
const TITLED_REPORT = 0.3;

export function buildItems(structure: ReportStructure, splitSentences: SentenceSplitter): { items: ReportItem[]; titledReport: boolean } {
  const { sections, units } = structure;
  const delivery = units.filter((u) => sections[u.section].kind === 'outcome');
  const titled = delivery.filter((u) => u.title !== null).length;
  const titledReport = delivery.length > 0 && titled / delivery.length >= TITLED_REPORT;
  const groupHasTitles = new Set(units.filter((u) => u.title !== null).map((u) => `${u.section}/${u.theme}`));

  const items: ReportItem[] = [];
  let last: ReportItem | null = null;
  let lastGroup = '';
  for (const u of units) {
    const group = `${u.section}/${u.theme}`;
    if (group !== lastGroup) last = null;
    lastGroup = group;
    const section = sections[u.section];
    const introOf = () => (u.theme === null ? section.intro : section.themes[u.theme].intro);
    if (section.kind === 'front') {
      introOf().push(u.title ? MappedText.concat([MappedText.synthetic(`${u.title} – `, u.body.map[0]), u.body]) : u.body);
      continue;
    }
    // "Highlights from the year:" introduces the list below it.
    if (u.title === null && /:$/.test(u.body.text)) {
      introOf().push(u.body);
      continue;
    }
    if (u.title !== null) {
      last = { section: u.section, theme: u.theme, title: u.title, body: u.body, status: u.status };
      items.push(last);
      continue;
    }
    if (titledReport) {
      if (last) {
        last.body = MappedText.concat([last.body, MappedText.synthetic('\n\n', u.body.map[0]), u.body]);
        last.status ??= u.status;
      } else if (groupHasTitles.has(group) || (u.theme === null && section.themes.length > 0)) {
        introOf().push(u.body);
      } else {
        items.push({ section: u.section, theme: u.theme, title: '', body: u.body, status: u.status });
      }
      continue;
    }
    for (const s of splitSentences(u.body.text)) {
      const body = u.body.slice(s.start, s.end).trim();
      if (/[A-Za-z]{2}/.test(body.text)) items.push({ section: u.section, theme: u.theme, title: '', body, status: u.status });
    }
  }
  return { items, titledReport };
}
