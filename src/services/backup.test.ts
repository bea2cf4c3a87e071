// Backup and restore: the round trip between the embedded database and PostgreSQL, and every way a
// bad file or a busy workspace is refused without touching what is there. The filled workspace and
// its backup are made once (beforeAll) for the tests that only read them, and the refusals share one
// empty workspace, each checking it was left as it was; a test that changes a workspace opens its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tables, type Store } from '../store/index.js';
import { insertRows } from '../store/queries/insertRows.js';
import { getTableCounts } from '../store/queries/getTableCounts.js';
import { memoryStore, snapshot, testStore } from '../../test/helpers/store.js';
import { loadConfig } from '../config.js';
import { services } from './index.js';
import { checkBackup } from './backup.js';

let dir: string;
const open: Store[] = [];
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-backup-')); });
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function pglite(): Promise<Store> {
  const s = await memoryStore(snapshot());
  open.push(s);
  return s;
}
async function target(): Promise<Store> {
  const s = await testStore();
  open.push(s);
  return s;
}
const svc = (s: Store) => services(s, loadConfig({ dataDir: dir }));

/** Made once: the filled workspace (never changed), its plan, its backup and what that wrote; an empty workspace for refusals. */
const shared = {} as { source: Store; planId: string; file: string; written: Awaited<ReturnType<ReturnType<typeof svc>['backup']['backup']>>; empty: Store; dir: string };

/** A workspace with a value of every column type the schema uses: text, dates, times, JSON, bytes, numbers, booleans, serials. */
async function fill(store: Store): Promise<string> {
  const s = svc(store);
  await s.workspace.updateSettings({ councilName: 'Testshire "County" Council', brandColour: '#123456' });
  const planId = await s.plans.create({
    title: 'Plan with ünïcode — and “quotes”', councilCode: 'E10000018', startDate: '2022-04-01', endDate: '2026-03-31',
    outcomes: [{ title: 'Strong Economy', summary: 'Line one\nline two', themes: [{ title: 'Skills' }, { title: 'Transport' }] }, { title: 'Safe' }],
  });
  await insertRows(store.db, tables.users, [{ id: 'u1', email: 'a@example.org', name: 'Ann', passwordHash: 'x', role: 'admin', services: ['Highways'], outcomeIds: [] }]);
  await insertRows(store.db, tables.indicators, [{ id: 'i1', code: 'ASC1', title: 'Adults', unit: 'percent', decimalPlaces: 1, polarity: 'higher', frequency: 'annual-financial', changeTolerance: 0.5 }]);
  await insertRows(store.db, tables.observations, [
    { indicatorId: 'i1', areaCode: 'E10000018', periodKey: 'FY2022-23', value: 0.1 + 0.2, status: 'final' },
    { indicatorId: 'i1', areaCode: 'E10000019', periodKey: 'FY2022-23', value: null, status: 'provisional', note: 'suppressed' },
    { indicatorId: 'i1', areaCode: 'E10000018', periodKey: 'FY2021-22', value: -1e-9, status: 'final' },
  ]);
  await insertRows(store.db, tables.reportArtifacts, [{
    id: 'r1', planId, periodKey: 'FY2022-23', format: 'pdf', fileName: 'report.pdf', mediaType: 'application/pdf', draft: true,
    content: Buffer.from([0, 1, 2, 255, 10, 13, 92]),
  }]);
  return planId;
}

/** The file's lines without the header (which says when and from which database it was made) and the end marker (whose digest covers the header). */
function content(file: string): string[] {
  const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
  const end = JSON.parse(lines.at(-2)!) as { end: boolean; counts: unknown };
  expect(end.end).toBe(true);
  return [...lines.slice(1, -2), JSON.stringify(end.counts)];
}

beforeAll(async () => {
  shared.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-backup-shared-'));
  shared.source = await memoryStore(snapshot());
  shared.planId = await fill(shared.source);
  shared.file = path.join(shared.dir, 'a.backup.gz');
  shared.written = await services(shared.source, loadConfig({ dataDir: shared.dir })).backup.backup(shared.file);
  shared.empty = await testStore();
});
afterAll(async () => {
  await shared.source?.close();
  await shared.empty?.close();
  fs.rmSync(shared.dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips PGlite → file → the test database → file with identical content', async () => {
    const { source, planId, file: a, written } = shared;
    const b = path.join(dir, 'b.backup.gz');
    expect(written.tables.plans).toBe(1);
    expect(written.tables.observations).toBe(3);

    const dest = await target();
    const restored = await svc(dest).backup.restore(a);
    expect(restored.tables).toEqual(written.tables);
    await svc(dest).backup.backup(b);
    expect(content(b)).toEqual(content(a));
    expect(await getTableCounts(dest.db)).toEqual(await getTableCounts(source.db));

    const s = svc(dest);
    expect((await s.workspace.settings()).councilName).toBe('Testshire "County" Council');
    const structure = await s.plans.structure(planId);
    expect(structure.outcomes.map((o) => o.themes.length)).toEqual([2, 0]);
    const [artifact] = await dest.db.select().from(tables.reportArtifacts);
    expect(Buffer.from(artifact.content as Uint8Array)).toEqual(Buffer.from([0, 1, 2, 255, 10, 13, 92]));
    const obs = await dest.db.select().from(tables.observations);
    expect(obs.find((o) => o.periodKey === 'FY2022-23' && o.areaCode === 'E10000018')?.value).toBe(0.1 + 0.2);
    expect(obs.find((o) => o.areaCode === 'E10000019')?.value).toBeNull();

    // Serial ids carry on after the restored ones.
    await s.plans.create({ title: 'Next plan', councilCode: 'E10000018', startDate: '2026-04-01', endDate: '2030-03-31' });
    const ids = (await dest.db.select().from(tables.auditEvents)).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses a truncated file and leaves the workspace as it was', async () => {
    const bytes = fs.readFileSync(shared.file);
    const cut = path.join(dir, 'cut.backup.gz');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const dest = shared.empty;
    const before = await getTableCounts(dest.db);
    await expect(svc(dest).backup.restore(cut)).rejects.toThrow(/cut\.backup\.gz is incomplete or damaged.*nothing was restored/);
    expect(await getTableCounts(dest.db)).toEqual(before);

    // Whole lines missing from the end (a file cut at a line boundary, then compressed again).
    const lines = zlib.gunzipSync(bytes).toString('utf8').split('\n');
    const short = path.join(dir, 'short.backup.gz');
    fs.writeFileSync(short, zlib.gzipSync(lines.slice(0, lines.length - 4).join('\n')));
    await expect(svc(dest).backup.restore(short)).rejects.toThrow(/short\.backup\.gz is incomplete/);
    expect(await getTableCounts(dest.db)).toEqual(before);
  });

  it('refuses a foreign file, gzipped or not, naming it', async () => {
    const dest = shared.empty;
    const before = await getTableCounts(dest.db);
    const csv = path.join(dir, 'indicators.csv');
    fs.writeFileSync(csv, 'code,title\nA,B\n');
    await expect(svc(dest).backup.restore(csv)).rejects.toThrow(`${csv} is not a Compendium backup`);
    const gz = path.join(dir, 'other.json.gz');
    fs.writeFileSync(gz, zlib.gzipSync(JSON.stringify({ format: 'something-else' }) + '\n'));
    await expect(svc(dest).backup.restore(gz)).rejects.toThrow(`${gz} is not a Compendium backup`);
    const empty = path.join(dir, 'empty.gz');
    fs.writeFileSync(empty, '');
    await expect(svc(dest).backup.restore(empty)).rejects.toThrow(/is empty|is not a Compendium backup/);
    await expect(svc(dest).backup.restore(path.join(dir, 'missing.gz'))).rejects.toThrow(/missing\.gz does not exist/);
    expect(await getTableCounts(dest.db)).toEqual(before);
  });

  it('refuses a file whose rows do not fit the tables, and a workspace that already has data', async () => {
    const { source, file: a } = shared;
    const lines = zlib.gunzipSync(fs.readFileSync(a)).toString('utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('{"table":"plans"')) + 1;
    lines[at] = '["only one value"]';
    const bad = path.join(dir, 'bad.backup.gz');
    fs.writeFileSync(bad, zlib.gzipSync(lines.join('\n')));
    const dest = shared.empty;
    const before = await getTableCounts(dest.db);
    await expect(svc(dest).backup.restore(bad)).rejects.toThrow(new RegExp(`line ${at + 1} has 1 values where table plans has \\d+ columns`));
    expect(await getTableCounts(dest.db)).toEqual(before);

    await expect(svc(source).backup.restore(a)).rejects.toThrow(/already holds data \(.*1 plans.*\): restore only into an empty workspace/);
    expect((await getTableCounts(source.db)).plans).toBe(1);
  });
});

/** The file's lines, uncompressed (the last is the empty one after the final newline). */
const linesOf = (file: string) => zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');

/**
 * Writes LINES as a backup whose end marker agrees with them: what someone who edits a backup and
 * recomputes its digest and counts would make. Only the rules on the rows themselves can catch it.
 */
function resign(file: string, lines: string[]): void {
  const body = lines.filter((l) => l !== '' && !l.startsWith('{"end":true'));
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  let table = '';
  for (const l of body) {
    hash.update(l + '\n');
    if (l.startsWith('{"table"')) counts[(table = JSON.parse(l).table as string)] = 0;
    else if (l.startsWith('[')) counts[table]++;
  }
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  fs.writeFileSync(file, zlib.gzipSync([...body, JSON.stringify({ end: true, tables: Object.keys(counts).length, rows, counts, sha256: hash.digest('hex') })].join('\n') + '\n'));
}

describe('backups that prove themselves', () => {
  it('refuses an edited file by its digest, and a re-signed one whose rows break the schema, by table, row and field', async () => {
    const a = shared.file;
    expect((await checkBackup(a)).tables.users).toBe(1);
    const dest = shared.empty;
    const before = await getTableCounts(dest.db);
    const lines = linesOf(a);
    const user = lines.findIndex((l) => l.includes('"a@example.org"'));

    // A value changed by hand: the digest no longer matches.
    const edited = path.join(dir, 'edited.backup.gz');
    fs.writeFileSync(edited, zlib.gzipSync(lines.map((l, i) => (i === user ? l.replace('"Ann"', '"Anne"') : l)).join('\n')));
    await expect(svc(dest).backup.restore(edited)).rejects.toThrow(
      `${edited} has been changed or damaged since it was made: its content does not match the SHA-256 digest in its end marker; nothing was restored.`,
    );

    // The end marker's counts are checked too.
    const counted = path.join(dir, 'counted.backup.gz');
    fs.writeFileSync(counted, zlib.gzipSync(lines.map((l) => (l.startsWith('{"end":true') ? l.replace('"users":1', '"users":2') : l)).join('\n')));
    await expect(checkBackup(counted)).rejects.toThrow('its end marker counts 2 rows in table users but the file holds 1');

    // A role the application does not have, with digest and counts recomputed.
    const superuser = path.join(dir, 'superuser.backup.gz');
    resign(superuser, lines.map((l, i) => (i === user ? l.replace('"admin"', '"superuser"') : l)));
    await expect(svc(dest).backup.restore(superuser)).rejects.toThrow(
      `${superuser} has a bad value in table users, row 1 (line ${user + 1} of the file), field role: "superuser" is not one of admin, performance-officer, contributor, viewer; nothing was restored.`,
    );
    // A number that is not one, an empty required field, a row pointing at nothing, a repeated key.
    const observation = lines.findIndex((l) => l.includes('"suppressed"'));
    const set = (column: number, value: string | null) => (l: string) => {
      const row = JSON.parse(l) as (string | null)[];
      row[column] = value;
      return JSON.stringify(row);
    };
    const cases: [string, (l: string) => string, RegExp][] = [
      ['value', set(3, 'lots'), /table observations, row \d+ \(line \d+ of the file\), field value: "lots" is not a number/],
      ['missing', set(0, 'i9'), /table observations, row \d+ \(line \d+ of the file\), field indicator_id, pointing at "i9", which is not in table indicators/],
      ['null', set(0, null), /field indicator_id: it is empty, and this field must have a value/],
    ];
    for (const [name, change, message] of cases) {
      const f = path.join(dir, `${name}.backup.gz`);
      resign(f, lines.map((l, i) => (i === observation ? change(l) : l)));
      await expect(svc(dest).backup.restore(f), name).rejects.toThrow(message);
    }
    const twice = path.join(dir, 'twice.backup.gz');
    resign(twice, [...lines.slice(0, user + 1), lines[user], ...lines.slice(user + 1)]);
    await expect(checkBackup(twice)).rejects.toThrow(`repeats id "u1" in table users, row 2 (line ${user + 2} of the file), already given at line ${user + 1}`);
    expect(await getTableCounts(dest.db)).toEqual(before);
  });

  it('reports a row the database refuses in one sentence, without the statement or its values', async () => {
    const source = await pglite();
    await fill(source);
    await insertRows(source.db, tables.users, [{ id: 'u2', email: 'b@example.org', name: 'Bo', passwordHash: 'secret-hash-value', role: 'viewer', services: [], outcomeIds: [] }]);
    const a = path.join(dir, 'a.backup.gz');
    await svc(source).backup.backup(a);
    // Two addresses that differ only in case: the schema's rules pass it, the database's unique index does not.
    const clash = path.join(dir, 'clash.backup.gz');
    resign(clash, linesOf(a).map((l) => l.replace('"b@example.org"', '"A@example.org"')));
    const dest = shared.empty;
    const before = await getTableCounts(dest.db);
    const error = await svc(dest).backup.restore(clash).catch((e: Error) => e);
    expect((error as Error).message).toMatch(new RegExp(`^${clash.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not be loaded into table users \\(rows at lines \\d+ to \\d+ of the file\\): duplicate key value violates unique constraint "users_email_idx"; nothing was restored\\.$`));
    expect((error as Error).message).not.toContain('secret-hash-value');
    expect(await getTableCounts(dest.db)).toEqual(before);
  });

  it('backs up a workspace that holds rows twice over (two writers once), and the backup restores', async () => {
    const source = await pglite();
    await fill(source);
    // What two processes writing one embedded workspace left behind: every reference area stored twice.
    await source.db.execute(sql`alter table areas drop constraint areas_pkey cascade`);
    await source.db.execute(sql`insert into areas select * from areas`);
    const areas = (await getTableCounts(source.db)).areas;
    const a = path.join(dir, 'a.backup.gz');
    const written = await svc(source).backup.backup(a);
    expect(written.duplicatesLeftOut).toEqual({ areas: areas / 2 });
    expect(written.note).toBe(`The workspace held ${areas / 2} areas twice over (two processes once wrote it at the same time); the backup has each once.`);
    const dest = await target();
    const restored = await svc(dest).backup.restore(a);
    expect(restored.tables.areas).toBe(areas / 2);
    expect((await getTableCounts(dest.db)).areas).toBe(areas / 2);
  });

  it('removes what a killed backup left behind', async () => {
    const source = shared.empty; // backing up only reads it
    const a = path.join(dir, 'a.backup.gz');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    fs.writeFileSync(`${a}.partial-${dead}`, 'half a backup');
    const other = path.join(dir, 'other.backup.gz.partial-1');
    fs.writeFileSync(other, 'not ours');
    await svc(source).backup.backup(a);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.backup.gz', 'other.backup.gz.partial-1']);
  });
});
