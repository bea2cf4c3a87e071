// Query parameters are parsed at the edge with zod; a failure is one ValidationError naming each parameter.
import type { z } from 'zod';
import { ValidationError } from '../errors.js';

/** The issues of a failed parse as the problems of a ValidationError. */
export const queryProblems = (error: z.ZodError) => error.issues.map((i) => ({ field: i.path.join('.') || 'query', message: i.message }));

/** Parses query parameters with a schema; a failure is a ValidationError naming each parameter. */
export function parseQuery<T extends z.ZodType>(schema: T, query: Record<string, string>): z.infer<T> {
  const r = schema.safeParse(query);
  if (!r.success) throw new ValidationError('The query is not valid', queryProblems(r.error));
  return r.data;
}
