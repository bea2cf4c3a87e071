import { describe, expect, it } from 'vitest';
import { findColumn, parseCsvTable } from './table-file.js';

describe('parseCsvTable', () => {
  it('gives each row its line, skipping blank lines, with or without quotes', () => {
    const plain = parseCsvTable('\uFEFFa,b\r\n1,2\r\n\r\n3,4\r\n', 'p.csv');
    const quoted = parseCsvTable('a,b\n"1",2\n\n"3, three",4\n', 'q.csv');
    expect(plain).toEqual({ file: 'p.csv', header: ['a', 'b'], rows: [{ line: 2, cells: ['1', '2'] }, { line: 4, cells: ['3', '4'] }] });
    expect(quoted.rows).toEqual([{ line: 2, cells: ['1', '2'] }, { line: 4, cells: ['3, three', '4'] }]);
  });
  it('refuses an empty file and a broken quote, saying where', () => {
    expect(() => parseCsvTable('\n\n', 'e.csv')).toThrow('e.csv is empty');
    expect(() => parseCsvTable('a,b\n"1,2\n', 'b.csv')).toThrow('b.csv is not a readable CSV file');
  });
});

describe('findColumn', () => {
  it('matches names ignoring case, spaces, dashes and underscores', () => {
    expect(findColumn(['Financial year', 'Local_Authority-Code'], ['local authority code'])).toBe(1);
    expect(findColumn(['x'], ['y'])).toBe(-1);
  });
});
