// Comparator groups: built-in from the reference areas, imported neighbour sets, custom lists.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServices } from '../../test/helpers/store.js';

const NN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data', 'oflog-nearest-neighbours.json');
let s: Awaited<ReturnType<typeof testServices>>;
beforeAll(async () => { s = await testServices(); });
afterAll(async () => { await s.close(); });

describe('built-in groups', () => {
  it('has the English upper-tier councils, leaving out those abolished before the period', async () => {
    const now = await s.groups.resolve('english-upper-tier', null, 'FY2023-24');
    const before = await s.groups.resolve('english-upper-tier', null, 'FY2019-20');
    expect(now.memberCodes).toContain('E10000018');
    expect(now.memberCodes).toContain('E09000001'); // City of London
    expect(now.memberCodes).not.toContain('E10000021'); // Northamptonshire, abolished 2021
    expect(before.memberCodes).toContain('E10000021');
    expect(now.memberCodes.every((c) => /^E(06|08|09|10)/.test(c))).toBe(true);
  });
  it('has county councils, a region and a type', async () => {
    const counties = await s.groups.resolve('english-counties', null, 'FY2023-24');
    expect(counties.memberCodes).toHaveLength(21);
    const em = await s.groups.resolve('region:E12000004', 'E10000018');
    expect(em.label).toBe('Upper-tier councils in East Midlands');
    expect(em.memberCodes).toEqual(expect.arrayContaining(['E10000018', 'E06000016', 'E10000024']));
    expect(em.memberCodes.every((c) => /^E(06|08|09|10)/.test(c))).toBe(true);
    const districts = await s.groups.resolve('type:district', null);
    expect(districts.memberCodes).toContain('E07000129'); // Blaby
  });
  it('says which group it cannot find', async () => {
    await expect(s.groups.resolve('region:E99999999', null)).rejects.toThrow('Comparator group "region:E99999999" not found');
  });
});

describe('nearest-neighbour groups', () => {
  it('refuses a file with unknown codes unless told to leave them out', async () => {
    await expect(s.groups.import(NN, { name: 'neighbours' })).rejects.toThrow(/28 problem\(s\); nothing was imported/);
    expect((await s.groups.list()).some((g) => g.name === 'neighbours')).toBe(false);
  });
  it("stores each council's own group and resolves a council to its own", async () => {
    const r = await s.groups.import(NN, { name: 'neighbours', skipInvalid: true });
    expect(r.groups).toBe(346);
    expect(r.skipped[0]).toEqual({ file: 'oflog-nearest-neighbours.json', field: 'E47000013[1]', message: 'unknown area code "E47000014"' });
    const leics = await s.groups.resolve('neighbours', 'E10000018');
    expect(leics.memberCodes).toHaveLength(16);
    expect(leics.memberCodes).toContain('E10000018');
    expect(leics.label).toBe('Nearest statistical neighbours of Leicestershire');
    // Duplicates in the source list are kept once.
    expect(new Set((await s.groups.resolve('neighbours', 'E07000112')).memberCodes).size).toBe((await s.groups.resolve('neighbours', 'E07000112')).memberCodes.length);
    await expect(s.groups.resolve('neighbours', 'E92000001')).rejects.toThrow(/Comparator group "neighbours" for area "E92000001" not found/);
  });
  it('refuses a file that is not a JSON map', async () => {
    await expect(s.groups.import({ name: 'x.json', content: '[1,2]' }, { name: 'x' })).rejects.toThrow(/must be a JSON object/);
    await expect(s.groups.import({ name: 'x.json', content: '{' }, { name: 'x' })).rejects.toThrow(/x.json is not valid JSON/);
  });
});

describe('custom groups', () => {
  it('stores a list and refuses unknown codes or a built-in name', async () => {
    const g = await s.groups.custom('shire-pair', ['E10000018', 'E10000007', 'E10000018']);
    expect(g.memberCodes).toEqual(['E10000007', 'E10000018']);
    expect((await s.groups.resolve('shire-pair', 'E10000031')).memberCodes).toEqual(['E10000007', 'E10000018']);
    await expect(s.groups.custom('bad', ['E10000018', 'X1'])).rejects.toThrow(/unknown area codes/);
    await expect(s.groups.custom('english-counties', ['E10000018'])).rejects.toThrow(/cannot be a group name/);
    expect((await s.groups.list()).find((g) => g.name === 'shire-pair')).toMatchObject({ kind: 'custom', size: 1 });
  });
});
