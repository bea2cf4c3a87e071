import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { manageWorkspace, type ManageWorkspace } from '../../test/helpers/manage.js';
import { ForbiddenError } from '../errors.js';

let w: ManageWorkspace;
beforeAll(async () => { w = await manageWorkspace(); });
afterAll(async () => { await w.close(); });

describe('audit trail', () => {
  it('is append-only in the database itself', async () => {
    await expect(w.store.db.execute(sql`update audit_events set action = 'tampered'`)).rejects.toThrow();
    await expect(w.store.db.execute(sql`delete from audit_events`)).rejects.toThrow();
    const n = await w.store.db.execute(sql`select count(*)::int as n from audit_events where action = 'tampered'`);
    expect((n as unknown as { rows: { n: number }[] }).rows[0].n).toBe(0);
  });

  it('exports as CSV with who, when, what, the record’s name and its changes in words, defusing spreadsheet formulas', async () => {
    const id = await w.s.entries.create(w.users.officer, { title: '=HYPERLINK("http://evil")', kind: 'update', body: 'x' });
    await w.s.entries.update(w.users.officer, id, { title: 'Plain title', kind: 'update', body: 'x' });
    const csv = await w.s.audit.csv(w.users.officer, { entityType: 'entry' });
    const rows: Record<string, string>[] = parse(csv, { columns: true });
    const mine = rows.filter((r) => r.entity_id === id);
    expect(mine.map((r) => [r.action, r.user_name])).toEqual([['create', 'officer'], ['update', 'officer']]);
    expect(mine[1].changes).toBe('title: =HYPERLINK("http://evil") → Plain title');
    expect(mine[1].record).toBe('Plain title');
    expect(mine[1].what).toBe('Edited');
    expect(csv).not.toContain('{"');
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(new Date(mine[0].at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const none = await w.s.audit.csv(w.users.admin, { from: '2000-01-01', to: '2000-12-31' });
    expect(none.trim().split('\n')).toHaveLength(1);
  });

  it('is exported only by reviewers and admins', async () => {
    await expect(w.s.audit.csv(w.users.contributor)).rejects.toThrow(ForbiddenError);
    await expect(w.s.audit.recent(w.users.viewer)).rejects.toThrow(ForbiddenError);
  });
});
