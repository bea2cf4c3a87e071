// The status an embedded workspace's last holder recorded, for `compendium status` to answer without
// starting the database. Imports nothing heavy: the command loads it before deciding to open anything.
import { readSummary } from '../store/workspace-summary.js';
import type { WorkspaceStatus } from './workspace.js';

/** The recorded status of the workspace in dataDir, or null when it must be read from the database. */
export function recordedStatus(dataDir: string): { status: WorkspaceStatus; recordedAt: string } | null {
  const r = readSummary<WorkspaceStatus>(dataDir);
  return r ? { status: r.status, recordedAt: r.writtenAt } : null;
}
