// A report's text → its structure and delivery: sections and themes, one entry per item with its
// facts, places, partners and commitments, all pointing back at offsets in the original text. Pure.
import { analyse, buildGazetteer, discoverPlaceNames, splitSentences } from '../text/index.js';
import type { AreaInput, FoundFact, Gazetteer } from '../text/index.js';
import { cleanText, joinLines } from './clean.js';
import { buildItems } from './items.js';
import { findStructure, type SectionKind } from './structure.js';
import type { MappedText } from './mapped-text.js';
import { reportPeriodOf, type ReportPeriod } from './report-period.js';

export interface ParseOptions {
  /** The year the report was published; from the file name or the text when not given. */
  reportYear?: number;
  /** Reference areas for the gazetteer of places. */
  areas?: AreaInput[];
  /** The file name, to read the report year from ("…-2020.txt") or the year covered ("…-2014-15.txt"). */
  name?: string;
  /** The period the report covers, as people write it ("2019/20"), when given. */
  period?: string;
}

export interface ParsedTheme {
  title: string;
  intro: string;
}

export interface ParsedSection {
  title: string;
  kind: SectionKind;
  heading: { start: number; end: number } | null;
  intro: string;
  themes: ParsedTheme[];
}

export interface ParsedCommitment {
  text: string;
  dueText: string | null;
  dueStart: string | null;
  dueEnd: string | null;
  /** Offsets in the original text. */
  start: number;
  end: number;
}

export interface ParsedEntry {
  section: number;
  theme: number | null;
  title: string;
  body: string;
  status: string | null;
  /** Offsets of the body in the original text. */
  start: number;
  end: number;
  /** Facts with offsets within `body`. */
  facts: FoundFact[];
  places: { name: string; areaCode: string | null }[];
  partners: string[];
  commitments: ParsedCommitment[];
}

export interface ParsedReport {
  title: string | null;
  reportYear: number;
  /** The financial year the report looks back on: FY(year-1)-(year), or the one its file name gives. */
  periodKey: string;
  /** Where the year came from; 'none' when neither options, file name nor text said (see report-period.ts). */
  periodSource: ReportPeriod['source'];
  /** True when the report titles its items ("Title – text"); false when items are split by sentence. */
  titledItems: boolean;
  sections: ParsedSection[];
  entries: ParsedEntry[];
  dropped: { pageNumbers: number; furniture: number };
}

const MARKUP = /\*\*|__|<\/?(?:sup|sub|b|i|u|strong|em|span)>/;
const tidy = (t: MappedText) => (MARKUP.test(t.text) ? t.replace(new RegExp(MARKUP.source, 'g'), '') : t);
const joinIntro = (parts: MappedText[]) => parts.map((p) => tidy(p).text).join('\n\n');

/** The year a report was published: given, or in its file name, or the latest year it often mentions. */
export function reportYearOf(text: string, name?: string, given?: number): number {
  return reportPeriodOf(text, name, { year: given }).reportYear;
}

export function parseReport(text: string, markdown: boolean, options: ParseOptions = {}): ParsedReport {
  const found = reportPeriodOf(text, options.name, { year: options.reportYear, period: options.period });
  const { reportYear } = found;
  const covered = { start: found.period.start, end: found.period.end };
  const cleaned = cleanText(text, { markdown });
  const structure = findStructure(cleaned.paragraphs, (lines) => joinLines(lines, cleaned.vocabulary));
  const { items, titledReport } = buildItems(structure, splitSentences);

  const base = buildGazetteer(options.areas ?? []);
  // Towns and villages the report names ("in Coalville") join the reference areas.
  const bodies = items.map((i) => tidy(i.body));
  const discovered = discoverPlaceNames(bodies.map((b) => b.text).join('\n\n'), base);
  const gazetteer: Gazetteer = discovered.length ? buildGazetteer(options.areas ?? [], discovered) : base;

  const entries = items.map((item, i): ParsedEntry => {
    const body = bodies[i];
    const analysis = analyse(body.text, gazetteer, { reportYear, covered, undated: true });
    const range = body.originalRange();
    const places = new Map<string, string | null>();
    for (const p of analysis.places) if (!places.has(p.name)) places.set(p.name, p.areaCode);
    return {
      section: item.section,
      theme: item.theme,
      title: item.title,
      body: body.text,
      status: item.status,
      start: range.start,
      end: range.end,
      facts: analysis.facts,
      places: [...places].map(([name, areaCode]) => ({ name, areaCode })),
      partners: [...new Set(analysis.partners.map((p) => p.name))],
      commitments: analysis.commitments.map((c) => ({ text: c.text, dueText: c.dueText, dueStart: c.dueStart, dueEnd: c.dueEnd, ...body.originalRange(c.start, c.end) })),
    };
  });

  return {
    title: structure.title,
    reportYear,
    periodKey: found.period.key,
    periodSource: found.source,
    titledItems: titledReport,
    sections: structure.sections.map((s) => ({
      title: s.title, kind: s.kind, heading: s.heading, intro: joinIntro(s.intro),
      themes: s.themes.map((t) => ({ title: t.title, intro: joinIntro(t.intro) })),
    })),
    entries,
    dropped: cleaned.dropped,
  };
}
