// The public site's identity, changed by admins: council name, logo and brand colour.
import { z } from 'zod';
import { ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { getAllSettings, putSettings } from '../store/queries/settings.js';
import { fieldProblems } from './form-problems.js';
import { authorize, type Actor } from './policy.js';

/**
 * An https address with a host, or a path on this site. "//host/x" and "/\\host/x" are refused:
 * browsers read both as another site's address.
 */
export const LOGO_ADDRESS = /^(?:https:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:\/[^\s"'<>\\]*)?|\/(?![/\\])[^\s"'<>\\]*)$/;

const SiteSettings = z.object({
  councilName: z.string().trim().min(1, 'Enter the council’s name').max(200, 'A name is at most 200 characters'),
  logoUrl: z.string().trim().max(2000).transform((s) => s || null)
    .refine((s) => s === null || LOGO_ADDRESS.test(s), 'Enter a logo address starting with https:// or a single /, or leave it blank'),
  brandColour: z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, 'Enter a colour as # and six hex digits, such as #1d4f91'),
});
export type SiteSettingsInput = z.input<typeof SiteSettings>;

export function siteSettingsService(store: Store) {
  const { db } = store;
  return {
    async update(actor: Actor, input: SiteSettingsInput): Promise<void> {
      authorize(actor, 'settings.manage');
      const r = SiteSettings.safeParse(input);
      if (!r.success) throw new ValidationError('Check the settings', fieldProblems(r.error));
      const all = await getAllSettings(db);
      const before = { councilName: all.councilName, logoUrl: all.logoUrl ?? null, brandColour: all.brandColour };
      await db.transaction(async (tx) => {
        await putSettings(tx, r.data);
        await appendAuditEvent(tx, { userId: actor.id, action: 'update', entityType: 'settings', entityId: 'site', before, after: r.data });
      });
    },
  };
}
