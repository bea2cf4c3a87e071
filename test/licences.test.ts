// Every production package under a licence other than MIT, ISC, BSD or Apache-2.0 is named in NOTICE.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPermissive, missingFromNotice, productionPackages } from '../scripts/licences.js';

const root = path.resolve(import.meta.dirname, '..');

describe('licences', () => {
  it('NOTICE names every production package whose licence is not MIT, ISC, BSD or Apache-2.0', () => {
    const packages = productionPackages(root);
    expect(packages.find((p) => p.name === '@resvg/resvg-js')?.licence).toBe('MPL-2.0');
    expect(packages.some((p) => p.name === 'eslint')).toBe(false);
    expect(missingFromNotice(packages, fs.readFileSync(path.join(root, 'NOTICE'), 'utf8'))).toEqual([]);
  });

  it('reports a package NOTICE leaves out, and accepts a prefix* pattern only with the licence on the line', () => {
    const resvg = { name: '@resvg/resvg-js-linux-x64-gnu', version: '2.6.2', licence: 'MPL-2.0' };
    const unlicensed = { name: 'big-integer', version: '1.6.52', licence: 'Unlicense' };
    const mit = { name: 'hono', version: '4.0.0', licence: 'MIT' };
    expect(missingFromNotice([resvg, unlicensed, mit], '- @resvg/resvg-js-*: MPL-2.0\n- big-integer: see its README')).toEqual([unlicensed]);
    expect(missingFromNotice([resvg], '- @resvg/resvg-js: MPL-2.0')).toEqual([resvg]);
  });

  it('reads SPDX expressions: any permissive choice under OR, every part under AND', () => {
    expect(isPermissive('(MIT OR GPL-3.0-or-later)')).toBe(true);
    expect(isPermissive('(MIT AND Zlib)')).toBe(false);
    expect(isPermissive('(MIT AND BSD-3-Clause)')).toBe(true);
    expect(isPermissive('MPL-2.0')).toBe(false);
    expect(isPermissive('UNKNOWN')).toBe(false);
  });
});
