// Indicator definitions: create, edit with audit, import from a table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Store } from '../store/index.js';
import { testStore } from '../../test/helpers/store.js';
import { services } from './index.js';
import { loadConfig } from '../config.js';

// One database for the file; each test uses its own indicator codes.
let store: Store;
let s: ReturnType<typeof services>;
beforeAll(async () => { store = await testStore(); s = services(store, loadConfig()); });
afterAll(async () => { await store.close(); });

describe('indicators', () => {
  it('creates, finds by code in any case, and edits with an audit of before and after', async () => {
    const created = await s.indicators.create({ code: 'PH1', title: 'Smoking prevalence', unit: 'percent', polarity: 'lower' }, null);
    expect(await s.indicators.get('ph1')).toEqual(created);
    const updated = await s.indicators.update('PH1', { title: 'Smoking prevalence in adults', changeTolerance: 0.5 });
    expect(updated).toMatchObject({ title: 'Smoking prevalence in adults', changeTolerance: 0.5, polarity: 'lower' });
    const audit = (await store.db.select().from(tables.auditEvents)).filter((a) => a.entityId === created.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1].before).toMatchObject({ title: 'Smoking prevalence' });
    expect(audit[1].after).toMatchObject({ title: 'Smoking prevalence in adults' });
  });

  it('refuses a duplicate or malformed code', async () => {
    await s.indicators.create({ code: 'A1', title: 'One' });
    await expect(s.indicators.create({ code: 'a1', title: 'Again' })).rejects.toThrow('An indicator with code "a1" already exists');
    await expect(s.indicators.create({ code: 'has space', title: 'Bad' })).rejects.toThrow('The indicator is not valid');
    await expect(s.indicators.get('NOPE')).rejects.toThrow('Indicator "NOPE" not found');
  });

  it('imports definitions, updating those that exist, and reports bad cells with line and column', async () => {
    await s.indicators.create({ code: 'ASC1', title: 'Old title' });
    const good = 'Code,Title,Unit,Decimal places,Polarity,Frequency,Source\nASC1,Carer quality of life,score,1,Higher is better,Annual,ASCOF\nASC2,Delayed transfers,rate per 100000,1,lower,annual,NHS\n';
    expect(await s.indicators.importDefinitions({ name: 'defs.csv', content: good })).toEqual({ created: ['ASC2'], updated: ['ASC1'], unchanged: [] });
    expect(await s.indicators.get('ASC2')).toMatchObject({ unit: 'rate-per-100000', polarity: 'lower', source: 'NHS' });
    const bad = 'Code,Title,Unit,Polarity\nB1,One,furlongs,higher\nB2,,percent,upwards\n';
    await expect(s.indicators.importDefinitions({ name: 'bad.csv', content: bad })).rejects.toMatchObject({
      problems: [
        { file: 'bad.csv', line: 2, column: 3, field: 'Unit', message: expect.stringContaining('"furlongs" is not a unit') },
        { file: 'bad.csv', line: 3, column: 4, field: 'Polarity', message: expect.stringContaining('"upwards" is not a polarity') },
        { file: 'bad.csv', line: 3, column: 2, field: 'Title', message: 'an indicator needs a title' },
      ],
    });
    expect((await s.indicators.list()).map((i) => i.code)).not.toContain('B1');
  });
});

describe('targets', () => {
  it('sets and replaces a target, keeping its id, and lists it', async () => {
    await s.indicators.create({ code: 'T1', title: 'Target test', polarity: 'higher' });
    const first = await s.targets.set({ indicator: 'T1', area: 'E10000018', period: '2023/24', value: 80 });
    const second = await s.targets.set({ indicator: 't1', area: 'E10000018', period: 'FY2023-24', value: 82, tolerance: 2 });
    expect(second.id).toBe(first.id);
    expect(await s.targets.list({ area: 'E10000018' })).toEqual([{ ...second }]);
    await expect(s.targets.set({ indicator: 'T1', area: 'E10000018', period: 'soon', value: 1 })).rejects.toThrow(/is not a period/);
    await expect(s.targets.set({ indicator: 'T1', area: 'X', period: '2023/24', value: 1 })).rejects.toThrow('Area "X" not found');
  });

  it('removes a target, so that RAG reads no target, and keeps its history in the audit trail', async () => {
    await s.indicators.create({ code: 'T2', title: 'Removal test', polarity: 'higher' });
    await s.observations.import({ name: 't2.csv', content: 'period,area,indicator,value\n2023/24,E10000018,T2,75\n2023/24,E10000007,T2,70\n' });
    const set = await s.targets.set({ indicator: 'T2', area: 'E10000018', period: '2023/24', value: 80 });
    const row = async () => (await s.performance.compendium({ area: 'E10000018', period: '2023/24' })).rows.find((r) => r.indicator.code === 'T2')!;
    expect((await row()).rag).toBe('red');
    const removed = await s.targets.remove({ indicator: 't2', area: 'E10000018', period: 'FY2023-24' }, null);
    expect(removed).toMatchObject({ id: set.id, value: 80, indicatorCode: 'T2' });
    expect(await s.targets.list({ indicator: 'T2' })).toEqual([]);
    expect(await row()).toMatchObject({ rag: 'no-target', target: null });
    const trail = (await store.db.select().from(tables.auditEvents)).filter((a) => a.entityType === 'target' && a.entityId === set.id);
    expect(trail.map((a) => a.action)).toEqual(['create', 'delete']);
    expect(trail[1].before).toMatchObject({ value: 80, periodKey: 'FY2023-24' });
    await expect(s.targets.remove({ indicator: 'T2', area: 'E10000018', period: '2023/24' })).rejects.toThrow('Target "T2 E10000018 FY2023-24" not found');
  });
});
