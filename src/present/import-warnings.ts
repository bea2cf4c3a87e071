// An import's warnings as the workspace shows them. The importer writes one text for every adapter,
// with the command line's remedy ("use --map …") and counts such as "5 section(s)"; on a page that
// remedy is a form on the same page, and a count takes its proper plural.

const CLI_MAP_HINT = /\s*\(use --map "Section=Outcome"\)\s*$/;

/** "1 section(s)" → "1 section", "5 place(s)" → "5 places". */
function plurals(text: string): string {
  return text.replace(/\b(\d[\d,]*) (\w+)\(s\)/g, (_all, n: string, word: string) => `${n} ${n === '1' ? word : `${word}s`}`);
}

/** The warning with its command-line remedy replaced by what to do on this page (or dropped). */
export function workspaceWarning(text: string, remedy?: string): string {
  const fixed = plurals(text);
  return CLI_MAP_HINT.test(fixed) ? `${fixed.replace(CLI_MAP_HINT, '')}${remedy ? `: ${remedy}` : '.'}` : fixed;
}
