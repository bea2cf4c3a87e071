// A short title a reviewer may give an untitled item: the opening words of its first sentence, without
// the subject ("We have …", "The council …") and cut before a clause. Only a suggestion: the item
// stays untitled in the data until a person takes it.

const SUBJECT = /^(?:(?:this|last|over the) (?:year|past year)[, ]+)?(?:we(?: have| had| are| were)?|the (?:council|county council|partnership|service|board)(?: has| have| had| is| was)?|our (?:council|service|team)s?(?: has| have)?|it|there (?:is|are|were|was|has been|have been))\s+/i;
const CLAUSE = /,|;|:|\s[–-]\s|\s(?:which|who|that|because|so that|as well as|while|whilst|and then|to ensure|in order to)\s/i;
const TRAILING = /\s+(?:and|or|of|the|a|an|to|in|for|with|by|on|at|from|our|their|its|is|are|was|were)$/i;

export function suggestTitle(body: string): string | null {
  const sentence = body.split(/(?<=[.!?])\s+/)[0]?.replace(/^[-•*]\s*/, '').trim() ?? '';
  let words = sentence.replace(SUBJECT, '');
  const cut = CLAUSE.exec(words);
  if (cut && cut.index >= 12) words = words.slice(0, cut.index);
  let title = words.split(/\s+/).slice(0, 7).join(' ').replace(/[.!?,;:]+$/, '');
  while (TRAILING.test(title)) title = title.replace(TRAILING, '');
  if (title.split(/\s+/).length < 2 || !/[A-Za-z]{3}/.test(title)) return null;
  return title[0].toUpperCase() + title.slice(1);
}
