// The API's shapes built from what the site service returns: shared by /api and the open-data JSON.
// Stored enumerations (kind, status, unit …) were checked against the domain's lists when written, so
// they are narrowed here to the types the response schemas declare.
import type { z } from 'zod';
import type { CommitmentStatus, EntryKind, Frequency, Polarity, Unit } from '../domain/index.js';
import { COMMITMENT_LABELS } from '../present/labels.js';
import type { PlanIndicatorRow, PublicCommitmentRow, PublicEntryRow } from '../services/site.js';
import type { ApiCommitment, ApiEntrySummary, ApiIndicator } from './api-schemas.js';

const ref = (slug: string | null, title: string | null) => (slug && title ? { slug, title } : null);

export const entrySummary = (e: PublicEntryRow): z.infer<typeof ApiEntrySummary> => ({
  id: e.id, kind: e.kind as EntryKind, title: e.title, date: e.date, periodKey: e.periodKey, service: e.service, status: e.status,
  outcome: ref(e.outcomeSlug, e.outcomeTitle), theme: ref(e.themeSlug, e.themeTitle), places: e.places, partners: e.partners,
  url: `/entries/${encodeURIComponent(e.id)}`,
});

export const commitmentView = (c: PublicCommitmentRow): z.infer<typeof ApiCommitment> => ({
  id: c.id, text: c.text, dueText: c.dueText, dueStart: c.dueStart, dueEnd: c.dueEnd, status: c.status as CommitmentStatus,
  statusLabel: COMMITMENT_LABELS[c.status as CommitmentStatus] ?? c.status, statusNote: c.statusNote, statusSetOn: c.statusSetOn,
  outcome: ref(c.outcomeSlug, c.outcomeTitle), entryId: c.entryId, evidence: c.evidence,
});

export const indicatorView = (i: PlanIndicatorRow): z.infer<typeof ApiIndicator> => ({
  code: i.code, title: i.title, unit: i.unit as Unit, decimalPlaces: i.decimalPlaces, polarity: i.polarity as Polarity, frequency: i.frequency as Frequency,
  source: i.source, definition: i.definition, outcome: ref(i.outcomeSlug, i.outcomeTitle), theme: i.themeTitle,
  url: `/indicators/${encodeURIComponent(i.code)}`,
});

/** Where a search hit lives on the site. */
export function hitUrl(h: { type: string; id: string; key: string | null; periodKey?: string | null }): string {
  if (h.type === 'entry') return `/entries/${encodeURIComponent(h.id)}`;
  if (h.type === 'indicator') return `/indicators/${encodeURIComponent(h.key ?? '')}`;
  // A commitment is listed with its plan's, as they stood in the year it was made.
  const params = new URLSearchParams([...(h.periodKey ? [['period', h.periodKey]] : []), ...(h.key ? [['outcome', h.key]] : [])]).toString();
  return `/commitments${params ? `?${params}` : ''}`;
}
