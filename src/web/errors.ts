// How the web answers the neutral errors (src/errors.ts): one table from error to status and page
// title, used by the public site's error handler and the workspace's alike.
import { isConflictError, isForbiddenError, isMissingToolError, isNotFoundError, isUserError, isValidationError, type FieldProblem } from '../errors.js';

export interface ErrorAnswer {
  status: 400 | 403 | 404 | 409 | 503;
  title: string;
  message: string;
  problems: FieldProblem[];
}

/** The status and words for an error a person can act on; undefined for a fault (a 500). */
export function answerFor(e: unknown): ErrorAnswer | undefined {
  if (!(e instanceof Error)) return undefined;
  const problems = isValidationError(e) ? e.problems : [];
  if (isUserError(e)) return { status: 400, title: 'There is a problem with the request', message: e.message, problems };
  if (isForbiddenError(e)) return { status: 403, title: 'You cannot do that', message: e.message, problems };
  if (isNotFoundError(e)) return { status: 404, title: 'Page not found', message: e.message, problems };
  if (isConflictError(e)) return { status: 409, title: 'That cannot be done now', message: e.message, problems };
  if (isMissingToolError(e)) return { status: 503, title: 'That cannot be done on this server', message: e.message, problems };
  return undefined;
}

/** The answer's sentences: the message, then each problem with its field. */
export function answerParagraphs(a: ErrorAnswer): string[] {
  const sentence = (t: string) => (/[.!?]$/.test(t) ? t : `${t}.`);
  return [sentence(a.message.replace(/^./, (ch) => ch.toUpperCase())), ...a.problems.map((p) => sentence(`${p.field ? p.field + ': ' : ''}${p.message}`))];
}
