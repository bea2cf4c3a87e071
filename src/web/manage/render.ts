// What every workspace page shares: its navigation by role, rendering with error summaries, the
// confirmation banner after an action, and turning service errors into the right status and page.
import type { Context } from 'hono';
import { isValidationError, type FieldProblem } from '../../errors.js';
import { answerFor } from '../errors.js';
import { can, type Actor } from '../../services/policy.js';
import { keptLinksSentence } from '../../services/links/reattach.js';
import { CSRF_FIELD, type ManageEnv } from '../auth/session.js';
import { renderPage, type NavigationItem } from '../render.js';

export type ManageContext = Context<ManageEnv>;
type Status = 200 | 400 | 403 | 404 | 409 | 413 | 429 | 503;

/** Sections that are not everyday work, reached through one "Administration" item so the bar stays one row. */
export function adminSections(actor: Actor): NavigationItem[] {
  const items: NavigationItem[] = [];
  if (can(actor, 'import.run')) items.push({ href: '/manage/uploads', text: 'Uploads' }, { href: '/manage/imports', text: 'Imports' }, { href: '/manage/links', text: 'Links across years' });
  if (can(actor, 'indicator.manage')) items.push({ href: '/manage/funding', text: 'Funding' });
  if (can(actor, 'audit.read')) items.push({ href: '/manage/audit', text: 'Audit' });
  if (can(actor, 'user.manage')) items.push({ href: '/manage/users', text: 'Users' }, { href: '/manage/outbox', text: 'E-mail' });
  if (can(actor, 'plan.manage')) items.push({ href: '/manage/plan', text: 'Plan' }, { href: '/manage/plans', text: 'Plans across years' }, { href: '/manage/narrative', text: 'Narrative' });
  if (can(actor, 'settings.manage')) items.push({ href: '/manage/settings', text: 'Settings' });
  return items;
}

function navigation(c: ManageContext): NavigationItem[] {
  const actor = c.get('session')?.actor;
  if (!actor) return [{ href: '/', text: 'Public site' }];
  const items: NavigationItem[] = [
    { href: '/manage', text: 'Dashboard' },
    { href: '/manage/entries', text: 'Entries' },
    { href: '/manage/values', text: 'Values' },
    { href: '/manage/indicators', text: 'Indicators' },
    { href: '/manage/commitments', text: 'Commitments' },
    { href: '/manage/calendar', text: 'Calendar' },
  ];
  if (can(actor, 'report.generate') || can(actor, 'report.publish')) items.push({ href: '/manage/reports', text: 'Reports' });
  const admin = adminSections(actor);
  const path = c.req.path.replace(/\/$/, '');
  const within = (href: string) => path === href || path.startsWith(href + '/');
  if (admin.length) items.push({ href: '/manage/admin', text: 'Administration', active: within('/manage/admin') || admin.some((i) => within(i.href)) });
  return items.map((i) => ({ ...i, active: i.active ?? (i.href === '/manage' ? path === '/manage' : within(i.href)) }));
}

/** Messages shown after an action, chosen by a key in the address so no text travels in it. */
export const CONFIRMATIONS: Record<string, string> = {
  'signed-in': 'You are signed in.',
  'signed-out-everywhere': 'You have been signed out on every other device.',
  'entry-created': 'The entry was saved as a draft.',
  'entry-updated': 'Your changes were saved.',
  'entry-deleted': 'The entry was deleted.',
  'fact-saved': 'The figure was saved.',
  'fact-removed': 'The figure was removed.',
  'facts-suggested': 'The figures were found in the text again, and places and partners it names were added.',
  'entry-submit': 'The entry was submitted for approval.',
  'entry-withdraw': 'The submission was withdrawn: the entry is a draft again and you can change it.',
  'entry-approve': 'The entry was approved. It can now be published.',
  'entry-publish': 'The entry was published: it is now on the public site.',
  'entry-return': 'The entry was returned to its author with your comment.',
  'entry-unpublish': 'The entry was taken off the public site and is a draft again.',
  'value-saved': 'The value was saved as a draft.',
  'value-submit': 'The value was submitted for approval.',
  'value-withdraw': 'The submission was withdrawn: the value is a draft again and you can change it.',
  'value-deleted': 'The draft value was deleted.',
  'value-approve': 'The value was approved. It can now be published.',
  'value-publish': 'The value was published: it is now on the public site.',
  'value-return': 'The value was returned with your comment.',
  'value-unpublish': 'The value was taken off the public site and is a draft again.',
  'indicator-created': 'The indicator was added.',
  'indicator-updated': 'The indicator’s definition was saved.',
  'target-saved': 'The target was saved.',
  'target-removed': 'The target was removed. The indicator has no target for that period now.',
  'commitment-updated': 'The commitment’s status was saved. The public site and the next report show it now.',
  'proposal-saved': 'The new status was saved as a draft. Submit it for approval when it is ready; the public site still shows the old one.',
  'proposal-submit': 'The new status was submitted for approval. The public site shows it once a reviewer publishes it.',
  'proposal-withdraw': 'The submission was withdrawn: the proposed status is a draft again and you can change it.',
  'proposal-approve': 'The new status was approved. It can now be published.',
  'proposal-return': 'The proposed status was returned to a draft with your comment.',
  'proposal-publish': 'The new status was published: the public site and the next report show it, with its note.',
  'evidence-linked': 'The entry was linked as evidence. Once published, it shows under the commitment on the public site.',
  'evidence-unlinked': 'The entry is no longer linked as evidence.',
  'link-accepted': 'The link was accepted: both entries are on the scheme’s timeline (a linked commitment lists the later entry as evidence).',
  'link-rejected': 'The link was rejected and will not be suggested again.',
  'duty-saved': 'The reporting duty was saved.',
  'duty-done': 'The reporting duty was marked as done.',
  'duty-deleted': 'The reporting duty was removed.',
  'user-updated': 'The user’s details were saved.',
  'user-deactivated': 'The user was deactivated and signed out everywhere.',
  'user-reactivated': 'The user can sign in again.',
  'password-changed': 'Your password was changed. Other devices were signed out; sign in again here.',
  'plan-saved': 'The plan structure was saved.',
  'plan-current': 'The current plan was changed: the workspace and the public site show it now.',
  'plan-map-confirmed': 'The outcome map was confirmed. What changed between the two plans’ years follows it now.',
  'batch-imported': 'The report was imported as drafts. Review its items, then publish them: nothing is on the public site yet.',
  'batch-decided': 'The item’s review decision was saved.',
  'batch-retitled': 'The item’s title was saved.',
  'batch-moved': 'The item was moved.',
  'batch-merged': 'The two items were merged into one.',
  'batch-split': 'The item was split in two; the second part is untitled, just after it.',
  'batch-fact': 'The fact was corrected.',
  'batch-published': 'The items were published: they are now on the public site.',
  'batch-undone': 'The import was undone: everything it wrote was removed.',
  'settings-saved': 'The settings were saved. The public site shows them now.',
  'report-requested': 'The draft report is being made. This page shows how far it has got; you can leave it and come back.',
  'report-already-queued': 'The same report was already waiting to be made, so it was not asked for twice. This is that one.',
  'report-submitted': 'The report was sent to an administrator for approval.',
  'report-publishing': 'The report is being published. It appears on the public Reports page when its files are made.',
  'grid-saved': 'The values were saved as drafts.',
  'grid-submitted': 'The values were submitted for approval. Reviewers have been told by e-mail.',
  'bulk-approved': 'The values were approved. They can now be published.',
  'bulk-published': 'The values were published: they are now on the public site.',
  'comment-added': 'Your comment was added to the conversation.',
  'notifications-saved': 'Your e-mail choices were saved.',
  'mail-retry': 'The failed messages will be sent again within a minute.',
  'invitation-sent': 'An invitation was sent by e-mail. Its link works once, for 7 days.',
  'password-chosen': 'Your password was saved. Sign in with it now.',
};

export interface FormErrors {
  summary: { text: string; href: string }[];
  field: Record<string, { text: string }>;
}

/** Turns a ValidationError's problems into govuk error summary items and inline messages. */
export function formErrors(problems: FieldProblem[], message?: string): FormErrors {
  const summary: FormErrors['summary'] = [];
  const field: FormErrors['field'] = {};
  for (const p of problems) {
    const name = p.field?.split('.')[0] || '';
    const where = p.line ? `Row ${p.line}${p.column ? `, column ${p.column}` : ''}${p.field ? ` (${p.field})` : ''}: ` : '';
    summary.push({ text: where + p.message, href: name && !p.line ? `#${name}` : '#' });
    if (name && !p.line && !field[name]) field[name] = { text: p.message };
  }
  if (!summary.length && message) summary.push({ text: message, href: '#' });
  return { summary, field };
}

/** The summary without a second message for the same field, in the order the fields' ids appear in the page. */
export function inFieldOrder(summary: FormErrors['summary'], html: string): FormErrors['summary'] {
  const seen = new Set<string>();
  const once = summary.filter((x) => x.href === '#' || (!seen.has(x.href) && seen.add(x.href)));
  const at = (href: string) => {
    const i = href.length > 1 ? html.indexOf(`id="${href.slice(1)}"`) : -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const sorted = once.map((x, i) => ({ x, i, at: at(x.href) })).sort((a, b) => a.at - b.at || a.i - b.i).map((y) => y.x);
  return sorted.length === summary.length && sorted.every((x, i) => x === summary[i]) ? summary : sorted;
}

/** After replacing a report: the confirmation says how many of its accepted links were kept and how many could not be. */
function withLinksKept(c: ManageContext, text: string | null): string | null {
  const [kept, lost] = [c.req.query('linksKept'), c.req.query('linksLost')].map((x) => (x && /^\d{1,6}$/.test(x) ? Number(x) : 0));
  const sentence = text && c.req.query('done') === 'batch-imported' ? keptLinksSentence(kept, lost) : undefined;
  return sentence ? `${text} ${sentence}` : text;
}

export function view(c: ManageContext, template: string, data: Record<string, unknown> = {}, status: Status = 200): Response {
  const session = c.get('session');
  const site = { ...c.get('site'), serviceName: 'Staff workspace', serviceUrl: '/manage', navigation: navigation(c) };
  c.set('site', site);
  const done = c.req.query('done');
  const render = (extra: Record<string, unknown> = {}) => renderPage(c as never, template, {
    ...data,
    me: session?.user ?? null,
    csrf: { name: CSRF_FIELD, value: session?.csrfToken ?? data.signInToken ?? '' },
    confirmation: done ? withLinksKept(c, CONFIRMATIONS[done] ?? null) : null,
    ...extra,
  });
  const html = render();
  const errors = data.errors as FormErrors | undefined;
  if (!errors?.summary.length) return c.html(html, status);
  // One message per field, listed in the order the fields come on the page.
  const ordered = inFieldOrder(errors.summary, html);
  return c.html(ordered === errors.summary ? html : render({ errors: { ...errors, summary: ordered } }), status);
}

/** After a successful POST: back to a page (303, so reloading does not repeat the action), with a confirmation. */
export function done(c: ManageContext, url: string, key: keyof typeof CONFIRMATIONS): Response {
  return c.redirect(`${url}${url.includes('?') ? '&' : '?'}done=${key}`, 303);
}

export function problemPage(c: ManageContext, status: Status, title: string, message: string): Response {
  return view(c, 'manage/problem.njk', { title, message }, status);
}

/**
 * Answers a service error: a form's ValidationError re-renders the form (via `again`), a refused action
 * is 403, a missing record 404, a workflow step from the wrong state 409. Anything else is rethrown.
 */
export async function answerError(c: ManageContext, e: unknown, again?: (errors: FormErrors) => Response | Promise<Response>): Promise<Response> {
  const answer = answerFor(e);
  if (!answer) throw e;
  if (isValidationError(e) && again) return again(formErrors(e.problems, e.message));
  if (answer.status === 400) return problemPage(c, 400, answer.title, [answer.message, ...answer.problems.map((p) => p.message)].join('. ') + '.');
  if (answer.status === 404) return problemPage(c, 404, answer.title, `${answer.message}.`);
  return problemPage(c, answer.status, answer.title, answer.message);
}
