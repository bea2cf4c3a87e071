// Errors that stop one piece of work. Each says what went wrong in one sentence a person can act on.

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(what: string, readonly key?: string) {
    super(key === undefined ? `${what} not found` : `${what} "${key}" not found`);
  }
}

export interface FieldProblem {
  /** Where: a form field, a column name, or a path such as "outcomes[2].title". */
  field?: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
}

export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(message: string, readonly problems: FieldProblem[] = []) {
    super(message);
  }
}

export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
  constructor(message = 'You do not have permission to do that') {
    super(message);
  }
}

export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

/** A problem with how the CLI was asked to do something; printed as one line plus an optional hint. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(message: string, readonly hint?: string, readonly exitCode = 1) {
    super(message);
  }
}

export const isNotFoundError = (e: unknown): e is NotFoundError => e instanceof NotFoundError;
export const isValidationError = (e: unknown): e is ValidationError => e instanceof ValidationError;
export const isForbiddenError = (e: unknown): e is ForbiddenError => e instanceof ForbiddenError;
export const isConflictError = (e: unknown): e is ConflictError => e instanceof ConflictError;
export const isCliError = (e: unknown): e is CliError => e instanceof CliError;

/** Formats a problem's location the way editors understand it: file:line:column (field). */
export function describeProblem(p: FieldProblem): string {
  const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
  const field = p.field ? ` (${p.field})` : '';
  return where ? `${where}${field}: ${p.message}` : `${p.field ? p.field + ': ' : ''}${p.message}`;
}
