// Untitled items (bullet lists of achievements in the source report) are shown as one list under
// their heading rather than as a row of empty headings: this splits a heading's entries into runs.
export type EntryRun<T> = { kind: 'titled'; entry: T } | { kind: 'untitled'; entries: T[] };

export function entryRuns<T extends { title: string }>(entries: T[]): EntryRun<T>[] {
  const runs: EntryRun<T>[] = [];
  for (const entry of entries) {
    const last = runs.at(-1);
    if (entry.title.trim()) runs.push({ kind: 'titled', entry });
    else if (last?.kind === 'untitled') last.entries.push(entry);
    else runs.push({ kind: 'untitled', entries: [entry] });
  }
  return runs;
}
