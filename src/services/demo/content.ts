// The whole demo workspace as one value, read from the JSON files in demo/ at the package root and
// checked against ./schema.ts: what `services.demo.load()` writes. Read once, when first asked for.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ValidationError } from '../../errors.js';
import { packageRoot } from '../../package-root.js';
import { DemoArea, DemoContent, DemoCouncil, DemoDuty, DemoEntry, DemoFinancialFigure, DemoIndicator, DemoPlan, DemoUser } from './schema.js';

/** The folder of the demo's JSON files. */
export const demoDataDir = (): string => path.join(packageRoot(), 'demo');

/** One JSON file, checked against its schema; a mistake names the file and where in it. */
function readJson<T extends z.ZodType>(dir: string, name: string, schema: T): z.infer<T> {
  const file = path.join(dir, name);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ValidationError(`The demo content cannot be read: ${file}`, [{ file, message: (e as Error).message }]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError(`The demo content is not valid: ${file}`, parsed.error.issues.map((i) => ({ file, field: i.path.join('.'), message: i.message })));
  }
  return parsed.data;
}

/** Reads and checks every demo file in `dir`; the entries come from every file in its entries/ folder, in name order (the files are numbered). */
export function loadDemoContent(dir: string = demoDataDir()): DemoContent {
  const entryFiles = fs.readdirSync(path.join(dir, 'entries')).filter((f) => f.endsWith('.json')).sort();
  return {
    ...readJson(dir, 'council.json', DemoCouncil),
    areas: readJson(dir, 'areas.json', z.array(DemoArea)),
    plan: readJson(dir, 'plan.json', DemoPlan),
    users: readJson(dir, 'users.json', z.array(DemoUser)),
    entries: entryFiles.flatMap((f) => readJson(dir, path.join('entries', f), z.array(DemoEntry))),
    indicators: readJson(dir, 'indicators.json', z.array(DemoIndicator)),
    financialFigures: readJson(dir, 'finance.json', z.array(DemoFinancialFigure)),
    duties: readJson(dir, 'duties.json', z.array(DemoDuty)),
  };
}

let cached: DemoContent | undefined;

/** The demo content from demo/, read and checked on first use. */
export function demoContent(): DemoContent {
  cached ??= loadDemoContent();
  return cached;
}
