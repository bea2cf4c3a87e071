// Everything in the repository is in our own words: no tracked file may share a run of 12 or more
// consecutive words with the real reports in ../shared/fixtures/reports (tests read those at test
// time, by path and offset). Words are compared lowercased, ignoring punctuation, markup and the
// quotes and line breaks of source code, so a sentence split over string literals still counts.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHARED_REPORTS } from './helpers/reports.js';

const RUN = 12;
const root = path.resolve(import.meta.dirname, '..');

interface Word { word: string; line: number }

/** The words of a text in order, each with the line it starts on. */
export function words(text: string): Word[] {
  const clean = text.replace(/\\[nrt]/g, '  ');
  const found: Word[] = [];
  let line = 1;
  let at = 0;
  for (const m of clean.matchAll(/[\p{L}\p{N}]+/gu)) {
    for (let i = at; i < m.index; i++) if (clean.charCodeAt(i) === 10) line++;
    at = m.index;
    found.push({ word: m[0].toLowerCase(), line });
  }
  return found;
}

/** A fixture's visible text: HTML loses its tags, scripts, styles and entities. */
function fixtureText(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  if (!/\.html?$/i.test(file)) return text;
  return text.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ').replace(/&#?\w+;/g, ' ');
}

const isBinary = (bytes: Buffer) => bytes.subarray(0, 8000).includes(0);
const key = (ws: Word[], i: number) => ws.slice(i, i + RUN).map((w) => w.word).join(' ');

/** Every run of RUN words in the fixture reports, to the report it came from. */
function fixtureRuns(): Map<string, string> {
  if (!fs.existsSync(SHARED_REPORTS)) {
    throw new Error(`The real reports are missing: ${SHARED_REPORTS} does not exist (this test needs ../shared beside the repository)`);
  }
  const runs = new Map<string, string>();
  const files = fs.readdirSync(SHARED_REPORTS, { recursive: true }).map(String).sort();
  for (const rel of files) {
    const file = path.join(SHARED_REPORTS, rel);
    if (!fs.statSync(file).isFile() || /\.pdf$/i.test(file) || isBinary(fs.readFileSync(file))) continue;
    const ws = words(fixtureText(file));
    for (let i = 0; i + RUN <= ws.length; i++) runs.set(key(ws, i), rel);
  }
  return runs;
}

/** Tracked files, and new files not ignored, so a copy is caught before it is committed. */
function repositoryFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  return [...new Set(listed.split('\0').filter(Boolean))].sort();
}

/** Each place in a text that shares a run of RUN or more words with a fixture, as "line: words… (report)". */
export function sharedRuns(text: string, runs: Map<string, string>): string[] {
  const ws = words(text);
  const found: string[] = [];
  let i = 0;
  while (i + RUN <= ws.length) {
    const report = runs.get(key(ws, i));
    if (!report) { i++; continue; }
    let end = i + RUN;
    while (end < ws.length && runs.has(key(ws, end - RUN + 1))) end++;
    found.push(`line ${ws[i].line}: ${end - i} words from ${report}: "${ws.slice(i, Math.min(end, i + RUN)).map((w) => w.word).join(' ')}…"`);
    i = end;
  }
  return found;
}

describe('our own words', () => {
  let runs: Map<string, string>;
  beforeAll(() => { runs = fixtureRuns(); });

  it('reads the real reports', () => {
    expect(runs.size).toBeGreaterThan(10_000);
  });

  it('finds a run of 12 words taken from a report, even split over string literals, and not 11', () => {
    const [sample] = runs.keys();
    const twelve = sample.split(' ');
    expect(sharedRuns(`const a = 'x ${twelve.slice(0, 5).join(' ')} ' +\n  "${twelve.slice(5).join(' ')}.";`, runs)).toHaveLength(1);
    expect(sharedRuns(`one two\n${twelve.slice(0, 6).join(' ')}\\n${twelve.slice(6).join(' ')}`, runs)[0]).toMatch(/^line 2: 12 words from /);
    expect(sharedRuns(twelve.slice(0, 11).join(' '), runs)).toEqual([]);
  });

  it('no tracked file shares 12 or more consecutive words with a real report', () => {
    const problems: string[] = [];
    for (const rel of repositoryFiles()) {
      const file = path.join(root, rel);
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) continue;
      const bytes = fs.readFileSync(file);
      if (isBinary(bytes)) continue;
      for (const p of sharedRuns(bytes.toString('utf8'), runs)) problems.push(`${rel} ${p}`);
    }
    expect(problems.length, `rewrite these in our own words, or read the text from ../shared by offset:\n${problems.join('\n')}\n`).toBe(0);
  });
});
