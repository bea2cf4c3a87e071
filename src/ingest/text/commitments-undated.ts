// Shapes of an undated promise beyond "we will …": what a report says is still to happen to the
// council's own services and projects, in whatever voice. Each is a promise only where nothing
// marks it as a forecast, a condition or a postponement (commitments.ts checks those). Pure.
//
//  - the future of an act the council does, with any subject: "The library will be closed for five
//    weeks", "Details will be shared in the new year"; what residents will be given: "All homes will
//    receive a kitchen caddy";
//  - a thing set, due, scheduled or planned to happen: "The hall is set to close for repairs";
//  - the plan's own words: "The plan is for the depot to move …", "Projects lined up for next year";
//  - the present tense with a coming time: "The pool is closing next month for repairs";
//  - the council's voice beyond "we will": "we're going to", "I will";
//  - a sentence opening with a time to come: "Next year, the focus will be on repairs".
// Not what the government, a regulator or another national body will do.
// Not where the sentence sets a condition ("once the strategy is agreed", "if funding allows") or
// looks back to an earlier year: those are plans in a story of the past, or not yet promises.

/**
 * Verbs of what a council does to run its own services, buildings and plans, in base, past and -ing
 * forms: the act a promise names ("will be closed", "will be shared", "will receive"). Verbs of what a
 * scheme will bring (create, deliver, provide, build, improve, bring, invest) are left out: "the
 * park will create 200 jobs" describes a scheme, and "costs will rise" forecasts; neither promises.
 */
const ACT = [
  String.raw`(?:re-?)?open(?:ed|ing)?`, String.raw`clos(?:e|ed|ing)`, String.raw`start(?:ed|ing)?`, String.raw`begin(?:ning)?`, 'begun',
  String.raw`complet(?:e|ed|ing)`, String.raw`launch(?:ed|ing)?`, String.raw`introduc(?:e|ed|ing)`, String.raw`h[eo]ld(?:ing)?`,
  String.raw`publish(?:ed|ing)?`, String.raw`extend(?:ed|ing)?`, String.raw`redeploy(?:ed|ing)?`, String.raw`review(?:ed|ing)?`,
  String.raw`kept|keep(?:ing)?`, String.raw`display(?:ed|ing)?`, String.raw`shar(?:e|ed|ing)`,
  String.raw`submit(?:ted|ting)?`, String.raw`consult(?:ed|ing)?`, String.raw`collect(?:ed|ing)?`, String.raw`charg(?:e|ed|ing)`,
  String.raw`roll(?:ed|ing)?\sout`, String.raw`replac(?:e|ed|ing)`, String.raw`install(?:ed|ing)?`, String.raw`upgrad(?:e|ed|ing)`,
  String.raw`refurbish(?:ed|ing)?`, String.raw`issu(?:e|ed|ing)`, String.raw`present(?:ed|ing)?`, String.raw`report(?:ed|ing)?`,
  String.raw`consider(?:ed|ing)?`, String.raw`look(?:ed|ing)?\sat`,
  String.raw`involv(?:e|ed|ing)`, String.raw`host(?:ed|ing)?`, String.raw`made\savailable|available`, String.raw`empt(?:y|ied|ying)`,
  String.raw`mov(?:e|ed|ing)`, String.raw`transfer(?:red|ring)?`, String.raw`set\sup`, String.raw`put\sin\splace`, String.raw`sen[dt]|sending`,
  String.raw`contact(?:ed|ing)?`, String.raw`updat(?:e|ed|ing)`, String.raw`undertak(?:e|en|ing)`, String.raw`commission(?:ed|ing)?`,
  String.raw`appoint(?:ed|ing)?`, String.raw`recruit(?:ed|ing)?`, String.raw`notifi?(?:y|ed)`, String.raw`writ(?:e|ten)|wrote`, String.raw`told`,
].join('|');

/** A service kept going: "will continue to be delivered by a contractor", "will continue to be provided". */
const KEPT_ON = String.raw`continue\sto\sbe\s(?:delivered|provided|run|offered|collected|funded|managed)`;
/** Things brought to residents: "will be delivered to your door", "delivered to every home". */
const TO_THE_DOOR = String.raw`deliver(?:ed)?\sto\s(?:your|every|each|all|residents|households|homes|tenants)`;

/** Words that make the clause a subordinate one, saying how or whether, not that, something will happen. */
const SUBORDINATE = String.raw`(?<!\b(?:how|which|who|what|whether|if|when|once|until|unless|where)\s(?:[\w'’-]+\s){0,4})`;

/** The future of an act the council does: "will be closed", "will receive", "will also be included", "will be getting". */
const FUTURE_ACT = new RegExp(SUBORDINATE + String.raw`\b(?:will|shall|['’]ll)\s(?:also\s|then\s|now\s|still\s|soon\s|all\s|continue\sto\s)?` +
  String.raw`(?:be\s(?:temporarily\s|fully\s|widely\s|then\s|also\s|formally\s)?)?(?:${ACT}|${KEPT_ON}|${TO_THE_DOOR})\b`, 'i');

/**
 * What residents will be given: "Every household will receive a caddy", "Tenants will be sent a
 * letter". With another subject, "receive" reports what a scheme gets ("the projects will receive
 * their grants"), not what the council promises.
 */
const RECIPIENTS = new RegExp(SUBORDINATE + String.raw`\b(?:households?|residents?|homes|properties|you|customers|tenants|families|everyone|people|users|carers|pupils|schools|businesses)\s` +
  String.raw`(?:will|shall|['’]ll)\s(?:also\s|all\s|each\s|now\s)?(?:receive|get|be\s(?:getting|receiving|given|sent|offered|able\sto\s(?:sign|book|apply|order)))\b`, 'i');

/**
 * Set, due, scheduled or planned to happen, or soon to ("is set to close", "are soon to open",
 * "improvements set to come to the library"); not a projection of numbers.
 */
const SCHEDULED = new RegExp(SUBORDINATE + String.raw`\b(?:(?:is|are)\s(?:now\s)?(?:set|due|scheduled|planned|programmed|soon|anticipated)\sto\s|(?:is|are)\sexpected\sto\sbe\s(?=(?:completed|finished|opened|delivered|in\splace|operational|launched|ready|published)\b)|set\sto\s(?=(?:come|open|close|start|begin|launch|undergo|arrive|return|reopen)\b))` +
  String.raw`(?!rise|grow|increase|fall|reach|double|benefit|cost|exceed|remain|be\s(?:built|needed|required|higher|lower))[a-z]+`, 'i');

/** The plan's own words: "The plan is for the library to close …", "projects lined up for the next year", "It is intended that …". */
/**
 * What councillors or residents will be told or asked: "A further update will be provided to
 * members", "Consultation on the draft will take place over the summer".
 */
const TOLD = /\b(?:updates?|reports?|briefings?|responses?|decisions?|details|information|feedback)\s(?:will|shall)\s(?:also\s|then\s)?be\s(?:provided|given|made|brought|circulated|issued|presented)\b|\b(?:consultations?|engagement|meetings?|reviews?|events?|sessions?|workshops?|surveys?|drop-ins?)\s(?:[a-z-]+\s){0,4}(?:will|shall)\s(?:also\s|then\s)?take\splace\b/i;

/** Things handed out to residents, even in a relative clause: "a booklet which will be distributed to all households". */
const HANDED_OUT = /\b(?:will|shall)\s(?:also\s)?be\s(?:delivered|distributed|sent|posted)\sto\s(?:your|every|each|all|residents|households|homes|tenants)\b/i;

const PLAN_WORDS = /\bthe\s(?:plan|intention)\sis\s(?:for\s[^.;]{1,60}?\s)?to\s[a-z]+|\b(?:lined\sup|in\sthe\spipeline)\sfor\b|\bit\sis\s(?:intended|planned|proposed|anticipated)\sthat\b/i;

/** The present tense of an act with a coming time: "is closing next month", "are moving later this year". */
const COMING = /\b(?:is|are)\s(?:(?:re)?opening|closing|moving|launching|starting|changing|relocating)\b[^.;]{0,80}?\b(?:next|later\sthis|this\scoming|the\scoming)\s(?:week|month|year|spring|summer|autumn|winter|term)\b/i;

/**
 * The council's own voice beyond "we will": "we're going to", "I will" (a leader's foreword). "We are
 * committed to …" states a value, as the Leicestershire labels read it: a promise only with a time.
 */
const OWN_VOICE = new RegExp(SUBORDINATE + String.raw`\b(?:we(?:\sare|['’]re)\sgoing\sto|I\s(?:will|shall)\s(?!be\sable|need|have)[a-z]+)\b`, 'i');

/**
 * A sentence opening with a time still to come, saying what will happen then: "Next year, the focus
 * will be on repairs", "Over the coming months the team will be at every library". Not how numbers
 * will move ("Over the next year demand will rise").
 */
const FORWARD_OPENING = /^(?:looking\s(?:ahead|forward)(?:\sto\s[^,]{1,40})?|going\sforward|in\s(?:the\s)?future|from\snow\son|next\syear|in\sthe\s(?:coming|next)\s(?:year|months|few\s(?:months|years)|12\smonths)|over\sthe\s(?:coming|next)\s(?:year|months|few\s(?:months|years)|12\smonths|(?:two|three|four|five)\syears)|this\scoming\syear)\b,?[^.;]*?\b(?:will|shall)\s(?!(?:continue\sto\s)?(?:rise|grow|increase|fall|decline|drop|reach|cost|double|see\s(?:an?\s)?(?:rise|increase|fall)))[a-z]+/i;

/**
 * What others will do: the government, ministers, regulators and national bodies. A council's report
 * tells of them, but their plans are not the council's promises.
 */
const OTHERS = /\b(?:the\s)?(?:government|ministers?|secretary\sof\sstate|parliament|whitehall|ofsted|cqc|care\squality\scommission|regulator|homes\sand\scommunities\sagency|hca|tsa|nhs\sengland)\b[^.;]{0,50}?\b(?:will|shall|is\sgoing\sto|plans?\sto|intends?\sto)\b/i;

/** A condition or hedge anywhere in the sentence: "once the strategy has been agreed", "if funding allows", "subject to approval", "where relevant". */
const CONDITION = /\b(?:once|if|unless|subject\sto|provided\sthat|depending\son|where\s(?:relevant|appropriate|possible|needed|necessary)|as\s(?:appropriate|needed|necessary))\b/i;

/** Where in the sentence one of these shapes of promise begins, or undefined. */
export function otherPromiseAt(text: string): number | undefined {
  if (CONDITION.test(text) || OTHERS.test(text)) return undefined;
  for (const re of [OWN_VOICE, FUTURE_ACT, RECIPIENTS, HANDED_OUT, TOLD, SCHEDULED, PLAN_WORDS, COMING, FORWARD_OPENING]) {
    const m = re.exec(text);
    if (m) return m.index;
  }
  return undefined;
}
