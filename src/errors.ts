// Errors that stop one piece of work, in words of no one layer: services, ingest and the renderers
// throw them; the web (src/web/errors.ts) and the CLI (src/cli/errors.ts) each translate them once.
// Each says what went wrong in one sentence a person can act on, and may add a hint.

export interface FieldProblem {
  /** Where: a form field, a column name, or a path such as "outcomes[2].title". */
  field?: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
}

/** Asked for something that cannot be done as asked: bad input, a busy port, a missing plan. */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}

/** Bad input, with every problem found and where it is. */
export class ValidationError extends UserError {
  override readonly name: string = 'ValidationError';
  constructor(message: string, readonly problems: FieldProblem[] = [], hint?: string) {
    super(message, hint);
  }
}

/** A program or font the work needs is not on this machine; the hint says how to install it. */
export class MissingToolError extends Error {
  override readonly name: string = 'MissingToolError';
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(what: string, readonly key?: string) {
    super(key === undefined ? `${what} not found` : `${what} "${key}" not found`);
  }
}

export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
  constructor(message = 'You do not have permission to do that') {
    super(message);
  }
}

/** The thing exists but is in a state where this cannot be done now (a workflow step, a non-empty workspace). */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

/**
 * A problem with how the CLI was asked to do something, with the exit code to end on. Thrown only
 * under src/cli (lint keeps it there); everything else throws UserError.
 */
export class CliError extends UserError {
  override readonly name = 'CliError';
  constructor(message: string, hint?: string, readonly exitCode = 1) {
    super(message, hint);
  }
}

export const isUserError = (e: unknown): e is UserError => e instanceof UserError;
export const isValidationError = (e: unknown): e is ValidationError => e instanceof ValidationError;
export const isMissingToolError = (e: unknown): e is MissingToolError => e instanceof MissingToolError;
export const isNotFoundError = (e: unknown): e is NotFoundError => e instanceof NotFoundError;
export const isForbiddenError = (e: unknown): e is ForbiddenError => e instanceof ForbiddenError;
export const isConflictError = (e: unknown): e is ConflictError => e instanceof ConflictError;
export const isCliError = (e: unknown): e is CliError => e instanceof CliError;

/** Formats a problem's location the way editors understand it: file:line:column (field). */
export function describeProblem(p: FieldProblem): string {
  const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
  const field = p.field ? ` (${p.field})` : '';
  return where ? `${where}${field}: ${p.message}` : `${p.field ? p.field + ': ' : ''}${p.message}`;
}
