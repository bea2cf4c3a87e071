// Backup and restore: the round trip between the embedded database and PostgreSQL, and every way a
// bad file or a busy workspace is refused without touching what is there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, tables, type Store } from '../store/index.js';
import { insertRows } from '../store/queries/insertRows.js';
import { getTableCounts } from '../store/queries/getTableCounts.js';
import { snapshot, testStore } from '../../test/helpers/store.js';
import { loadConfig } from '../config.js';
import { services } from './index.js';

let dir: string;
const open: Store[] = [];
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-backup-')); });
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function pglite(): Promise<Store> {
  const s = await openStore({ dataDir: '', inMemory: true, snapshot: snapshot() });
  open.push(s);
  return s;
}
async function target(): Promise<Store> {
  const s = await testStore();
  open.push(s);
  return s;
}
const svc = (s: Store) => services(s, loadConfig({ dataDir: dir }));

/** A workspace with a value of every column type the schema uses: text, dates, times, JSON, bytes, numbers, booleans, serials. */
async function fill(store: Store): Promise<string> {
  const s = svc(store);
  await s.workspace.updateSettings({ councilName: 'Testshire "County" Council', brandColour: '#123456' });
  const planId = await s.plans.create({
    title: 'Plan with ünïcode — and “quotes”', councilCode: 'E10000018', startDate: '2022-04-01', endDate: '2026-03-31',
    outcomes: [{ title: 'Strong Economy', summary: 'Line one\nline two', themes: [{ title: 'Skills' }, { title: 'Transport' }] }, { title: 'Safe' }],
  });
  await insertRows(store.db, tables.users, [{ id: 'u1', email: 'a@example.org', name: 'Ann', passwordHash: 'x', role: 'admin', services: ['Highways'], outcomeIds: [] }]);
  await insertRows(store.db, tables.indicators, [{ id: 'i1', code: 'ASC1', title: 'Adults', unit: 'percent', decimalPlaces: 1, polarity: 'higher', frequency: 'annual', changeTolerance: 0.5 }]);
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

/** The file's lines without the header (which says when and from which database it was made). */
function content(file: string): string[] {
  return zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').slice(1);
}

describe('backup and restore', () => {
  it('round-trips PGlite → file → the test database → file with identical content', async () => {
    const source = await pglite();
    const planId = await fill(source);
    const a = path.join(dir, 'a.backup.gz');
    const b = path.join(dir, 'b.backup.gz');
    const written = await svc(source).backup.backup(a);
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
    const source = await pglite();
    await fill(source);
    const a = path.join(dir, 'a.backup.gz');
    await svc(source).backup.backup(a);
    const bytes = fs.readFileSync(a);
    const cut = path.join(dir, 'cut.backup.gz');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const dest = await target();
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
    const dest = await target();
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
    const source = await pglite();
    await fill(source);
    const a = path.join(dir, 'a.backup.gz');
    await svc(source).backup.backup(a);
    const lines = zlib.gunzipSync(fs.readFileSync(a)).toString('utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('{"table":"plans"')) + 1;
    lines[at] = '["only one value"]';
    const bad = path.join(dir, 'bad.backup.gz');
    fs.writeFileSync(bad, zlib.gzipSync(lines.join('\n')));
    const dest = await target();
    await expect(svc(dest).backup.restore(bad)).rejects.toThrow(new RegExp(`line ${at + 1} has 1 values where table plans has \\d+ columns`));

    await expect(svc(source).backup.restore(a)).rejects.toThrow(/already holds data \(.*1 plans.*\): restore only into an empty workspace/);
    expect((await getTableCounts(source.db)).plans).toBe(1);
  });
});
