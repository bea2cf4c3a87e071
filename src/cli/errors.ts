// How the CLI says an error: one line, the problems found (at most 50), a hint when there is one,
// and the stack only with --debug. The one place the CLI translates the neutral errors.
import { describeProblem, isCliError, isConflictError, isMissingToolError, isUserError, isValidationError } from '../errors.js';

const MAX_PROBLEMS = 50;

/** The lines to print on stderr for `e`, and the exit code to end on. */
export function describeCliError(e: unknown, debug = false): { lines: string[]; exitCode: number } {
  const err = e instanceof Error ? e : new Error(String(e));
  const lines = [`compendium: ${err.message}`];
  if (isValidationError(err)) for (const p of err.problems.slice(0, MAX_PROBLEMS)) lines.push(`  ${describeProblem(p)}`);
  // A conflict (a step the record's state does not allow) says all there is to say: no stack to offer.
  const expected = isUserError(err) || isMissingToolError(err) || isConflictError(err);
  if ((isUserError(err) || isMissingToolError(err)) && err.hint) lines.push(`hint: ${err.hint}`);
  if (debug) lines.push(err.stack ?? '');
  else if (!expected) lines.push('(run again with --debug for details)');
  return { lines, exitCode: isCliError(err) ? err.exitCode : 1 };
}
