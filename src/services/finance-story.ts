// The council's own finance story, entered in the workspace: savings plan, budget gap by year,
// one-off pressures and grants, and the narrative and what-if model the report's financial section shows.
import { randomUUID } from 'node:crypto';
import { BudgetGap, parsePeriod, Pressure, Saving, type FinanceStory } from '../domain/index.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { bumpDataVersion } from '../store/queries/dataVersion.js';
import { deleteFinanceItem, getFinanceStory, insertPressure, insertSaving, putBudgetGap, putNarrative } from '../store/queries/financeStory.js';
import type { PlanService } from './plans.js';
import { financeCandidates, type FinanceCandidate } from '../ingest/finance/candidates.js';
import { parseReport } from '../ingest/report/parse.js';
import { readReport, type ReportFile } from '../ingest/report/read.js';

/** "£1.5m", "2,500,000", "£250k" → pence; undefined when unreadable. */
export function readPounds(text: string): number | undefined {
  const m = /^(-?)£?\s*([\d,]*\.?\d+)\s*(m|million|k|thousand)?$/i.exec(text.trim());
  if (!m || (m[2].includes(',') && !/^\d{1,3}(,\d{3})*(\.\d+)?$/.test(m[2]))) return undefined;
  const scale = /^m/i.test(m[3] ?? '') ? 1e6 : /^(k|t)/i.test(m[3] ?? '') ? 1e3 : 1;
  return Math.round(Number(m[2].replace(/,/g, '')) * scale * 100) * (m[1] ? -1 : 1);
}

function year(text: string): string {
  const p = parsePeriod(text);
  if (!p.ok || p.period.kind !== 'financial-year') throw new ValidationError('Enter a financial year such as 2021/22', [{ field: 'periodKey', message: 'Enter a financial year such as 2021/22' }]);
  return p.period.key;
}

function money(field: string, text: string): number {
  const v = readPounds(text);
  if (v === undefined) throw new ValidationError(`Enter the ${field} in pounds, such as £1.5m or 250000`, [{ field, message: 'Enter the amount in pounds, such as £1.5m or 250000' }]);
  return v;
}

function parsed<T>(schema: { safeParse(x: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new ValidationError('The details are not valid', r.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message })));
  return r.data;
}

export function financeStoryService(store: Store, plans: PlanService) {
  const { db } = store;
  const planOf = async (planId?: string) => (await plans.structure(planId)).plan.id;
  const write = async (userId: string | null, action: string, entityId: string, after: unknown, work: (tx: typeof db) => Promise<void>) => {
    await db.transaction(async (tx) => {
      await work(tx);
      await appendAuditEvent(tx, { userId, action, entityType: 'finance', entityId, after });
      await bumpDataVersion(tx);
    });
  };
  return {
    async get(periodKey: string, planId?: string): Promise<FinanceStory> {
      return getFinanceStory(db, await planOf(planId), periodKey);
    },
    async addSaving(input: { periodKey: string; title: string; target: string; delivered: string; status: string }, userId: string | null = null): Promise<void> {
      const saving = parsed(Saving, { id: randomUUID(), periodKey: year(input.periodKey), title: input.title, targetPence: money('target', input.target), deliveredPence: input.delivered.trim() ? money('delivered', input.delivered) : 0, status: input.status });
      const planId = await planOf();
      await write(userId, 'add-saving', saving.id, saving, (tx) => insertSaving(tx, planId, saving));
    },
    async setGap(input: { periodKey: string; gap: string; note?: string }, userId: string | null = null): Promise<void> {
      const gap = parsed(BudgetGap, { periodKey: year(input.periodKey), gapPence: money('gap', input.gap), note: input.note?.trim() || null });
      const planId = await planOf();
      await write(userId, 'set-budget-gap', gap.periodKey, gap, (tx) => putBudgetGap(tx, planId, gap));
    },
    async addPressure(input: { periodKey: string; title: string; kind: string; amount: string }, userId: string | null = null): Promise<void> {
      const pressure = parsed(Pressure, { id: randomUUID(), periodKey: year(input.periodKey), title: input.title, kind: input.kind, amountPence: money('amount', input.amount) });
      const planId = await planOf();
      await write(userId, 'add-pressure', pressure.id, pressure, (tx) => insertPressure(tx, planId, pressure));
    },
    async setNarrative(periodKey: string, body: string, fundingModel: string | null, userId: string | null = null): Promise<void> {
      const key = year(periodKey);
      if (body.length > 5000) throw new ValidationError('The narrative is too long', [{ field: 'narrative', message: 'keep it under 5,000 characters' }]);
      const planId = await planOf();
      await write(userId, 'set-finance-narrative', key, { body, fundingModel }, (tx) => putNarrative(tx, planId, key, body.trim(), fundingModel || null));
    },
    /** Money facts of a report's financial section, as candidates for the story; nothing is written. */
    async candidates(file: ReportFile): Promise<FinanceCandidate[]> {
      const read = await readReport(file);
      const report = parseReport(read.text, read.markdown, { name: file.name });
      return financeCandidates(report.sections, report.reportYear);
    },
    async remove(kind: 'saving' | 'pressure' | 'gap', id: string, userId: string | null = null): Promise<void> {
      const planId = await planOf();
      await write(userId, `remove-${kind}`, id, null, async (tx) => {
        if (!(await deleteFinanceItem(tx, planId, kind, id))) throw new NotFoundError(kind === 'gap' ? 'Budget gap' : kind === 'saving' ? 'Saving' : 'Pressure', id);
      });
    },
  };
}

export type FinanceStoryService = ReturnType<typeof financeStoryService>;
