// Reading a person's outcome map, "Old outcome=New one,New two", against the two plans' outcomes.
// Names are exact titles or slugs (any case); one sentence for the first that does not exist. Pure.
import { slugify } from '../../domain/index.js';

export interface NamedOutcome { id: string; title: string }

export interface MapPair { fromId: string; toId: string }

function find(outcomes: NamedOutcome[], name: string): NamedOutcome | undefined {
  const n = name.trim().toLowerCase();
  return outcomes.find((o) => o.title.trim().toLowerCase() === n) ?? outcomes.find((o) => slugify(o.title) === slugify(name));
}

/**
 * The outcomes named after "=", split at commas; a title that has commas of its own ("Strong Economy,
 * Transport and Infrastructure") is taken whole, the longest run of parts that names an outcome first.
 */
function laterOutcomes(list: string, outcomes: NamedOutcome[]): { found: NamedOutcome[] } | { unknown: string } {
  const parts = list.split(',').map((s) => s.trim());
  const found: NamedOutcome[] = [];
  for (let i = 0; i < parts.length;) {
    if (!parts[i]) {
      i++;
      continue;
    }
    let j = parts.length;
    let hit: NamedOutcome | undefined;
    for (; j > i && !hit; j--) hit = find(outcomes, parts.slice(i, j).join(', '));
    if (!hit) return { unknown: parts[i] };
    found.push(hit);
    i = j + 1;
  }
  return { found };
}

/** The pairs the lines name, or throws a RangeError with one sentence saying which name is wrong and where. */
export function parseOutcomeMap(lines: string[], plans: { from: { title: string; outcomes: NamedOutcome[] }; to: { title: string; outcomes: NamedOutcome[] } }): MapPair[] {
  const pairs = new Map<string, MapPair>();
  for (const [i, line] of lines.entries()) {
    const at = `map ${i + 1} ("${line}")`;
    const eq = line.lastIndexOf('=');
    if (eq <= 0) throw new RangeError(`${at} is not "Earlier outcome=Later outcome,Another"`);
    const fromName = line.slice(0, eq);
    const from = find(plans.from.outcomes, fromName);
    if (!from) throw new RangeError(`${at}: "${fromName.trim()}" is not an outcome of "${plans.from.title}" (its outcomes: ${plans.from.outcomes.map((o) => o.title).join('; ')})`);
    const targets = laterOutcomes(line.slice(eq + 1), plans.to.outcomes);
    if ('unknown' in targets) throw new RangeError(`${at}: "${targets.unknown}" is not an outcome of "${plans.to.title}" (its outcomes: ${plans.to.outcomes.map((o) => o.title).join('; ')})`);
    if (!targets.found.length) throw new RangeError(`${at} names no outcome of "${plans.to.title}" after "="`);
    for (const to of targets.found) pairs.set(`${from.id} ${to.id}`, { fromId: from.id, toId: to.id });
  }
  return [...pairs.values()];
}
