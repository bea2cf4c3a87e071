// npm run build:passwords -- PACKAGE_DIR: writes src/services/reference/common-passwords.txt, the list of
// common and breached passwords that new passwords are checked against, from the password dictionary
// of @zxcvbn-ts/language-common (MIT licence; see NOTICE). Fetch that package without installing it:
//   npm pack @zxcvbn-ts/language-common@4.1.3 && tar xzf zxcvbn-ts-language-common-4.1.3.tgz
//   npm run build:passwords -- package
// Its dictionary is stored prefix-coded: each word is a capital letter giving how many characters to
// keep from the word before (A none, B one …) followed by the characters that come after them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = process.argv[2];
if (!packageDir) {
  console.error('usage: npm run build:passwords -- DIR (the unpacked @zxcvbn-ts/language-common package)');
  process.exit(2);
}
const source = fs.readFileSync(path.join(packageDir, 'dist', 'passwords.json.mjs'), 'utf8');
const coded = /decompress\("([^"]*)"\)/.exec(source)?.[1];
if (!coded) throw new Error(`no coded dictionary in ${packageDir}/dist/passwords.json.mjs`);

const words: string[] = [];
let previous = '';
for (const m of coded.matchAll(/([A-Z])([^A-Z]*)/g)) {
  previous = previous.slice(0, m[1].charCodeAt(0) - 65) + m[2];
  words.push(previous);
}
// Lower case, at least four characters (shorter ones are refused by length anyway), no duplicates.
const kept = [...new Set(words.map((w) => w.toLowerCase()).filter((w) => w.length >= 4 && !/\s/.test(w)))];
const out = path.join(root, 'src/services/reference/common-passwords.txt');
fs.writeFileSync(out, kept.join('\n') + '\n');
console.log(`${kept.length} of ${words.length} passwords written to ${path.relative(root, out)}`);
