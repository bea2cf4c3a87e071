// The workspace as a whole: first-time set-up, settings and what is in it.
import { Settings } from '../domain/index.js';
import type { Store } from '../store/index.js';
import { loadReferenceAreas } from '../store/queries/loadReferenceAreas.js';
import { getAllSettings, putSettings } from '../store/queries/settings.js';
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

export function workspaceService(store: Store) {
  const { db } = store;
  return {
    /** Loads the reference areas and default settings; safe to run again (it refreshes the areas). */
    async init(): Promise<{ areas: number }> {
      const areas = await loadReferenceAreas(db);
      const existing = await getAllSettings(db);
      const missing = Object.fromEntries(Object.entries(DEFAULT_SETTINGS).filter(([k]) => !(k in existing)));
      if (Object.keys(missing).length) await putSettings(db, missing);
      return { areas };
    },

    async settings(): Promise<Settings> {
      return Settings.parse({ ...DEFAULT_SETTINGS, ...(await getAllSettings(db)) });
    },

    async updateSettings(changes: Partial<Settings>): Promise<Settings> {
      const next = Settings.parse({ ...(await this.settings()), ...changes });
      await putSettings(db, next);
      return next;
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
