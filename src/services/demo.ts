// The demo workspace: a fictional county council with a plan, delivery, indicators and a peer group,
// loaded in one transaction into an empty workspace so every feature has something to show.
import { randomUUID } from 'node:crypto';
import { ConflictError } from '../errors.js';
import type { Db, Store } from '../store/index.js';
import { tables } from '../store/index.js';
import { lockForTransaction } from '../store/queries/advisoryLock.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { getTableCounts } from '../store/queries/getTableCounts.js';
import { insertRows } from '../store/queries/insertRows.js';
import { listPlans } from '../store/queries/plans.js';
import { loadReferenceAreas } from '../store/queries/loadReferenceAreas.js';
import { getSetting, putSettings } from '../store/queries/settings.js';
import { buildDemoRows, type DemoRows } from './demo/build.js';
import { demoContent } from './demo/content.js';
import type { DemoContent, DemoUserKey } from './demo/schema.js';
import { hashPassword } from './passwords.js';

export interface DemoCredential {
  role: string;
  name: string;
  email: string;
  /** Demo-only: published in docs/demo.md. */
  password: string;
}

export interface DemoSummary {
  /** False when the workspace already held the demo and nothing was written. */
  loaded: boolean;
  council: { code: string; name: string };
  plan: { id: string; title: string };
  counts: {
    areas: number; outcomes: number; themes: number; entries: number; publishedEntries: number; facts: number;
    commitments: number; indicators: number; targets: number; observations: number; missingObservations: number;
    peers: number; financialFigures: number; reportingDuties: number; users: number;
  };
  group: { name: string; members: number };
  credentials: DemoCredential[];
}

/** Tables that hold a council's own work; any row in one means the workspace is not empty. */
const CONTENT_TABLES = ['users', 'plans', 'entries', 'commitments', 'indicators', 'observations', 'comparator_groups', 'documents', 'financial_figures', 'reporting_duties'];

function summarise(content: DemoContent, rows: DemoRows, loaded: boolean, planId: string): DemoSummary {
  return {
    loaded,
    council: { code: content.council.code, name: content.council.name },
    plan: { id: planId, title: content.plan.title },
    counts: {
      areas: rows.areas.length,
      outcomes: rows.outcomes.length,
      themes: rows.themes.length,
      entries: rows.entries.length,
      publishedEntries: rows.entries.filter((e) => e.workflowState === 'published').length,
      facts: rows.facts.length,
      commitments: rows.commitments.length,
      indicators: rows.indicators.length,
      targets: rows.targets.length,
      observations: rows.observations.length,
      missingObservations: rows.observations.filter((o) => o.value === null).length,
      peers: content.peerCodes.length,
      financialFigures: rows.financialFigures.length,
      reportingDuties: rows.reportingDuties.length,
      users: rows.users.length,
    },
    group: { name: content.group.name, members: rows.groupMembers.length },
    credentials: content.users.map((u) => ({ role: u.role, name: u.name, email: u.email, password: u.password })),
  };
}

export function demoService(store: Store, given?: DemoContent) {
  const { db } = store;
  // Read from demo/ only when the demo is first asked about.
  const demo = () => given ?? demoContent();
  return {
    /** True when the workspace holds the demo (settings say so and the demo plan is there). */
    async isLoaded(): Promise<boolean> {
      return loadedIn(db);
    },

    /**
     * Loads the demo into an empty workspace, all or nothing. Does nothing when the demo is already
     * there; refuses a workspace that holds anything else of a council's own.
     */
    async load(userId: string | null = null): Promise<DemoSummary> {
      const content = demo();
      const existing = async (): Promise<DemoSummary> => {
        // Nothing is written; the rows are built only to report what the demo holds.
        const rows = buildDemoRows(content, { newId: randomUUID, passwordHashes: { admin: '', officer: '', contributor: '', viewer: '' } });
        const plan = (await listPlans(db)).find((p) => p.title === content.plan.title && p.councilCode === content.council.code)!;
        return summarise(content, rows, false, plan.id);
      };
      if (await loadedIn(db)) return existing();

      // Built (and so checked) before anything is written.
      const hashes = Object.fromEntries(
        await Promise.all(content.users.map(async (u) => [u.key, await hashPassword(u.password)] as const)),
      ) as Record<DemoUserKey, string>;
      const rows = buildDemoRows(content, { newId: randomUUID, passwordHashes: hashes });
      const summary = summarise(content, rows, true, rows.plan.id);
      const loaded = await db.transaction(async (tx) => {
        // One load at a time: two servers started together on an empty database wait for each other
        // here, and the second finds the demo there instead of failing on a duplicate.
        await lockForTransaction(tx, DEMO_LOCK);
        if (await loadedIn(tx)) return false;
        const counts = await getTableCounts(tx);
        const busy = CONTENT_TABLES.filter((t) => (counts[t] ?? 0) > 0);
        if (busy.length) {
          const plans = await listPlans(tx);
          const what = plans.length ? `a plan ("${plans[0].title}")` : `data of its own (${busy.join(', ')})`;
          throw new ConflictError(`This workspace already holds ${what}, so the demo was not loaded: the demo only goes into an empty workspace (start one with --data NEW_FOLDER).`);
        }
        // The reference areas are refreshed as well; the demo's invented ones are added to them.
        await loadReferenceAreas(tx, rows.areas);
        await insertRows(tx, tables.users, rows.users);
        await insertRows(tx, tables.plans, [rows.plan]);
        await insertRows(tx, tables.outcomes, rows.outcomes);
        await insertRows(tx, tables.themes, rows.themes);
        await insertRows(tx, tables.entries, rows.entries);
        await insertRows(tx, tables.entryPlaces, rows.entryPlaces);
        await insertRows(tx, tables.facts, rows.facts);
        await insertRows(tx, tables.commitments, rows.commitments);
        await insertRows(tx, tables.commitmentEvidence, rows.commitmentEvidence);
        await insertRows(tx, tables.indicators, rows.indicators);
        await insertRows(tx, tables.targets, rows.targets);
        await insertRows(tx, tables.observations, rows.observations);
        await insertRows(tx, tables.comparatorGroups, [rows.group]);
        await insertRows(tx, tables.comparatorGroupMembers, rows.groupMembers);
        await insertRows(tx, tables.financialFigures, rows.financialFigures);
        await insertRows(tx, tables.reportingDuties, rows.reportingDuties);
        await putSettings(tx, rows.settings);
        await appendAuditEvent(tx, {
          userId, action: 'demo.load', entityType: 'workspace', entityId: rows.plan.id,
          after: { council: summary.council, plan: summary.plan, counts: summary.counts, group: summary.group },
        });
        return true;
      });
      return loaded ? summary : existing();
    },
  };

  /** isLoaded, read through a transaction. */
  async function loadedIn(q: Db): Promise<boolean> {
    const content = demo();
    if ((await getSetting<boolean>(q, 'demo')) !== true) return false;
    return (await listPlans(q)).some((p) => p.title === content.plan.title && p.councilCode === content.council.code);
  }
}

/** The advisory lock key for loading the demo (any fixed number; "demo" in ASCII). */
const DEMO_LOCK = 0x64656d6f;
