// Approving or publishing many values at once: first the list of what will change (to confirm), then
// every change in one transaction, so a value moved by someone else in between stops the whole batch.
import { WorkflowState } from '../domain/index.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { Store } from '../store/index.js';
import { appendAuditEvent } from '../store/queries/appendAuditEvent.js';
import { bumpDataVersion } from '../store/queries/dataVersion.js';
import { getSetting } from '../store/queries/settings.js';
import { listValueItems, setObservationState, type ValueListItem } from '../store/queries/valueEntry.js';
import { recomputeDerivedIn } from './finance-data.js';
import type { notificationService } from './notifications.js';
import { authorize, type Actor } from './policy.js';
import { nextState } from './workflow.js';

export const BULK_STEPS = ['approve', 'publish'] as const;
export type BulkStep = (typeof BULK_STEPS)[number];
const FROM: Record<BulkStep, WorkflowState> = { approve: 'submitted', publish: 'approved' };

type Notifications = Pick<ReturnType<typeof notificationService>, 'workflow' | 'base'>;

const idOf = (v: { indicatorId: string; areaCode: string; periodKey: string }) => `${v.indicatorId}/${v.areaCode}/${v.periodKey}`;

export interface BulkChange extends ValueListItem {
  id: string;
  from: string;
  to: string;
}

export function gridBulkService(store: Store, notifications: Notifications) {
  const { db } = store;

  async function candidates(actor: Actor, step: BulkStep, periodKey?: string): Promise<BulkChange[]> {
    if (!(BULK_STEPS as readonly string[]).includes(step)) throw new ValidationError('Choose approve or publish');
    authorize(actor, `value.${step}`);
    const areaCode = (await getSetting<string>(db, 'councilCode')) ?? 'E10000018';
    const list = await listValueItems(db, { areaCode, states: [FROM[step]], limit: 5000 });
    return list.filter((v) => !periodKey || v.periodKey === periodKey)
      .map((v) => ({ ...v, id: idOf(v), from: v.workflowState, to: nextState(WorkflowState.parse(v.workflowState), step, 'value') }))
      .sort((a, b) => a.code.localeCompare(b.code) || a.periodKey.localeCompare(b.periodKey));
  }

  return {
    candidates,

    /** Applies the step to the chosen values (ids as the confirmation listed them), all or none. */
    async apply(actor: Actor, step: BulkStep, ids: string[]): Promise<BulkChange[]> {
      if (!ids.length) throw new ValidationError('Choose at least one value', [{ field: 'ids', message: 'Tick the values to change' }]);
      const open = new Map((await candidates(actor, step)).map((c) => [c.id, c]));
      const missing = ids.filter((id) => !open.has(id));
      if (missing.length) {
        throw new ConflictError(`${missing.length} of the chosen values ${missing.length === 1 ? 'is' : 'are'} no longer ${FROM[step]} (someone else changed ${missing.length === 1 ? 'it' : 'them'}): nothing was changed. Go back and confirm the list again.`);
      }
      const chosen = ids.map((id) => open.get(id)!);
      await db.transaction(async (tx) => {
        for (const v of chosen) {
          await setObservationState(tx, v, v.to, actor.id);
          await appendAuditEvent(tx, { userId: actor.id, action: step, entityType: 'value', entityId: v.id, before: { workflowState: v.from }, after: { workflowState: v.to, bulk: true } });
        }
        if (step === 'publish') {
          await bumpDataVersion(tx);
          await recomputeDerivedIn(tx, actor.id);
        }
      });
      await notifications.workflow({
        kind: step === 'approve' ? 'approved' : 'published', what: 'value', actor,
        items: chosen.map((v) => ({ id: v.id, title: `${v.code}: ${v.title} (${v.periodKey})`, url: `${notifications.base}/manage/values/${encodeURIComponent(v.indicatorId)}/${encodeURIComponent(v.periodKey)}` })),
      });
      return chosen;
    },
  };
}
