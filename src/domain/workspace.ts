// Who works in a workspace and what it keeps about itself: users and roles, imported documents,
// the audit trail and the workspace's settings.
import { z } from 'zod';

export const ROLES = ['admin', 'performance-officer', 'contributor', 'viewer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const User = z.object({
  id: z.string(),
  email: z.string().email(),
  name: z.string().min(1),
  role: Role,
  active: z.boolean(),
  /** For contributors: the services and outcomes they may write for. */
  services: z.array(z.string()),
  outcomeIds: z.array(z.string()),
});
export type User = z.infer<typeof User>;

export const Document = z.object({
  id: z.string(),
  name: z.string(),
  mediaType: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  importedAt: z.string(),
  importedBy: z.string().nullable(),
  planId: z.string().nullable(),
});
export type Document = z.infer<typeof Document>;

export const AuditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** Workspace settings: the council that owns it and how the public site looks. */
export const Settings = z.object({
  councilCode: z.string(),
  councilName: z.string(),
  brandColour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb'),
  logoUrl: z.string().nullable(),
  currentPlanId: z.string().nullable(),
  defaultGroup: z.string().nullable(),
  /** Whether the workspace's data is invented (the demo). */
  demo: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;
