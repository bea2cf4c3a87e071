// Promises a report makes outside "we will … by …" sentences: the action of a "Priority action: … /
// Progress: …" block, and the items of a list that a paragraph introduces as the plan's priorities
// or actions ("This plan for 2024-27 has three priorities:", "Next year we will:"). Each is due when
// its action or the list's lead-in says, else at the plan's end (dueStart null). Pure.
import { findCommitments, findTimeExpressions, type CoveredPeriod, type FoundCommitment } from '../text/index.js';
import type { MappedText } from './mapped-text.js';

/** A lead-in that introduces what is to be done ("Next year we will:", "Key actions:", "Our new service will:"). */
const PLAN_LEAD = /\b(?:(?:key|priority|our|planned|these|following)\s(?:[a-z]+\s)?actions?|areas\sof\saction|action\splan|we will|we shall|we are going to|we plan to|next steps|(?:in|over|during) the (?:next|coming)|looking ahead|the year ahead|plans? for (?:the )?(?:next|coming|20\d\d))\b|\b(?:will|shall)(?:\s[a-z]+){0,2}\s*:\s*$/i;
/** A lead-in naming aims: its list is of things to be done only when it looks ahead or gives the plan's years ("This plan for 2024-27 has three priorities:"). */
const AIM_LEAD = /\b(?:priorit(?:y|ies)|commitments?|objectives)\b/i;
/** A figure counting something ("300 new homes", "5,000 trees", "20%"), not a year ("2024 to 2029"). */
const FIGURE = /\b(?!(?:19|20)\d\d\b)\d[\d,.]*\s?(?:%|per\scent\b|[a-z]{3,})/i;
/** Words of a lead-in that look ahead or give a plan's years. */
const AHEAD = /\b(?:for|to|until|by|from|over|in)\s(?:the\s)?(?:20\d\d|next|coming)\b|\b20\d\d\s?[-–/]\s?(?:20)?\d\d\b|\b(?:will|shall|ahead)\b/i;
/** A lead-in that looks back: its list is of what was done. */
const PAST_LEAD = /\b(?:achieved|achievements?|delivered|highlights?|progress|successes|we have|has been|have been|was|were|did|completed|last year|this year|during the year|so far|include[sd]?)\b/i;

export interface ItemPromise {
  dueText: string | null;
  dueStart: string | null;
  dueEnd: string | null;
}

const undated: ItemPromise = { dueText: null, dueStart: null, dueEnd: null };

/** The due window a lead-in gives its list ("for 2024-27"), when it names one not yet over. */
function dueOfLead(lead: string, reportYear: number, covered: CoveredPeriod): ItemPromise {
  const times = findTimeExpressions(lead, reportYear, covered).filter((t) => t.dateEnd && t.dateEnd >= `${reportYear}-01-01`);
  const t = times[times.length - 1];
  return t ? { dueText: t.text, dueStart: t.dateStart, dueEnd: t.dateEnd } : undated;
}

/** A heading over what is still to be done: "Next steps", "Looking ahead", "Our priorities for 2025/26". */
const FORWARD_HEADING = /\b(?:next\ssteps|looking\s(?:ahead|forward)|the\syear\sahead|(?:the\s)?coming\syear|future\splans|what(?:'s|\sis|\swe\swill\sdo)?\snext|what\swe\swill\sdo|our\splans\sfor|(?:priorities|plans|actions|commitments|ambitions)\sfor\s(?:the\s)?(?:next|coming|20\d\d))\b/i;

/** A priority's name ("Our Community", "Safer Streets"): a few words in title case, no figure. It names, it promises nothing. */
function isName(text: string): boolean {
  const words = text.replace(/[.;,]+$/, '').trim().split(/\s+/);
  return words.length <= 4 && !/\d/.test(text) && words.every((w) => w.length < 4 || /^[A-Z]/.test(w));
}

/**
 * Whether a list introduced by `lead` is a list of things to be done, given its item. "Our four
 * strategic priorities are:" or "Our Objectives:" name aims, and a reader takes an item of such a
 * list as a promise only when it names a figure ("Deliver 300 new homes"), not "Grow our economy".
 */
export function promisingLead(lead: string, item = ''): boolean {
  if (PAST_LEAD.test(lead)) return false;
  return PLAN_LEAD.test(lead) || (AIM_LEAD.test(lead) && (AHEAD.test(lead) || FIGURE.test(item)));
}

/**
 * The promise an item makes by its place: the action of a priority-action block (dated by its own
 * words when they name a time), an item of a list of priorities or actions, or an item under a
 * heading such as "Next steps" (`heading`, its theme's or section's). Null otherwise.
 */
export function promiseOfItem(
  item: { action?: MappedText; lead?: string; body: MappedText },
  reportYear: number, covered: CoveredPeriod, heading?: string,
): (FoundCommitment & { of: MappedText }) | null {
  if (item.action && item.action.length) {
    const dated = findCommitments(item.action.text, { reportYear, covered }).find((c) => c.dueStart);
    const { dueText, dueStart, dueEnd } = dated ?? undated;
    return { text: item.action.text, dueText, dueStart, dueEnd, start: 0, end: item.action.length, of: item.action };
  }
  if (item.lead && promisingLead(item.lead, item.body.text) && !isName(item.body.text)) {
    return { text: item.body.text, ...dueOfLead(item.lead, reportYear, covered), start: 0, end: item.body.length, of: item.body };
  }
  // Everything under "Next steps" or "Our priorities for 2025/26" is still to be done.
  if (heading && FORWARD_HEADING.test(heading) && !PAST_LEAD.test(heading)) {
    return { text: item.body.text, ...dueOfLead(heading, reportYear, covered), start: 0, end: item.body.length, of: item.body };
  }
  return null;
}
