// The workspace as a whole: first-time set-up, settings and what is in it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Settings } from '../domain/index.js';
import type { Store } from '../store/index.js';
import { loadReferenceAreas, REFERENCE_AREAS_FILE } from '../store/queries/loadReferenceAreas.js';
import { lockForTransaction } from '../store/queries/advisoryLock.js';
import { getAllSettings, putSettings } from '../store/queries/settings.js';
import { getArea } from '../store/queries/getArea.js';
import { ValidationError } from '../errors.js';
import { getSchemaVersion, getTableCounts } from '../store/queries/getTableCounts.js';

export const DEFAULT_SETTINGS: Settings = {
  councilCode: 'E10000018',
  councilName: 'Leicestershire County Council',
  brandColour: '#1d4f91',
  logoUrl: null,
  currentPlanId: null,
  defaultGroup: null,
  demo: false,
};

export interface WorkspaceStatus {
  database: 'pglite' | 'postgres';
  location: string;
  schema: { migrations: number; latest: string | null };
  counts: Record<string, number>;
  settings: Settings;
}

/** The settings key holding the fingerprint of the reference areas file last loaded. */
export const REFERENCE_AREAS_KEY = 'referenceAreasSha256';

function referenceAreasFingerprint(): string {
  return createHash('sha256').update(fs.readFileSync(REFERENCE_AREAS_FILE)).digest('hex');
}

export function workspaceService(store: Store) {
  const { db } = store;
  return {
    /** Loads the reference areas and default settings; safe to run again (it refreshes the areas). */
    async init(): Promise<{ areas: number }> {
      // One at a time across processes on PostgreSQL (servers started together), and all or nothing.
      const fingerprint = referenceAreasFingerprint();
      return db.transaction(async (tx) => {
        await lockForTransaction(tx, INIT_LOCK);
        const areas = await loadReferenceAreas(tx);
        const existing = await getAllSettings(tx);
        const missing = Object.fromEntries(Object.entries(DEFAULT_SETTINGS).filter(([k]) => !(k in existing)));
        await putSettings(tx, { ...missing, [REFERENCE_AREAS_KEY]: fingerprint });
        return { areas };
      });
    },

    /**
     * What every opening of the workspace does: init() when the reference areas file differs from
     * the one last loaded (or settings are missing), and nothing more otherwise, so a command that
     * only reads does not rewrite 450 areas first.
     */
    async prepare(): Promise<void> {
      const existing = await getAllSettings(db);
      const current = existing[REFERENCE_AREAS_KEY] === referenceAreasFingerprint() && Object.keys(DEFAULT_SETTINGS).every((k) => k in existing);
      if (!current) await this.init();
    },

    async settings(): Promise<Settings> {
      return Settings.parse({ ...DEFAULT_SETTINGS, ...(await getAllSettings(db)) });
    },

    async updateSettings(changes: Partial<Settings>): Promise<Settings> {
      const next = Settings.parse({ ...(await this.settings()), ...changes });
      await putSettings(db, next);
      return next;
    },

    /** Makes the workspace a council's: its code and name from the reference areas; one sentence when the code is unknown. */
    async setCouncil(code: string): Promise<{ code: string; name: string }> {
      const area = await getArea(db, code.trim().toUpperCase());
      if (!area || !/^(?:E0[6-9]|E10|W06|S12|N09)/.test(area.code)) {
        throw new ValidationError(`"${code}" is not the GSS code of a council among the reference areas (for example E10000018 for Leicestershire)`, [{ field: 'council', message: 'unknown council' }]);
      }
      await this.updateSettings({ councilCode: area.code, councilName: area.name });
      return { code: area.code, name: area.name };
    },

    async status(): Promise<WorkspaceStatus> {
      return {
        database: store.kind,
        location: store.location,
        schema: await getSchemaVersion(db),
        counts: await getTableCounts(db),
        settings: await this.settings(),
      };
    },

    /** True when nothing but reference data and settings is in the workspace. */
    async isEmpty(): Promise<boolean> {
      const counts = await getTableCounts(db);
      return Object.entries(counts).every(([table, n]) => n === 0 || table === 'areas' || table === 'settings');
    },
  };
}

export type WorkspaceService = ReturnType<typeof workspaceService>;

/** The advisory lock key for setting a workspace up ("init" in ASCII). */
const INIT_LOCK = 0x696e6974;
