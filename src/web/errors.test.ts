import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, MissingToolError, NotFoundError, UserError, ValidationError } from '../errors.js';
import { answerFor, answerParagraphs } from './errors.js';

describe('how the web answers an error', () => {
  it('maps each neutral error to one status, and a fault to none', () => {
    const statuses = [new UserError('x'), new ValidationError('x'), new ForbiddenError(), new NotFoundError('Entry', 'e1'), new ConflictError('x'), new MissingToolError('x')]
      .map((e) => answerFor(e)?.status);
    expect(statuses).toEqual([400, 400, 403, 404, 409, 503]);
    expect(answerFor(new Error('a bug'))).toBeUndefined();
    expect(answerFor('not an error')).toBeUndefined();
  });

  it('writes the message and each problem as a sentence', () => {
    const answer = answerFor(new ValidationError('The query is not valid', [{ field: 'page', message: 'must be a whole number' }]));
    expect(answer && answerParagraphs(answer)).toEqual(['The query is not valid.', 'page: must be a whole number.']);
    const missing = answerFor(new NotFoundError('Outcome', 'parks'));
    expect(missing && answerParagraphs(missing)).toEqual(['Outcome "parks" not found.']);
  });
});
