import { describe, expect, it } from 'vitest';
import { workspaceWarning } from './import-warnings.js';

describe('import warnings in the workspace', () => {
  it('replaces the command line’s --map remedy with the page’s own, and writes proper plurals', () => {
    const warning = '5 section(s) not mapped to an outcome, their entries kept without one: "Context", "Local picture" (use --map "Section=Outcome")';
    expect(workspaceWarning(warning, 'choose an outcome for each in the table below'))
      .toBe('5 sections not mapped to an outcome, their entries kept without one: "Context", "Local picture": choose an outcome for each in the table below');
    expect(workspaceWarning('1 section(s) not mapped to an outcome, their entries kept without one: "Context" (use --map "Section=Outcome")'))
      .toBe('1 section not mapped to an outcome, their entries kept without one: "Context".');
    expect(workspaceWarning('1 place(s) not found among the reference areas, kept by name only: Sussex')).toBe('1 place not found among the reference areas, kept by name only: Sussex');
    expect(workspaceWarning('No headings were found.')).toBe('No headings were found.');
  });
});
