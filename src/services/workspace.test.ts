// Opening a workspace: reference areas are reloaded only when the shipped file has changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testStore } from '../../test/helpers/store.js';
import { loadConfig } from '../config.js';
import type { Store } from '../store/index.js';
import { rows } from '../store/db.js';
import { putSettings } from '../store/queries/settings.js';
import { services } from './index.js';
import { REFERENCE_AREAS_KEY } from './workspace.js';

let store: Store;
const name = async () => (await rows<{ name: string }>(store.db, sql`select name from areas where code = 'E10000018'`))[0]?.name;

beforeAll(async () => { store = await testStore(); });
afterAll(async () => { await store.close(); });

describe('workspace.prepare', () => {
  it('leaves the areas alone when the reference file is the one last loaded, and reloads them when it is not', async () => {
    const s = services(store, loadConfig());
    await s.workspace.init();
    await store.db.execute(sql`update areas set name = 'Renamed by hand' where code = 'E10000018'`);
    await s.workspace.prepare();
    expect(await name()).toBe('Renamed by hand');
    await putSettings(store.db, { [REFERENCE_AREAS_KEY]: 'an older file' });
    await s.workspace.prepare();
    expect(await name()).toBe('Leicestershire County Council');
  });

  it('fills in settings that are missing', async () => {
    const s = services(store, loadConfig());
    await store.db.execute(sql`delete from settings where key = 'brandColour'`);
    await s.workspace.prepare();
    expect((await s.workspace.settings()).brandColour).toBe('#1d4f91');
    expect((await rows<{ n: number }>(store.db, sql`select count(*)::int as n from settings where key = 'brandColour'`))[0].n).toBe(1);
  });
});
