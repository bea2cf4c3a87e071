// zod's issues as the FieldProblems forms show: one per field, named by the field, in the service's words.
import type { z } from 'zod';
import type { FieldProblem } from '../errors.js';

/** `messages` replaces zod's wording for a field (its own messages are for programmers). */
export function fieldProblems(error: z.ZodError | undefined, messages: Record<string, string> = {}): FieldProblem[] {
  return (error?.issues ?? []).map((i) => {
    const field = String(i.path[0] ?? '');
    return { field: field || undefined, message: messages[field] ?? i.message };
  });
}
