// Conversations on submissions: comments on an entry, an indicator value or a commitment, read by its
// submitter and its reviewers, each also written to the audit trail so the record's history holds them.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import { rows } from '../store/db.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { insertComment, listComments, type CommentRow } from '../store/queries/comments.js';
import { authorize, can, type Actor } from './policy.js';

export const COMMENT_SUBJECTS = ['entry', 'value', 'commitment'] as const;
export type CommentSubject = (typeof COMMENT_SUBJECTS)[number];
export const COMMENT_MAX = 2000;

export type { CommentRow } from '../store/queries/comments.js';

export function commentService(store: Store) {
  const { db } = store;

  async function exists(type: CommentSubject, id: string): Promise<boolean> {
    const query = {
      entry: sql`select 1 from entries where id = ${id}`,
      commitment: sql`select 1 from commitments where id = ${id}`,
      value: sql`select 1 from observations where indicator_id || '/' || area_code || '/' || period_key = ${id}`,
    }[type];
    return (await rows(db, query)).length > 0;
  }

  return {
    /** Whether this person may add to a conversation (everyone but viewers). */
    canComment: (actor: Actor) => can(actor, 'entry.create') || can(actor, 'value.enter'),

    async list(actor: Actor, type: CommentSubject, id: string): Promise<CommentRow[]> {
      authorize(actor, 'drafts.read');
      return listComments(db, type, id);
    },

    async add(actor: Actor, input: { subjectType: string; subjectId: string; body: string }): Promise<void> {
      if (!can(actor, 'entry.create') && !can(actor, 'value.enter')) authorize(actor, 'entry.create');
      const type = input.subjectType as CommentSubject;
      if (!(COMMENT_SUBJECTS as readonly string[]).includes(type)) throw new ValidationError('Comments can be made on an entry, an indicator value or a commitment');
      const body = input.body.trim();
      if (!body) throw new ValidationError('The comment is empty', [{ field: 'comment', message: 'Enter a comment' }]);
      if (body.length > COMMENT_MAX) throw new ValidationError('The comment is too long', [{ field: 'comment', message: 'A comment is at most 2,000 characters' }]);
      if (!(await exists(type, input.subjectId))) throw new NotFoundError(type === 'value' ? 'Value' : type === 'entry' ? 'Entry' : 'Commitment', input.subjectId);
      const id = randomUUID();
      await db.transaction(async (tx) => {
        await insertComment(tx, { id, subjectType: type, subjectId: input.subjectId, userId: actor.id, authorName: actor.name, body });
        await appendAuditEvent(tx, { userId: actor.id, action: 'comment', entityType: type, entityId: input.subjectId, after: { comment: body } });
      });
    },
  };
}
