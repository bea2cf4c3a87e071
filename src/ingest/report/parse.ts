// A report's text → its structure and delivery: sections and themes, one entry per item with its
// facts, places, partners and commitments, all pointing back at offsets in the original text. Pure.
import { analyse, buildGazetteer, discoverPlaceNames, findCommitments, splitSentences } from '../text/index.js';
import type { CoveredPeriod, FoundCommitment } from '../text/index.js';
import type { AreaInput, FoundFact, Gazetteer } from '../text/index.js';
import { cleanText, joinLines } from './clean.js';
import { buildItems } from './items.js';
import { findStructure, type SectionKind } from './structure.js';
import { notAReport } from './not-a-report.js';
import { findContents } from './contents.js';
import { findMeasures } from './measures.js';
import { suggestTitle } from './suggest-title.js';
import { MappedText } from './mapped-text.js';
import { reportPeriodOf, type ReportPeriod } from './report-period.js';
import { findPriorities, type FoundPriority } from './priorities.js';
import { promiseOfItem } from './promises.js';

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
  /** Offsets in the original text of each fact, in the order of `facts`. */
  factSources: { start: number; end: number }[];
  /** For an untitled item, a short title the reviewer may take (never written as the title itself). */
  suggestedTitle: string | null;
  /** False for text that could not be placed under any section (kept, with a warning). */
  placed: boolean;
}

/** A paragraph of the council's own words that is not a delivery item (an introduction, a context section). */
export interface ParsedParagraph {
  text: string;
  start: number;
  end: number;
}

/** Narrative: the report's introduction, a non-outcome section, or the introduction of an outcome or theme. */
export interface ParsedNarrative {
  section: number | null;
  theme: number | null;
  heading: string | null;
  paragraphs: ParsedParagraph[];
  /**
   * Promises the council makes in these paragraphs ("We will open a second hub in 2025", "we will
   * keep lobbying for fair funding"): an introduction states a plan's promises as often as an item does.
   */
  commitments: ParsedCommitment[];
}

/** A figure read from a KPI or measure table (even one flattened to a cell a line), offered to the indicator import. */
export interface ParsedMeasure {
  label: string;
  /** The figure as written ("45.2%", "£1,634.60"). */
  text: string;
  value: number;
  unit: string;
  /** The column or period it is given for, when the table says. */
  column: string | null;
  start: number;
  end: number;
}

/** Why a document is not a report of delivery (minutes, an agenda, news, a forward plan). */
export interface NotAReport {
  kind: 'minutes' | 'agenda' | 'news' | 'forward plan';
  /** One sentence for the person importing. */
  reason: string;
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
  /** Set when the document looks like minutes, an agenda, news or a forward plan rather than a report. */
  notReport: NotAReport | null;
  narrative: ParsedNarrative[];
  measures: ParsedMeasure[];
  /**
   * The plan's outcomes as the report lists them in its opening pages ("5 high-level priorities –
   * A Strong Economy – …"); [] when it lists none. A plan made from the report takes these as its
   * outcomes, and the report's sections become their themes.
   */
  priorities: FoundPriority[];
  /** The contents page's lines, when the document has one (used for structure, never imported as entries). */
  contents: { title: string; page: number | null; start: number; end: number }[];
  /** What a person should check: unplaced text, tables read as measures, a document that is not a report. */
  warnings: string[];
}

/**
 * Figures kept per item. A report's item gives a handful (the 2020 Leicestershire report's most is
 * under 30); thousands mean text whose paragraph breaks were lost, and holding every one of them
 * would only make the import's preview, its transfer from the reading thread and its rows huge.
 */
export const FIGURES_PER_ITEM = 1000;

/** An item's analysis (found with factLimit FIGURES_PER_ITEM), counting in `crowded` the items cut. */
function keepFigures<A extends { facts: unknown[]; factCount: number }>(analysis: A, crowded: { items: number; most: number }): A {
  if (analysis.factCount <= FIGURES_PER_ITEM) return analysis;
  crowded.items++;
  crowded.most = Math.max(crowded.most, analysis.factCount);
  return { ...analysis, facts: analysis.facts.slice(0, FIGURES_PER_ITEM) };
}

/** What a person should check about the parse, in sentences. */
function parseWarnings(o: { notReport: NotAReport | null; unplaced: number; measures: number; crowded: { items: number; most: number } }): string[] {
  const n = (x: number) => x.toLocaleString('en-GB');
  return [
    ...(o.notReport ? [o.notReport.reason] : []),
    ...(o.unplaced ? [`${o.unplaced} item(s) could not be placed under a section of the report: kept unplaced for a reviewer to file`] : []),
    ...(o.measures ? [`${o.measures} figure(s) laid out as a table were read as measures for the indicator import, not as entries`] : []),
    ...(o.crowded.items ? [`${o.crowded.items} item(s) hold more than ${n(FIGURES_PER_ITEM)} figures (the most, ${n(o.crowded.most)}): their text is kept whole, with its first ${n(FIGURES_PER_ITEM)} figures; the text probably lost its paragraph breaks, so split it before importing`] : []),
  ];
}

const MARKUP = /\*\*|__|<\/?(?:sup|sub|b|i|u|strong|em|span)>/;
const tidy = (t: MappedText) => (MARKUP.test(t.text) ? t.replace(new RegExp(MARKUP.source, 'g'), '') : t);
const capitalise = (t: MappedText) => (/^[a-z]/.test(t.text) ? t.replace(/^[a-z]/g, (m) => m[0].toUpperCase()) : t);
const joinIntro = (parts: MappedText[]) => parts.map((p) => capitalise(tidy(p)).text).join('\n\n');

/** The paragraphs of the front matter before the first outcome, with the headings of its parts (a heading may introduce a list). */
function frontParagraphs(sections: ReturnType<typeof findStructure>['sections']): { text: MappedText; heading: boolean }[] {
  const out: { text: MappedText; heading: boolean }[] = [];
  const para = (p: MappedText) => ({ text: tidy(p), heading: false });
  for (const s of sections) {
    if (s.kind !== 'front') break;
    out.push(...s.intro.map(para));
    for (const t of s.themes) out.push({ text: MappedText.synthetic(t.title, s.heading?.end ?? 0), heading: true }, ...t.intro.map(para));
  }
  return out;
}

/**
 * A promise in the council's own voice, about what it will do ("we will", "the Council aims to"):
 * an introduction also recalls past decisions ("made commitments to … by 2030") and sets out
 * pressures ("a further £80m to save by 2023/24"), which are not promises.
 */
const OWN_FUTURE = /\b(?:we|the\s(?:[A-Z][a-z]+\s)?Council|the\spartnership)\s(?:also\s)?(?:will|shall|aims?\sto|plans?\sto|intends?\sto|are\sgoing\sto|is\sgoing\sto|commit\sto|pledge\sto|are\son\sa\smission\sto)\b|\bwe['’](?:ll|re\sgoing\sto)\b/i;

/** The commitments of a narrative paragraph (dated, or undated in the council's own voice), with offsets in the original. */
function promisesIn(t: MappedText, reportYear: number, covered: CoveredPeriod): ParsedCommitment[] {
  return findCommitments(t.text, { reportYear, covered, undated: true })
    .filter((c) => c.dueStart === null || OWN_FUTURE.test(c.text))
    .map((c) => ({ text: c.text, dueText: c.dueText, dueStart: c.dueStart, dueEnd: c.dueEnd, ...t.originalRange(c.start, c.end) }));
}

/** The year a report was published: given, or in its file name, or the latest year it often mentions. */
export function reportYearOf(text: string, name?: string, given?: number): number {
  return reportPeriodOf(text, name, { year: given }).reportYear;
}

/**
 * An item's commitments: what its words promise, and the promise it makes by its place (a priority
 * action, an item of a list of priorities, an item under "Next steps"), whatever its words.
 */
function itemCommitments(
  item: Parameters<typeof promiseOfItem>[0], body: MappedText, found: FoundCommitment[],
  at: { reportYear: number; covered: CoveredPeriod; heading: string | undefined },
): ParsedCommitment[] {
  const commitments: ParsedCommitment[] = found.map((c) => ({ text: c.text, dueText: c.dueText, dueStart: c.dueStart, dueEnd: c.dueEnd, ...body.originalRange(c.start, c.end) }));
  const placed = promiseOfItem(item, at.reportYear, at.covered, at.heading);
  if (placed) {
    const r = placed.of.originalRange(placed.start, placed.end);
    if (!commitments.some((c) => c.start < r.end && r.start < c.end)) commitments.push({ text: placed.text, dueText: placed.dueText, dueStart: placed.dueStart, dueEnd: placed.dueEnd, ...r });
  }
  return commitments;
}

export function parseReport(text: string, markdown: boolean, options: ParseOptions = {}): ParsedReport {
  const found = reportPeriodOf(text, options.name, { year: options.reportYear, period: options.period });
  const { reportYear } = found;
  const covered = { start: found.period.start, end: found.period.end };
  const notReport = notAReport(text);
  const cleaned = cleanText(text, { markdown });
  const { contents, rest: afterContents } = findContents(cleaned.paragraphs);
  const { measures, rest } = findMeasures(afterContents);
  const structure = findStructure(rest, (lines) => joinLines(lines, cleaned.vocabulary), contents.map((c) => c.title));
  const { items, titledReport } = buildItems(structure, splitSentences);

  const base = buildGazetteer(options.areas ?? []);
  // Towns and villages the report names ("in Coalville") join the reference areas.
  // Text shown as a paragraph starts with a capital: "Title – in March …" leaves "In March …".
  const bodies = items.map((i) => capitalise(tidy(i.body)));
  const discovered = discoverPlaceNames(bodies.map((b) => b.text).join('\n\n'), base);
  const gazetteer: Gazetteer = discovered.length ? buildGazetteer(options.areas ?? [], discovered) : base;

  const crowded = { items: 0, most: 0 };
  const entries = items.map((item, i): ParsedEntry => {
    const body = bodies[i];
    const analysis = keepFigures(analyse(body.text, gazetteer, { reportYear, covered, undated: true, factLimit: FIGURES_PER_ITEM }), crowded);
    const range = body.originalRange();
    const places = new Map<string, string | null>();
    for (const p of analysis.places) if (!places.has(p.name)) places.set(p.name, p.areaCode);
    const section = structure.sections[item.section];
    const commitments = itemCommitments(item, body, analysis.commitments, { reportYear, covered, heading: item.theme !== null ? section?.themes[item.theme]?.title : section?.title });
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
      commitments,
      factSources: analysis.facts.map((f) => body.originalRange(f.start, f.end)),
      suggestedTitle: item.title ? null : suggestTitle(body.text),
      placed: structure.sections[item.section]?.kind !== 'front',
    };
  });

  const unplaced = entries.filter((e) => !e.placed).length;
  const narrativeOf = (section: number, theme: number | null, parts: MappedText[]): ParsedNarrative => {
    const shown = parts.map((p) => capitalise(tidy(p)));
    return {
      section, theme, heading: null,
      paragraphs: shown.map((p, i) => ({ text: p.text, ...parts[i].originalRange() })),
      commitments: shown.flatMap((p) => promisesIn(p, reportYear, covered)),
    };
  };
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
    notReport,
    narrative: structure.sections.flatMap((s, k) => [
      ...(s.intro.length ? [narrativeOf(k, null, s.intro)] : []),
      ...s.themes.flatMap((t, j) => (t.intro.length ? [narrativeOf(k, j, t.intro)] : [])),
    ]),
    measures,
    priorities: findPriorities(frontParagraphs(structure.sections), text),
    contents,
    warnings: parseWarnings({ notReport, unplaced, measures: measures.length, crowded }),
  };
}
