// The folder holding Compendium's package.json, found from this file whether it runs from src/
// (tsx, tests) or from the compiled dist/: data shipped beside the code (demo/) is read from there.
import fs from 'node:fs';
import path from 'node:path';

let found: string | undefined;

/** Walks up from `start` (default this module's folder) to the first folder with a package.json. */
export function packageRoot(start: string = import.meta.dirname): string {
  if (start === import.meta.dirname && found) return found;
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) {
      if (start === import.meta.dirname) found = dir;
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${start}: Compendium's files are not where they were installed`);
  }
}
