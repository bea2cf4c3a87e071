// Staff accounts: created by an admin (or `compendium user add`), given a role and, for contributors,
// the services and outcomes they write for; deactivated rather than deleted so the audit trail keeps its names.
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Role, type User } from '../domain/index.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { deleteUserSessions } from '../store/queries/sessions.js';
import { getUserByEmail, getUserById, insertUser, listUsers, updateUser, type UserRow } from '../store/queries/userAccounts.js';
import { hashPassword, MIN_PASSWORD_LENGTH, passwordProblem, personalPasswordProblem } from './passwords.js';
import { fieldProblems } from './form-problems.js';
import { authorize, type Actor } from './policy.js';

export { MIN_PASSWORD_LENGTH };
const ROLE_MESSAGE = { role: 'Choose a role: admin, performance-officer, contributor or viewer' };
const ONLY_ADMIN = 'This is the only active admin: make someone else an admin first';

export function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, name: row.name, role: Role.parse(row.role), active: row.active, services: row.services ?? [], outcomeIds: row.outcomeIds ?? [] };
}

const NewUserInput = z.object({
  email: z.string().trim().email('Enter an email address like name@council.gov.uk'),
  name: z.string().trim().min(1, 'Enter the person’s name').max(200, 'A name is at most 200 characters'),
  role: Role,
  services: z.array(z.string().trim().min(1)).default([]),
  outcomeIds: z.array(z.string().min(1)).default([]),
  password: z.string().optional().superRefine((pw, ctx) => {
    const problem = pw === undefined ? null : passwordProblem(pw);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
}).superRefine((v, ctx) => {
  // Only reached when every field is otherwise right: the person's own name or email in the password.
  const problem = v.password === undefined || passwordProblem(v.password) ? null : personalPasswordProblem(v.password, [v.email, v.name]);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
});
export type NewUserInput = z.input<typeof NewUserInput>;

const UserChanges = z.object({
  name: z.string().trim().min(1, 'Enter the person’s name').max(200).optional(),
  role: Role.optional(),
  services: z.array(z.string().trim().min(1)).optional(),
  outcomeIds: z.array(z.string().min(1)).optional(),
});
export type UserChanges = z.input<typeof UserChanges>;

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i to misread

/** A readable random password (20 letters and digits, about 99 bits) for accounts created without one. */
export function generatePassword(): string {
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => PASSWORD_ALPHABET[b % PASSWORD_ALPHABET.length]);
  return chars.join('').replace(/(.{5})(?=.)/g, '$1-');
}

/** What the user methods share: the database and finding a user. */
function userServiceContext(store: Store) {
  const { db } = store;

  async function mustGet(id: string): Promise<UserRow> {
    const row = await getUserById(db, id);
    if (!row) throw new NotFoundError('User', id);
    return row;
  }

  async function activeAdmins(): Promise<number> {
    return (await listUsers(db)).filter((u) => u.active && u.role === 'admin').length;
  }

  return { db, mustGet, activeAdmins };
}

type UserServiceContext = ReturnType<typeof userServiceContext>;

/** Listing and reading staff users (administrators only). */
function userReads(context: UserServiceContext) {
  const { db, mustGet } = context;
  return {
    async list(actor: Actor): Promise<User[]> {
      authorize(actor, 'workspace.read');
      return (await listUsers(db)).map(toUser);
    },

    async get(actor: Actor, id: string): Promise<User> {
      authorize(actor, 'workspace.read');
      return toUser(await mustGet(id));
    },
  };
}

/** Creating and changing a staff user. */
function userEdits(context: UserServiceContext) {
  const { db, mustGet, activeAdmins } = context;
  return {
    /** Creates an account; without a password one is generated and returned (shown once, never stored). */
    async create(actor: Actor, input: NewUserInput): Promise<{ user: User; generatedPassword?: string }> {
      authorize(actor, 'user.manage');
      const parsed = NewUserInput.safeParse(input);
      if (!parsed.success) throw new ValidationError('The user is not valid', fieldProblems(parsed.error, ROLE_MESSAGE));
      const v = parsed.data;
      if (await getUserByEmail(db, v.email)) throw new ValidationError('The user is not valid', [{ field: 'email', message: `There is already a user with the email ${v.email}` }]);
      const generatedPassword = v.password ? undefined : generatePassword();
      const id = randomUUID();
      const row = { id, email: v.email, name: v.name, role: v.role, active: true, services: v.services, outcomeIds: v.outcomeIds };
      const passwordHash = await hashPassword(v.password ?? generatedPassword!);
      await db.transaction(async (tx) => {
        await insertUser(tx, { ...row, passwordHash });
        await appendAuditEvent(tx, { userId: actor.id, action: 'create', entityType: 'user', entityId: id, after: row });
      });
      return { user: row, generatedPassword };
    },

    async update(actor: Actor, id: string, changes: UserChanges): Promise<User> {
      authorize(actor, 'user.manage');
      const parsed = UserChanges.safeParse(changes);
      if (!parsed.success) throw new ValidationError('The change is not valid', fieldProblems(parsed.error, ROLE_MESSAGE));
      const before = toUser(await mustGet(id));
      const v = parsed.data;
      if (before.role === 'admin' && v.role && v.role !== 'admin' && before.active && (await activeAdmins()) <= 1) {
        throw new ValidationError(ONLY_ADMIN, [{ field: 'role', message: ONLY_ADMIN }]);
      }
      const after = { ...before, ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) } as User;
      await db.transaction(async (tx) => {
        await updateUser(tx, id, { name: after.name, role: after.role, services: after.services, outcomeIds: after.outcomeIds });
        await appendAuditEvent(tx, { userId: actor.id, action: 'update', entityType: 'user', entityId: id, before, after });
      });
      return after;
    },
  };
}

/** Deactivating a user and setting a password. */
function userAccess(context: UserServiceContext) {
  const { db, mustGet, activeAdmins } = context;
  return {
    /** Deactivating also ends every session the person has. */
    async setActive(actor: Actor, id: string, active: boolean): Promise<User> {
      authorize(actor, 'user.manage');
      const before = toUser(await mustGet(id));
      if (!active && actor.id === id) throw new ValidationError('You cannot deactivate your own account', [{ field: 'active', message: 'You cannot deactivate your own account' }]);
      if (!active && before.role === 'admin' && before.active && (await activeAdmins()) <= 1) {
        throw new ValidationError(ONLY_ADMIN, [{ field: 'active', message: ONLY_ADMIN }]);
      }
      const after = { ...before, active };
      await db.transaction(async (tx) => {
        await updateUser(tx, id, { active });
        if (!active) await deleteUserSessions(tx, id);
        await appendAuditEvent(tx, { userId: actor.id, action: active ? 'reactivate' : 'deactivate', entityType: 'user', entityId: id, before, after });
      });
      return after;
    },

    /** Sets a new password: an admin for anyone, anyone for themselves. Ends the person's other sessions. */
    async setPassword(actor: Actor, id: string, password: string): Promise<void> {
      if (actor.id !== id) authorize(actor, 'user.manage');
      const person = await mustGet(id);
      const problem = passwordProblem(password, [person.email, person.name]);
      if (problem) throw new ValidationError('Choose another password', [{ field: 'password', message: problem }]);
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        await updateUser(tx, id, { passwordHash });
        await deleteUserSessions(tx, id);
        await appendAuditEvent(tx, { userId: actor.id, action: 'set-password', entityType: 'user', entityId: id });
      });
    },
  };
}

export function userService(store: Store) {
  const context = userServiceContext(store);
  return { ...userReads(context), ...userEdits(context), ...userAccess(context) };
}
