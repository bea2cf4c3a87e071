// Partner organisations named in report text. Two kinds of evidence:
//  - a partnership phrase followed by a name: "in partnership with X", "working with X and Y",
//    "funded by X", "secured £2.56m from X", "alongside X", "collaboration with X";
//  - a name built like an organisation's anywhere: NHS bodies, Trusts, universities, the ICB,
//    police and fire services, national agencies ("Natural England", "Innovate UK"), companies
//    ("… Ltd", "… Group").
// The council's own services ("our Adult Learning Service") and the council itself are not partners.

import { ClaimedSpans } from './spans.js';

export interface FoundPartner {
  name: string;
  start: number;
  end: number;
}

/** A capitalised word, or an acronym, as found in organisation names ("Leicestershire", "NHS", "Learn-AT", "BT"). */
const CAP = String.raw`(?:[A-Z][A-Za-z0-9'’.&-]*[A-Za-z0-9]|[A-Z]{1,2})`;
/** Small words allowed inside a name when a capitalised word follows ("University Hospitals of Leicester"). */
const JOINER = String.raw`(?:of|for|and|the|&|on|in|de|la|upon)`;
const NAME = String.raw`(?:the\s)?${CAP}(?:\s(?:${JOINER}\s)*${CAP})*`;

const CUES = [
  String.raw`in\s(?:close\s)?partnership\swith`,
  String.raw`partnership\s(?:with|between)`,
  String.raw`partnered\swith`,
  String.raw`in\scollaboration\swith`,
  String.raw`collaborat(?:ed|ing|ion)\swith`,
  String.raw`(?:work(?:ed|ing|s)?|work\sclosely|work(?:ed|ing)\sclosely|work(?:ed|ing)\sjointly|work(?:ed|ing)\stogether)\swith`,
  String.raw`(?:jointly|together)\swith`,
  String.raw`alongside`,
  String.raw`(?:supported|funded|commissioned|delivered|led|run|provided|awarded|co-funded|part-funded|backed|sponsored|hosted|accredited|recognised|awarded)\sby`,
  String.raw`(?:funding|grant|grants|investment|money|support|award|awards|prize|accreditation|recognition|status|allocation|contribution)\sfrom`,
  String.raw`(?:campaigns?|review|reviewed|report|study|research|carried\sout|conducted|produced|organised|hosted)\sby`,
  String.raw`(?:secured|received|awarded|won|gained|achieved)\s[^.;]{0,40}?\sfrom`,
  String.raw`(?:joined|joint)\s(?:up\s)?with`,
  String.raw`with\s(?:partners|colleagues)\s(?:at|from|in|including)`,
  String.raw`partners?\s(?:such\sas|including|at|from)`,
  String.raw`(?:helped|helping|supporting|supported)\sby`,
  String.raw`on\sbehalf\sof`,
  String.raw`(?:have\s|has\s|had\s|jointly\s)?(?:funded|commissioned|appointed|contracted|engaged)(?=\s[A-Z])`,
  String.raw`(?:a\s)?(?:key\s|referral\s|delivery\s|strategic\s)?partners?\s(?:on|in|of|to|with)`,
  String.raw`joint\s[a-z]+\swith`,
  String.raw`(?:applied|applying|bid|bidding)\s(?:\w+\s)?(?:with|to)`,
  String.raw`(?:submitted|applied|bid|bids|application|applications)\sto`,
  String.raw`(?:transport\sbody|body|charity|company|operator|provider|partner|organisation)`,
  String.raw`(?:agreement|contract|deal)\swith`,
  String.raw`(?:a|an)\scollaboration\swith`,
];
/** Cues are matched whatever their case ("Worked with", "worked with"); the names after them are not. */
/** A description between the cue and the name: "local wildlife charity, Nature Spot", "bus operator Arriva". */
const DESCRIPTION = String.raw`(?:(?:a|an|the|our)\s)?(?:(?:local|national|regional|wildlife|environmental|community|voluntary|social|housing|health|charitable|specialist|private|independent|registered|transport|bus|training|arts|sports?)\s){0,3}(?:charity|company|organisation|group|provider|operator|enterprise|body|partner|consultancy|firm|trust)\s?,?\s`;
const CUE_RE = new RegExp(String.raw`\b(?:${CUES.join('|')})\s(?:(?:the|our|local|key|other|partners?|organisations?|including|such\sas)\s)*(?:${DESCRIPTION})?`, 'gi');
const LIST_RE = new RegExp(String.raw`${NAME}(?:(?:,\s|\s(?:and|&)\s|,\sand\s)${NAME})*`, 'y');

/** Heads that make a capitalised phrase an organisation wherever it stands. */
const ORG_HEAD = String.raw`(?:Trust|Trusts|University|Universities|NHS|ICB|CCG|Hospitals?|Police|Constabulary|Fire\sand\sRescue\sService|Fire\sService|Ltd|Limited|plc|PLC|LLP|CIC|Foundation|Charity|Society|Association|Alliance|Consortium|Commission|Agency|Authority|Partnership|Board|Corporation|Forum|Institute|Lottery|Chamber\sof\sCommerce|College|Colleges|Academies\sTrust|Group|Homes\sEngland|England|UK)`;
const ORG_RE = new RegExp(String.raw`(?<![A-Za-z])(?:(?<![A-Z][A-Za-z]*\s)(?:Department|Ministry|Office)\s(?:for|of)\s(?:the\s)?${CAP}(?:\s${CAP})*(?:(?:,\s${CAP}(?:\s${CAP})*)*\s(?:and|&)\s${CAP}(?:\s${CAP})*)?|(?:${CAP}\s(?:(?:${JOINER})\s)*)*(?:NHS|University\sof|Universities\sof)\s${CAP}(?:\s(?:(?:${JOINER})\s)*${CAP})*|(?:${CAP}\s(?:(?:${JOINER})\s)*)*${CAP}\s${ORG_HEAD}(?:\sof\s${CAP}(?:\s(?:and|&)\s${CAP})*)?)(?![A-Za-z])`, 'g');

/** National bodies whose names carry no organisation word ("Home Office", "Openreach"). */
const KNOWN_BODIES = /\b(?:Home\sOffice|Cabinet\sOffice|HM\sTreasury|Openreach|Ofgem|Natural\sEngland|Historic\sEngland|Sport\sEngland|Homes\sEngland|Arts\sCouncil\sEngland|Innovate\sUK|Highways\sEngland|National\sHighways|Network\sRail|Environment\sAgency|Defra|DEFRA|DfE|DfT|DWP|DHSC|MHCLG|DLUHC|BEIS|Public\sHealth\sEngland|Jobcentre\sPlus)\b/g;

/** Groups that are only a structure inside a partnership ("Tactical Coordination Group"), not an organisation. */
const STRUCTURE_WORDS = new Set('Tactical Strategic Coordination Co-ordination Recovery Steering Working Task Advisory Command Gold Silver Bronze Reference Project Programme Operational Delivery Management Implementation Oversight Scrutiny Review Planning Officer Officers Member Members Sub Subgroup Cell Cells Local Area Multi-agency Response Business'.split(' '));
/** Generic plural bodies ("District Councils", "County and City Councils"): not a named partner. */
const GENERIC_BODIES = /^(?:(?:County|City|District|Borough|Parish|Town|Local|Neighbouring|Partner|Health|Public|Other|Key)\s(?:and\s)?)*(?:Councils|Authorities|Partners|Organisations|Agencies|Bodies|Groups)$/;

/** Bodies that are named in reports but are not partners: regulators, the government as such, our own council. */
const NOT_PARTNERS = /^(?:the\s)?(?:Government|Council|County\sCouncil|Cabinet|Ofsted|CQC|Care\sQuality\sCommission|Parliament|Prime\sMinister|Secretary\sof\sState|We|Our|This|The|It|They|England|UK|United\sKingdom|Leicestershire|Leicester|Covid|COVID|Coronavirus|Strategic\sPlan|Members|Local\sAuthority|Local\sAuthorities|Local\sGovernment|Government’s|Government's|Year|Years)$/;
const GENERIC_FIRST = /^(?:Our|We|This|These|Those|That|In|On|At|For|With|From|By|To|As|A|An|All|Each|Every|Some|Many|Several|New|Recently|Following|During|After|Before|Since|Through|Across|Over|Under|Also|Both|Other|Further|Key|Local|National|Regional|Successful|Successfully)\s/;
/** Names that end in a thing rather than a body: "the Freeport", "the Strategic Plan". */
const THING_TAIL = /\b(?:Plan|Strategy|Programme|Program|Project|Scheme|Fund|Funding|Award|Awards|Week|Day|Month|Campaign|Challenge|Policy|Framework|Review|Report|Survey|Act|Bill|Bid|Deal|Zone|Site|Sites|Park|Road|Centre|Hub|Hall|School|Museum|Library|Libraries|Station|Bootcamps?|Webinars?|Roadshow|Toolkit|Pilot|Strategy|Network|Panel|Meeting|Conference|Event|Events|Service|Services|Team|Teams|Champions|Areas|Area|Sector|Sectors|Funds|Offer|Pathway|Model|Assessment|Plans|Cup|Games|League|Grant|Grants)$/;

/** A name that already ends in an organisation word. */
const ORG_HEAD_END = new RegExp(String.raw`\b${ORG_HEAD}$`);
/** People and offices, not organisations. */
const OFFICES = /^(?:Lord|Lady|Sir|Dame|Mayor|Director|Chief|Head|Leader|Chair|Chairman|Cabinet\sMember|Lieutenant|Deputy|Minister|Secretary|Council[’']s|Council\s)/;
/** Roles of the council itself ("Lead Local Flood Authority", "Local Highway Authority"). */
const COUNCIL_ROLE = /^(?:(?:Lead|Local|Flood|Highways?|Planning|Education|Waste|Disposal|Collection|Minerals|Transport|Licensing|Housing|Public\sHealth)\s)+Authority$/;
/** Professions and groups of people ("Occupational Therapists"), not organisations. */
const PEOPLE = /\s(?:Therapists|Workers|Officers|Practitioners|Nurses|Doctors|Volunteers|Champions|Members|Leavers|Carers|Wardens|Coordinators)$/;
/** Single words that cues pick up but that name no organisation. */
const NOT_NAMES = new Set(['Support', 'Safe', 'Education', 'Police', 'University', 'Inspired', 'Health', 'Care', 'Housing', 'Schools', 'Partners', 'Partnership', 'Community', 'Communities', 'Business', 'Businesses', 'Residents', 'Members', 'Officers', 'Volunteers', 'SEND', 'SEN', 'EHC', 'LLR', 'VCS', 'VCSE', 'BAME', 'ESF', 'ERDF', 'GP', 'GPs', 'COVID', 'Covid']);

function cleanName(raw: string): string {
  // "the LLEP’s Local Growth Fund": the owner is the organisation.
  const owner = /^(.+?)[’']s\s[A-Z]/.exec(raw);
  if (owner) raw = owner[1];
  // "University of Leicester in October": a name ends before "in"/"on"/"at" and one word.
  raw = raw.replace(/\s(?:in|on|at)\s[A-Z][a-z]+$/, '');
  // "Natural England for Swift conservation": a name ends at "for" after a complete body's name.
  const cut = /^(.*?\b(?:England|UK|Trust|University|Partnership|Council|Agency|Board|Group|ICB|NHS))\sfor\s/.exec(raw);
  if (cut) raw = cut[1];
  return raw
    .replace(/^the\s/i, '')
    .replace(/[’']s$/, '')
    .replace(/\s(?:and|&|of|for|the|on|in)$/i, '')
    .trim();
}

function acceptable(name: string, fromCue: boolean): boolean {
  if (name.length < 2) return false;
  if (NOT_PARTNERS.test(name)) return false;
  if (/(?:County|City|District|Borough)\sCouncil$/.test(name) && /^Leicestershire\s/.test(name)) return false;
  if (GENERIC_FIRST.test(name + ' ') && !/^(?:National|Local|Regional)\s(?:\S+\s)+(?:Trust|Agency|Association|Society|Partnership|Board|Alliance|Chronicle|Archives|Forum|Lottery)$/.test(name.replace(/^(\S+)\s/, '$1 x '))) return false;
  if (/^[A-Z][a-z]+$/.test(name) && !fromCue) return false;
  if (NOT_NAMES.has(name) || OFFICES.test(name) || COUNCIL_ROLE.test(name) || PEOPLE.test(name)) return false;
  if (GENERIC_BODIES.test(name)) return false;
  if (/\sGroup$/.test(name) && name.split(/\s+/).slice(0, -1).every((w) => STRUCTURE_WORDS.has(w))) return false;
  if (/^Record\sOffice/.test(name)) return false;
  if (THING_TAIL.test(name) && !/(?:Partnership|Board|Trust|Association|Alliance)$/.test(name)) return false;
  // Dates and months are not organisations.
  if (/^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(name)) return false;
  return true;
}

/** Splits "Loughborough University and the NHS Trust" into its organisations; keeps "Nottingham and Derby Universities" whole. */
function splitList(list: string, offset: number): FoundPartner[] {
  const parts: FoundPartner[] = [];
  const sep = /,\s(?:and\s)?|\s(?:and|&)\s/g;
  let last = 0;
  const pieces: { text: string; start: number }[] = [];
  for (const m of list.matchAll(sep)) {
    pieces.push({ text: list.slice(last, m.index), start: last });
    last = m.index + m[0].length;
  }
  pieces.push({ text: list.slice(last), start: last });
  // Rejoin a piece that is only a qualifier of the next: "Loughborough and Nottingham Universities".
  const merged: { text: string; start: number }[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    const next = pieces[i + 1];
    // Also a short name joined to a committee's: "Suicide Audit and Prevention Group", "Drugs and Alcohol Partnership".
    const sharedHead = /^[A-Z][a-z]+$/.test(p.text) && next && /\s(?:Universities|Councils|Trusts|Colleges|CCGs|Hospitals)$/.test(next.text);
    const committee = next && /^(?:[A-Z][A-Za-z]+\s){0,2}[A-Z][A-Za-z]+$/.test(p.text) && !ORG_HEAD_END.test(p.text) && /^[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)*\s(?:Group|Partnership|Board|Forum|Committee|Panel|Service)$/.test(next.text) && list.slice(p.start + p.text.length, next.start).trim() === 'and';
    if (sharedHead || committee) {
      merged.push({ text: list.slice(p.start, next.start + next.text.length), start: p.start });
      i++;
    } else merged.push(p);
  }
  for (const p of merged) {
    const lead = /^the\s/i.exec(p.text)?.[0].length ?? 0;
    const name = cleanName(p.text);
    if (!name) continue;
    parts.push({ name, start: offset + p.start + lead, end: offset + p.start + lead + name.length });
  }
  return parts;
}

/** Partner organisations named in the text, in order, each mention once. */
export function findPartners(text: string): FoundPartner[] {
  const found: FoundPartner[] = [];
  const taken = new ClaimedSpans();
  const add = (p: FoundPartner, fromCue: boolean) => {
    if (!acceptable(p.name, fromCue) || taken.overlaps(p.start, p.end)) return;
    // Part of a longer name: "Family Group Conferences", "NHS Long Term Plan".
    // A national body's name may stand before one of its schemes ("the Visit England Visitor Attractions Scheme").
    if (/^\s[A-Z][a-z]/.test(text.slice(p.end, p.end + 3)) && !fromCue && !/\s(?:England|UK)$/.test(p.name)) return;
    // Something the council sets up is not a partner: "Launching a new Cultural Youth Forum".
    if (/\b(?:launch(?:ed|ing)?|creat(?:ed|ing|e)|establish(?:ed|ing)?|set(?:ting)?\sup|form(?:ed|ing)?)\s(?:a|an|the|our)\s(?:new\s)?$/i.test(text.slice(Math.max(0, p.start - 30), p.start))) return;
    // A status, not a body: "to become a Local Visitor Economy Partnership".
    if (/\bbecome\s(?:a|an|the)\s$/i.test(text.slice(Math.max(0, p.start - 12), p.start))) return;
    // Our own services: "our Adult Learning Service".
    if (/\b(?:our|Our)\s(?:own\s)?$/.test(text.slice(Math.max(0, p.start - 9), p.start))) return;
    taken.claim(p.start, p.end);
    found.push(p);
  };
  for (const m of text.matchAll(CUE_RE)) {
    LIST_RE.lastIndex = m.index + m[0].length;
    const list = LIST_RE.exec(text);
    if (!list) continue;
    for (const p of splitList(list[0], list.index)) add(p, true);
  }
  taken.pass();
  for (const m of text.matchAll(ORG_RE)) {
    let name = m[0];
    let start = m.index;
    // A sentence's first words are capitalised too: "Supported the Create Growth East Midlands Consortium".
    const the = name.lastIndexOf(' the ');
    if (the >= 0 && !/\b(?:of|for)$/.test(name.slice(0, the))) {
      start += the + 5;
      name = name.slice(the + 5);
    }
    // Drop leading sentence words: "Supported Leicestershire Partnership" → keep as is; "The X Trust" → "X Trust".
    const lead = /^(?:The|the|Our|our|With|with|Through|through|By|by|And|and)\s/.exec(name);
    if (lead) {
      name = name.slice(lead[0].length);
      start += lead[0].length;
    }
    name = cleanName(name);
    add({ name, start, end: start + name.length }, false);
  }
  taken.pass();
  for (const m of text.matchAll(KNOWN_BODIES)) add({ name: m[0], start: m.index, end: m.index + m[0].length }, true);
  return found.sort((a, b) => a.start - b.start);
}
