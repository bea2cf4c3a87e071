// Documents that look like reports but are not reports of delivery: minutes of a meeting, an agenda,
// a news page or newsletter, a forward plan of decisions. Each kind has cues worth points; a document
// whose strongest kind reaches the threshold is flagged, with one sentence saying why. Pure.
import type { NotAReport } from './parse.js';

interface Cue {
  re: RegExp;
  points: number;
  /** Count every match (up to `most`) rather than once. */
  most?: number;
  /** Only in the document's opening characters (its title and first lines). */
  opening?: number;
}

const CUES: Record<NotAReport['kind'], Cue[]> = {
  minutes: [
    { re: /\bminutes\b/i, points: 3, opening: 400 },
    { re: /^\W*(?:present|in attendance)\W*(?::|$)/im, points: 2 },
    { re: /^\W*(?:apologies(?: for absence)?|to receive apologies)\b/im, points: 2 },
    { re: /^\W*members of the public\W*$/im, points: 2 },
    { re: /\b(?:proposed|seconded)(?: by)?\b/gi, points: 1, most: 3 },
    { re: /\bdeclarations? of interests?\b/i, points: 2 },
    { re: /\b(?:date of (?:the )?next meeting|meeting closed)\b/i, points: 2 },
    { re: /^\s*\d{3,5}\.\s/gm, points: 1, most: 3 },
    { re: /\b(?:reviewed and noted|noted the report|introduced the report|resolved that|it was resolved|it was agreed)\b/gi, points: 2, most: 2 },
    { re: /\breasons? for the decision\b/i, points: 2 },
    { re: /\b(?:annual general meeting|AGM)\b/, points: 1, opening: 400 },
    { re: /\bagenda item\b/i, points: 1 },
    // A committee system's page for one item: "Issue - meetings", "Meeting: 06/06/2024 - Cabinet (Item 14)", "Minutes:".
    { re: /^\W*issue\s*[-–]\s*(?:meetings|decisions)\W*$/im, points: 2 },
    { re: /^\W*meeting:\s*\d{1,2}\/\d{1,2}\/\d{4}\b/im, points: 2 },
    { re: /^\W*minutes\s*:?\s*$/im, points: 3 },
    { re: /\b(?:consideration was given to|moved the (?:officer )?recommendations?|seconded the motion|joined the meeting|left the meeting)\b/gi, points: 2, most: 2 },
    { re: /^\W*that (?:the )?(?:cabinet|committee|council|executive|board|panel)\s+(?:notes?|agrees?|approves?|endorses?)\b/gim, points: 2 },
    { re: /\b(?:the )?(?:cabinet|committee|panel|board)(?: members)? (?:commented|welcomed the|noted the|discussed)\b/gi, points: 1, most: 2 },
  ],
  agenda: [
    { re: /^\W*agenda\W*$/im, points: 3 },
    { re: /^\W*(?:\d+\.?\s+)?to (?:receive|approve|consider|note|agree)\b/gim, points: 1, most: 4 },
    { re: /\bdeclarations? of interests?\b/i, points: 1 },
  ],
  news: [
    { re: /\b\d+ (?:days?|hours?|weeks?|months?) ago\b/i, points: 4 },
    { re: /\b(?:newsletter|news release|press release|newsroom)\b/i, points: 4, opening: 300 },
    { re: /\b(?:christmas|spring|summer|autumn|winter|first|latest) edition\b/i, points: 2 },
    { re: /\bclick here\b/i, points: 1 },
    { re: /\b(?:publishes|has published|launches|has launched|welcomes|outlines|celebrates|unveils|reveals)\b/i, points: 2, opening: 200 },
    // A story about a report, told in the third person: "outlined in the 2016-2017 report", "The report looks at".
    { re: /\b(?:outlined|noted|highlighted|included|described) in the (?:[\w-]+ ){0,3}(?:report|account|document)\b/gi, points: 2, most: 2 },
    { re: /\b(?:the|its) (?:[\w-]+ ){0,2}(?:report|account|document) (?:looks at|also states|states|says|will be (?:discussed|considered|presented)|was presented)\b/gi, points: 2, most: 2 },
    { re: /\bsaid (?:Cllr|Councillor)\b|\b(?:Cllr|Councillor) [A-Z][a-z]+(?: [A-Z][a-z]+)?,? said\b/g, points: 1, most: 2 },
  ],
  'forward plan': [
    { re: /\bforward plans?\b/i, points: 4 },
    { re: /\bkey decisions?\b/i, points: 2 },
    { re: /\b28 (?:clear )?days'? notice\b/i, points: 2 },
    { re: /\bexecutive arrangements\b/i, points: 2 },
    { re: /\bdecision(?:-| )?maker\b/i, points: 1 },
  ],
};

/** Points at which a document is taken not to be a report. */
const THRESHOLD = 5;

const SENTENCE: Record<NotAReport['kind'], string> = {
  minutes: 'This looks like the minutes of a meeting, not a report of delivery',
  agenda: 'This looks like a meeting agenda, not a report of delivery',
  news: 'This looks like a news page or newsletter, not a report of delivery',
  'forward plan': 'This looks like a forward plan of decisions to come, not a report of delivery',
};

function points(text: string, cues: Cue[]): { total: number; seen: string[] } {
  let total = 0;
  const seen: string[] = [];
  for (const cue of cues) {
    const where = cue.opening ? text.slice(0, cue.opening) : text;
    const once = cue.re.global ? new RegExp(cue.re.source, cue.re.flags.replace('g', '')).exec(where) : cue.re.exec(where);
    const found = cue.most ? [...where.matchAll(cue.re)].slice(0, cue.most) : once ? [once] : [];
    if (!found.length) continue;
    total += cue.points * found.length;
    seen.push(found[0][0].replace(/^[\s#*_:-]+|[\s#*_:]+$/g, '').replace(/\s+/g, ' ').toLowerCase());
  }
  return { total, seen };
}

/** Whether the text is minutes, an agenda, news or a forward plan; null for anything that may be a report. */
export function notAReport(text: string): NotAReport | null {
  const sample = text.slice(0, 20000);
  let best: { kind: NotAReport['kind']; total: number; seen: string[] } | null = null;
  for (const kind of Object.keys(CUES) as NotAReport['kind'][]) {
    const { total, seen } = points(sample, CUES[kind]);
    if (!best || total > best.total) best = { kind, total, seen };
  }
  if (!best || best.total < THRESHOLD) return null;
  const cues = [...new Set(best.seen)].slice(0, 3).map((c) => `"${c}"`).join(', ');
  return { kind: best.kind, reason: `${SENTENCE[best.kind]} (it has ${cues}); import it only with --force.` };
}
