import { describe, expect, it } from 'vitest';
import { CliError, ConflictError, MissingToolError, NotFoundError, UserError, ValidationError } from '../errors.js';
import { describeCliError } from './errors.js';

describe('how the CLI says an error', () => {
  it('prints a user error with its hint and no call for --debug', () => {
    expect(describeCliError(new UserError('Port 3000 is already in use on 127.0.0.1.', 'choose another with --port or PORT'))).toEqual({
      lines: ['compendium: Port 3000 is already in use on 127.0.0.1.', 'hint: choose another with --port or PORT'], exitCode: 1,
    });
  });

  it('lists a validation error\'s problems where they are, at most 50', () => {
    const problems = Array.from({ length: 60 }, (_, i) => ({ file: 'values.csv', line: i + 2, column: 3, message: 'not a number' }));
    const { lines } = describeCliError(new ValidationError('values.csv: 60 problem(s)', problems));
    expect(lines).toHaveLength(51);
    expect(lines[1]).toBe('  values.csv:2:3: not a number');
  });

  it('gives a missing tool\'s hint, and the CLI\'s own exit code', () => {
    expect(describeCliError(new MissingToolError('Chromium was not found', 'apt-get install chromium')).lines.at(-1)).toBe('hint: apt-get install chromium');
    expect(describeCliError(new CliError('stop', undefined, 3)).exitCode).toBe(3);
  });

  it('says a conflict in its one sentence, with nothing about --debug', () => {
    expect(describeCliError(new ConflictError('The batch was already undone: there is nothing left to undo.')).lines).toEqual(['compendium: The batch was already undone: there is nothing left to undo.']);
  });

  it('suggests --debug for anything unexpected, and shows the stack with it', () => {
    expect(describeCliError(new NotFoundError('Indicator', 'X1')).lines).toEqual(['compendium: Indicator "X1" not found', '(run again with --debug for details)']);
    const boom = new Error('boom');
    expect(describeCliError(boom, true).lines).toEqual(['compendium: boom', boom.stack]);
  });
});
