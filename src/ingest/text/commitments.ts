// Commitments: forward-looking statements with a due date or window. A sentence is a commitment
// when it says something will happen ("will", "expected to", "set to", "due to", "aims to", "plans
// to", "should", "to open in …", "by June 2026", "to reduce … by 2025") and names when. Past-tense
// reports of what happened ("opened in early 2020", "was completed in November") are not, nor are
// forecasts of things the council does not do ("the economy will contract by 6%" has no date).
// Nor are past events that mention plans ("In September 2020 we unveiled plans to …") or projections
// of what others will build ("200,000 homes are set to be built by 2050"). With `undated`, a promise
// the council makes in its own voice without a date ("We will continue to lobby …") is one too, due
// when its plan ends (the importer sets that date).
import { splitSentences } from './sentences.js';
import { findTimeExpressions, type CoveredPeriod, type TimeExpression } from './dates.js';
import { otherPromiseAt } from './commitments-undated.js';

export interface FoundCommitment {
  /** The sentence (or the clause of it) that makes the commitment. */
  text: string;
  /** The words naming when: "early 2026", "by June 2026", "autumn 2025"; null for an undated promise. */
  dueText: string | null;
  /** The window of the due date, ISO yyyy-mm-dd (see docs/extraction.md for seasons, early/late, quarters). */
  dueStart: string | null;
  dueEnd: string | null;
  start: number;
  end: number;
}

export interface FindCommitmentsOptions {
  /** The year of the report: due dates wholly before it are history, not commitments. */
  reportYear?: number;
  /** The period the report covers (dates months without a year; see dates.ts). */
  covered?: CoveredPeriod;
  /** Also find promises in the council's own voice without a date (due at the plan's end). */
  undated?: boolean;
}

/**
 * The council promising in its own voice: "we will", "the Council will", "the Council and the Police
 * will"; not in a clause saying how or that it will ("sets out how we will"), except where the
 * "that" carries the promise ("we are confident that we will appoint …").
 */
const OWN_PROMISE = /(?<!\b(?:how|which|where|what|if|whether)\s)(?<!(?<!\b(?:confident|sure|promise|pledge|assure\s(?:you|residents)|say|confirm))\sthat\s)\b(?:(?:we|the\s(?:(?:County|Parish|Town|Borough|District|City)\s)?Council(?:\sand\sthe\s[A-Z][a-z]+)?|the\scounty)\s(?:will|shall|(?:are|is)\sgoing\sto|intends?\sto|plans?\sto)|we'll)\s(?:also\s|continue\sto\s)?(?!be\sable|need|have|be\saffected|help\b)[a-z]+/i;
/** A projection of what others will build or how numbers will move: not a promise. */
const PROJECTION = /\b(?:is|are)\s(?:set|expected|projected|forecast|predicted|likely)\sto\s(?:be\s(?:built|needed|required)|rise|grow|increase|fall|reach)\b/i;
/** A past verb right after an opening time ("In September 2020 we unveiled …", "In March 2020 the Council agreed …"). */
const PAST_AFTER_OPENING = /^[^,;]*?\b(?:[a-z]{3,}ed|began|saw|held|won|made|took|led|ran|met)\b/;

/**
 * A promise of the council's without "we": what is still to be done to its own plans, in the passive
 * ("The draft strategy will be made available", "There will then be a period of consultation"), or
 * its next step ("The next stage is to report …"). An aim ("we aim to …") is a purpose, as "we are
 * committed to" is a value: a promise only with a time (FUTURE).
 */
const OTHER_PROMISE = new RegExp(String.raw`(?<!\b(?:how|which|that|where|what|whether|if|when|once|until)\s(?:[\w'’-]+\s){0,4})\b(?:` +
  String.raw`(?:will|shall)\s(?:then\s|also\s|now\s)?be\s(?:made\s(?:widely\s|publicly\s)?available|published|launched|rolled\sout|shared\swith)|` +
  String.raw`there\s(?:will|shall)\s(?:then\s|also\s)?be\s(?:a|an)\s(?:(?:period|programme|round|series)\sof\s)?(?:formal\s|public\s|further\s|full\s|wider\s)?(?:consultation|review|engagement|evaluation|launch)|` +
  String.raw`(?:the|our)\snext\s(?:stage|step|phase)s?\s(?:is|are|will\sbe)\sto)\b`, 'i');

/** An undated promise in the council's own voice, when no time follows it ("During August 2020 we took part … and we will use the findings"). */
function undatedPromise(s: { text: string; start: number }, opts: FindCommitmentsOptions): FoundCommitment | undefined {
  const own = (OWN_PROMISE.exec(s.text) ?? OTHER_PROMISE.exec(s.text))?.index;
  const at = own ?? otherPromiseAt(s.text);
  if (at === undefined || FORECAST.test(s.text) || POSTPONED.test(s.text)) return undefined;
  const times = datingTimes(s.text, opts.reportYear, opts.covered);
  if (times.some((t) => t.start >= at)) return undefined;
  // "Following the launch of new websites in 2018, the programme will launch …": a plan told in a story of earlier years.
  if (own === undefined && opts.reportYear !== undefined && times.some((t) => t.dateEnd && t.dateEnd < `${opts.reportYear}-01-01`)) return undefined;
  return { text: s.text, dueText: null, dueStart: null, dueEnd: null, start: s.start, end: s.start + s.text.length };
}

/** Words that point to the future. */
const FUTURE = /\b(?:expect(?:s|ed)?\s(?:[\w,]+\s){1,5}to\s(?:be\s)?[a-z]+|(?:plans\sare|work\sis)\s(?:now\s)?(?:in\splace|under\sway|underway)\sto|(?:is|are)\s(?:scheduled|planned|programmed|timetabled|earmarked)\sfor\b|(?:plans?|aim|aims|intention|ambition|priority|next\sstep)\s(?:is|are)\s(?:now\s)?to|will|shall|'ll|(?:is|are)\sgoing\sto|(?:is|are|was|were)\s(?:expected|set|due|scheduled|planned|programmed|anticipated|likely|forecast|intended|on\s(?:track|course|target))\sto|expect(?:s|ed)?\sto|aims?\sto|aiming\sto|plans?\sto(?!\s\d)|planning\sto|intends?\sto|intending\sto|commit(?:s|ted)?\sto|commitment\sto|pledged?\sto|ambition\s(?:is\s)?to|target(?:s|ed)?\sto(?!\s\d)|seeks?\sto|should|to\sbe\s(?:completed|delivered|opened|built|finished|launched|introduced|in\splace|operational)|(?:due|set|expected|scheduled)\sto|(?:is|are)\sdue\s(?:in|by|for|out)\b|to\s(?:open|start|begin|complete|launch)\b|(?:rolled|carried)\s(?:forward|over)\s(?:for\scompletion\s)?(?:in|to|into)\b|for\scompletion\s(?:in|by)\b)/i;
/**
 * An infinitive of purpose ("to reduce waste … by 2025", "funding to deliver … in 2025"), or an action
 * line opening with its verb, as a delivery plan lists them ("Open the new depot by March 2026",
 * "- Publish the play strategy in 2025/26"): future only with a deadline or a later year.
 */
const INFINITIVE = /\bto\s(?:save|reduce|cut|deliver|achieve|become|reach|create|build|plant|provide|increase|halve|double|bring|roll\sout|install|recruit|improve|extend|expand|replace|upgrade|develop|introduce)\b|^[\s\-–•*\d.)]*(?:(?:re)?open|deliver|build|launch|complete|introduce|develop|review|publish|implement|adopt|consult\son|install|replace|upgrade|refurbish|produce|prepare|undertake|commission|procure|establish|set\sup|roll\sout|agree|submit|appoint|recruit|plant|create)\s(?!by\b)/i;
/** Words that put a plan off. */
const POSTPONED = /\b(?:pause[sd]?|pausing|postpone[sd]?|postponing|delayed|deferred|suspended|put\son\shold)\b/i;

/** A year naming a target: "our 2030 Net Zero Carbon target". */
const TARGET_AFTER = /^(?:\s[A-Z][A-Za-z-]*){0,4}\s(?:target|goal|ambition|deadline|pledge|commitment)s?\b/;

/** Words of forecasting and estimating, or of conditions. */
const FORECAST = /\b(?:needed|projected|projection|predicted|prediction|forecasts?|estimates?|estimated|suggests?|would|could|might|required|requirement|likely)\b/i;
/** Markers strong enough to make a commitment even among such words. */
const STRONG = /^(?:(?:is|are|was|were)\s)?(?:due|set|scheduled|planned|aims?|aiming|plans?|planning|intends?|commit|pledge|expected\sto|to\s(?:open|start|begin|complete|launch))/i;
/** Finite past verbs between the marker and the date: the sentence reports what happened. */
const PAST_BETWEEN = /(?<!\bbe\s|\bbeen\s)\b(?:reached|surpassed|exceeded|achieved)\b|\b(?:was|were|had)\b/i;
/** Words that point to the past or to a state already reached. */
const PAST_ONLY = /\b(?:was|were|had\sbeen|has\sbeen|have\sbeen)\s(?:completed|opened|finished|launched|delivered|achieved|built|agreed|approved|announced|held|published)\b/i;
/** Prepositions that make a time a due date: "by June 2026", "in early 2026", "from April 2025", "before 2030". */
// A weekday or a quarter may come between ("from Monday 27 September", "from quarter one 2025/26").
const DUE_LEAD = /(?:\b(?:by|in|from|before|until|till|up\sto|during|within|over|at|on|throughout|between|towards|no\slater\sthan|ahead\sof|in\stime\sfor|(?:over|in|during)\sthe\scourse\sof)\s(?:the\s)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s)?(?:(?:end\sof\s)?(?:quarter|q)\s?(?:one|two|three|four|[1-4])\s(?:of\s)?)?|\bin\s|\|\s*|^)$/i;
/** A table cell saying the action is done. */
const DONE_CELL = /\|\s*(?:complete[d]?|done|achieved|delivered|closed)\s*(?:\||$)/i;
/** A time that recurs ("in September each year", "every spring"): when something is done, not when it is due. */
const RECURRING = /^,?\s(?:each|every)\s(?:year|month|quarter|week)\b|^,?\s(?:annually|monthly|quarterly|yearly)\b/i;
/** The times of a sentence that could date it: recurring ones left out. */
const datingTimes = (text: string, reportYear?: number, covered?: CoveredPeriod) =>
  findTimeExpressions(text, reportYear, covered).filter((t) => !RECURRING.test(text.slice(t.end, t.end + 16)));

function sentenceCommitments(s: { text: string; start: number }, reportYear?: number, covered?: CoveredPeriod): FoundCommitment | undefined {
  const times = datingTimes(s.text, reportYear, covered).filter((t) => t.dateStart && t.dateEnd);
  if (times.length === 0) return undefined;
  const candidates = times.filter((t) => DUE_LEAD.test(s.text.slice(Math.max(0, t.start - 40), t.start)) || /^(?:between|from|by|until|before)\b/i.test(t.text) || /\b(?:scheduled|planned|programmed|timetabled|earmarked)\sfor\s$/i.test(s.text.slice(Math.max(0, t.start - 16), t.start)) || t.grain === 'season' || t.grain === 'part-year' || (t.grain === 'range' && /[–-]\s$/.test(s.text.slice(Math.max(0, t.start - 3), t.start))) || TARGET_AFTER.test(s.text.slice(t.end, t.end + 60)));
  const isBy = (t: TimeExpression) => /\b(?:by|before|until|no\slater\sthan)\s(?:the\s)?$/i.test(s.text.slice(Math.max(0, t.start - 16), t.start));
  const later = (t: TimeExpression) => reportYear !== undefined && t.dateStart! >= `${reportYear + 1}-01-01`;
  let future = FUTURE.exec(s.text);
  let due: TimeExpression | undefined;
  if (future) {
    const f = future;
    // The due time comes after the marker ("expected to open in early 2026"), or before it as a deadline ("By 2030 we will").
    // "During the autumn of this year the partners will release …": a time opening the sentence counts too.
    const opening = (t: TimeExpression) => /^(?:(?:in|during|from|by|over|throughout|at)\s(?:the\s)?)?$/i.test(s.text.slice(0, t.start).trim() + (t.start > 0 ? ' ' : '')) && f.index - t.end < 60;
    due = candidates.find((t) => t.start > f.index) ?? candidates.find((t) => t.end <= f.index && (isBy(t) || opening(t)) && f.index - t.end < 60);
  }
  // "steps to reduce food sent for burning to below 8% by 2025", "funding to deliver a junction in 2025".
  const inf = INFINITIVE.exec(s.text);
  if (!due && inf) {
    // In a table row ("Open the depot | March 2026 | On track") the date cell is the due date, unless the row says it is done.
    const cell = (t: TimeExpression) => /\|\s*$/.test(s.text.slice(0, t.start)) && !DONE_CELL.test(s.text) && (reportYear === undefined || t.dateEnd! >= `${reportYear}-01-01`);
    due = candidates.find((t) => t.start > inf.index && (isBy(t) || later(t) || cell(t)));
    if (due) future = inf;
  }
  // "working towards the Council's 2030 Net Zero Carbon target": the target's year is the due date.
  if (!due) due = candidates.find((t) => TARGET_AFTER.test(s.text.slice(t.end, t.end + 60)) && (reportYear === undefined || t.dateEnd! >= `${reportYear}-01-01`));
  // "46 new electric buses on the network by June 2026": a deadline in a later year, with no other verb of the future.
  if (!due && !FORECAST.test(s.text)) due = candidates.find((t) => isBy(t) && later(t));
  if (!due) return undefined;
  // "Just under 200,000 new homes are set to be built … by 2050": a projection, not a promise.
  if (PROJECTION.test(s.text) && !OWN_PROMISE.test(s.text)) return undefined;
  // "In September 2020 we unveiled further plans to …": a time opening the sentence, then a past verb.
  if (due.end <= (future?.index ?? 0) && s.text.slice(0, due.start).trim().split(/\s+/).length <= 3 && PAST_AFTER_OPENING.test(s.text.slice(due.end, future!.index))) return undefined;
  // "the Council's plans to … were put forward": the plan is the subject of a past verb.
  if (future && /^plans?\sto/i.test(future[0]) && /\b(?:was|were)\s(?:put|[a-z]+(?:ed|en))\b/i.test(s.text.slice(future.index))) return undefined;
  // "Progress by March 2025: 180 homes completed" reports progress at a date; it promises nothing.
  if (/\bprogress\s(?:by|at|to|as\sat|in)\s(?:the\s)?$/i.test(s.text.slice(Math.max(0, due.start - 20), due.start))) return undefined;
  // A postponement is not a promise: "decided to pause work on the reviews until Summer 2021".
  if (POSTPONED.test(s.text)) return undefined;
  // Forecasts and estimates are not promises: "the pandemic will cost £90m in 2020/21", "projected to rise … by 2043".
  if (FORECAST.test(s.text) && !(future && STRONG.test(future[0]))) return undefined;
  // "reached its target … and surpassed this figure at the end of March 2020": the marker is in a report of the past.
  if (future && PAST_BETWEEN.test(s.text.slice(future.index + future[0].length, due.start))) return undefined;
  // History, not a promise: the window ended before the report's year began.
  if (reportYear !== undefined && due.dateEnd! < `${reportYear}-01-01`) return undefined;
  // "opened in early 2020": a past verb with no future marker.
  if (!future && PAST_ONLY.test(s.text)) return undefined;
  if (future && /^(?:would|should)/i.test(future[0]) && /\b(?:if|whether|had)\b/i.test(s.text.slice(0, future.index))) return undefined;
  const lead = /\b(?:by|in|from|before|until|during|within|no\slater\sthan)\s(?:the\s)?$/i.exec(s.text.slice(Math.max(0, due.start - 18), due.start));
  const dueStartOffset = lead && /^by|^before|^until|^no/i.test(lead[0]) ? due.start - lead[0].length : due.start;
  return {
    text: s.text,
    dueText: s.text.slice(dueStartOffset, due.end),
    dueStart: due.dateStart,
    dueEnd: due.dateEnd,
    start: s.start,
    end: s.start + s.text.length,
  };
}

/** Every commitment in the text, one per sentence at most. */
export function findCommitments(text: string, opts: FindCommitmentsOptions = {}): FoundCommitment[] {
  const out: FoundCommitment[] = [];
  for (const s of splitSentences(text).flatMap(tableRows)) {
    const c = sentenceCommitments(s, opts.reportYear, opts.covered) ?? (opts.undated ? undatedPromise(s, opts) : undefined);
    if (c) out.push(c);
  }
  return out;
}

/** A table kept as lines of cells ("Action | Due | Status"): each row is read as a sentence of its own. */
function tableRows(s: { text: string; start: number }): { text: string; start: number }[] {
  if (!s.text.includes('|') || !s.text.includes('\n')) return [s];
  const rows: { text: string; start: number }[] = [];
  let at = 0;
  for (const line of s.text.split('\n')) {
    const lead = line.length - line.trimStart().length;
    if (line.trim()) rows.push({ text: line.trim(), start: s.start + at + lead });
    at += line.length + 1;
  }
  return rows;
}
