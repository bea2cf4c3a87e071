// The values grid: per-cell errors with nothing saved (or the valid ones as drafts when asked), drafts
// and submission together, templates (CSV and XLSX) read back through the same checks, files for
// another period or with other indicators refused, and bulk approval and publication.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { tables } from '../store/index.js';
import { manageWorkspace, type ManageWorkspace } from '../../test/helpers/manage.js';
import { ValidationError } from '../errors.js';
import { readGridCell } from './grid-cells.js';
import { gridTemplate, readTemplate } from './grid-template.js';

let w: ManageWorkspace;
let owned: string;
beforeAll(async () => {
  w = await manageWorkspace();
  // A third indicator the contributor owns directly (not by outcome).
  owned = randomUUID();
  await w.store.db.insert(tables.indicators).values({ id: owned, code: 'OWN1', title: 'Owned indicator', unit: 'count', decimalPlaces: 0, polarity: 'lower', frequency: 'quarterly', ownerId: w.users.contributor.id });
  await w.s.targets.set({ indicator: 'OWN1', area: 'E10000018', period: 'Q1 2024/25', value: 100, tolerance: 5 });
  await w.store.db.insert(tables.observations).values({ indicatorId: owned, areaCode: 'E10000018', periodKey: 'FY2023-24-Q4', value: 120, workflowState: 'published' });
});
afterAll(async () => { await w.close(); });

describe('reading a cell', () => {
  it('takes plain numbers and blanks, and says what to type for separators, percent and pound signs, and text', () => {
    expect(readGridCell(' 42.5 ')).toEqual({ ok: true, value: 42.5 });
    expect(readGridCell('-3')).toEqual({ ok: true, value: -3 });
    expect(readGridCell('')).toEqual({ ok: true, value: null });
    expect(readGridCell('1,234')).toEqual({ ok: false, message: 'Remove the thousands separators from “1,234”: enter 1234' });
    expect(readGridCell('12,345.6')).toMatchObject({ ok: false, message: expect.stringContaining('enter 12345.6') });
    expect(readGridCell('45%')).toMatchObject({ ok: false, message: expect.stringMatching(/^Leave out the percent sign: enter 45/) });
    expect(readGridCell('£12')).toEqual({ ok: false, message: 'Leave out the £ sign: enter 12' });
    expect(readGridCell('n/a')).toMatchObject({ ok: false, message: expect.stringMatching(/^“n\/a” is not a number/) });
  });
});

describe('the grid', () => {
  it('shows a contributor the indicators they enter, with the value before and the target beside each', async () => {
    const g = await w.s.grid.grid(w.users.contributor, 'Q1 2024/25');
    expect(g.period.key).toBe('FY2024-25-Q1');
    expect(g.lines.map((l) => l.code)).toEqual(['IND1', 'OWN1']);
    expect(g.lines[1]).toMatchObject({ previousValue: 120, targetValue: 100, targetTolerance: 5, editable: true, hasValue: false });
    expect((await w.s.grid.grid(w.users.officer, 'Q1 2024/25')).lines.map((l) => l.code)).toEqual(['IND1', 'IND2', 'OWN1']);
    await expect(w.s.grid.grid(w.users.viewer, 'Q1 2024/25')).rejects.toThrow(/does not allow/);
    await expect(w.s.grid.grid(w.users.contributor, 'next quarter')).rejects.toThrow(ValidationError);
  });

  it('saves nothing while any cell is wrong, naming each; or the valid ones as drafts when asked', async () => {
    const cells = [
      { indicatorId: w.indicators[0].id, value: '1,234', commentary: '' },
      { indicatorId: owned, value: '95', commentary: 'Fewer complaints after the new rota' },
    ];
    const err = await w.s.grid.save(w.users.contributor, 'Q1 2024/25', cells, 'submit').catch((e) => e) as ValidationError;
    expect(err.message).toBe('1 cell needs correcting: nothing was saved');
    expect(err.problems).toEqual([{ field: `value-${w.indicators[0].id}`, message: 'IND1: Remove the thousands separators from “1,234”: enter 1234' }]);
    expect((await w.s.grid.grid(w.users.contributor, 'Q1 2024/25')).lines.every((l) => !l.hasValue)).toBe(true);

    const partial = await w.s.grid.save(w.users.contributor, 'Q1 2024/25', cells, 'valid-drafts');
    expect(partial).toMatchObject({ saved: 1, submitted: 0, problems: [{ field: `value-${w.indicators[0].id}` }] });
    const g = await w.s.grid.grid(w.users.contributor, 'Q1 2024/25');
    expect(g.lines.find((l) => l.code === 'OWN1')).toMatchObject({ value: 95, commentary: 'Fewer complaints after the new rota', workflowState: 'draft' });
  });

  it('submits the period’s values together, marks duties done, and then refuses to change a submitted value', async () => {
    await w.s.duties.set(w.users.officer, { subjectType: 'indicator', subjectId: owned, periodKey: 'Q1 2024/25', ownerId: w.users.contributor.id, dueDate: '2024-07-31' });
    const cells = [{ indicatorId: w.indicators[0].id, value: '1234', commentary: '' }, { indicatorId: owned, value: '95', commentary: 'Fewer complaints after the new rota' }];
    expect(await w.s.grid.save(w.users.contributor, 'Q1 2024/25', cells, 'submit')).toEqual({ saved: 2, submitted: 2, problems: [] });
    const g = await w.s.grid.grid(w.users.contributor, 'Q1 2024/25');
    expect(g.lines.map((l) => [l.code, l.workflowState, l.editable])).toEqual([['IND1', 'submitted', false], ['OWN1', 'submitted', false]]);
    expect((await w.s.duties.mine(w.users.contributor)).filter((d) => d.subjectId === owned)).toEqual([]);
    const err = await w.s.grid.save(w.users.contributor, 'Q1 2024/25', [{ indicatorId: owned, value: '96', commentary: '' }], 'draft').catch((e) => e) as ValidationError;
    expect(err.problems[0].message).toMatch(/^OWN1: this value is submitted and cannot be changed here/);
    const history = await w.s.audit.history(w.users.officer, 'value', `${owned}/E10000018/FY2024-25-Q1`);
    expect(history.map((e) => e.action)).toEqual(expect.arrayContaining(['enter', 'submit']));
  });
});

describe('templates', () => {
  it('round-trips a CSV and an XLSX template through the same checks', async () => {
    const g = await w.s.grid.grid(w.users.contributor, 'Q2 2024/25');
    const csv = await gridTemplate(g, 'csv');
    const text = new TextDecoder().decode(csv.content);
    expect(text.split('\r\n')[0]).toBe('Period,Code,Indicator,Unit,Previous value,Target,Value,Commentary');
    expect(text).toContain('FY2024-25-Q2,OWN1,Owned indicator,count,95,,,');
    const filled = text.replace('FY2024-25-Q2,OWN1,Owned indicator,count,95,,,', 'FY2024-25-Q2,OWN1,Owned indicator,count,95,,90,Still falling');
    expect(await readTemplate(g, { name: csv.fileName, content: Buffer.from(filled) })).toEqual([
      { indicatorId: w.indicators[0].id, value: '', commentary: '' }, { indicatorId: owned, value: '90', commentary: 'Still falling' },
    ]);

    const xlsx = await gridTemplate(g, 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.content) as unknown as ArrayBuffer);
    wb.worksheets[0].getCell('G3').value = 88;
    const back = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await readTemplate(g, { name: 'values.xlsx', content: back }))[1]).toEqual({ indicatorId: owned, value: '88', commentary: '' });
  });

  it('refuses a template for another period, and one with indicators outside the grid, with a clear sentence', async () => {
    const g = await w.s.grid.grid(w.users.contributor, 'Q2 2024/25');
    const wrong = 'Period,Code,Value\r\nFY2024-25-Q1,OWN1,5\r\n';
    await expect(readTemplate(g, { name: 'q1.csv', content: Buffer.from(wrong) })).rejects.toThrow(
      'q1.csv is for Q1 2024/25 (row 2), but this grid is for Q2 2024/25: open the grid for Q1 2024/25 to upload it, or download this period’s template');
    const extra = 'Period,Code,Value\r\nFY2024-25-Q2,OWN1,5\r\nFY2024-25-Q2,IND2,7\r\n';
    const err = await readTemplate(g, { name: 'extra.csv', content: Buffer.from(extra) }).catch((e) => e) as ValidationError;
    expect(err.message).toBe('extra.csv has 1 row for indicators outside this grid: nothing was read');
    expect(err.problems).toEqual([{ file: 'extra.csv', line: 3, column: 2, field: 'Code', message: '“IND2” is not an indicator you enter values for in this grid: remove the row, or ask a performance officer to make you its owner' }]);
    await expect(readTemplate(g, { name: 'x.csv', content: Buffer.from('Name,Figure\r\na,1\r\n') })).rejects.toThrow(/has no “Period” or “Code” or “Value” column/);
  });
});

describe('bulk approval and publication', () => {
  it('lists what will change, applies it all at once, and refuses a stale list without changing anything', async () => {
    const list = await w.s.gridBulk.candidates(w.users.officer, 'approve', 'FY2024-25-Q1');
    expect(list.map((c) => [c.code, c.from, c.to])).toEqual([['IND1', 'submitted', 'approved'], ['OWN1', 'submitted', 'approved']]);
    await expect(w.s.gridBulk.candidates(w.users.contributor, 'approve')).rejects.toThrow(/does not allow/);
    const stale = [...list.map((c) => c.id), `${w.indicators[1].id}/E10000018/FY2024-25-Q1`];
    await expect(w.s.gridBulk.apply(w.users.officer, 'approve', stale)).rejects.toThrow(/1 of the chosen values is no longer submitted .*nothing was changed/);
    expect((await w.s.gridBulk.candidates(w.users.officer, 'approve', 'FY2024-25-Q1'))).toHaveLength(2);
    await w.s.gridBulk.apply(w.users.officer, 'approve', list.map((c) => c.id));
    const toPublish = await w.s.gridBulk.candidates(w.users.officer, 'publish', 'FY2024-25-Q1');
    expect(toPublish.map((c) => c.code)).toEqual(['IND1', 'OWN1']);
    await w.s.gridBulk.apply(w.users.officer, 'publish', toPublish.map((c) => c.id));
    const g = await w.s.grid.grid(w.users.officer, 'Q1 2024/25');
    expect(g.lines.filter((l) => l.workflowState === 'published').map((l) => l.code)).toEqual(['IND1', 'OWN1']);
    // The commentary is published with the value (the public indicator page and open data read it here).
    const published = await w.s.site.observations([owned]);
    expect(published.filter((o) => o.periodKey === 'FY2024-25-Q1').map((o) => [o.value, o.commentary])).toEqual([[95, 'Fewer complaints after the new rota']]);
  });
});
