// Writes docs/data-dictionary.md from the drizzle schema, so the dictionary cannot drift from the
// tables: `npx tsx scripts/data-dictionary.ts` (a test checks the file is current).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataDictionary } from '../src/store/dataDictionary.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/data-dictionary.md');
fs.writeFileSync(out, dataDictionary());
console.log(`wrote ${path.relative(process.cwd(), out)}`);
