import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manageWorkspace, type ManageWorkspace } from '../../test/helpers/manage.js';
import { ForbiddenError, ValidationError } from '../errors.js';

let w: ManageWorkspace;
beforeAll(async () => { w = await manageWorkspace(); });
afterAll(async () => { await w.close(); });

describe('plan structure and site settings', () => {
  it('adds, edits, reorders and removes outcomes and themes (admins only)', async () => {
    await expect(w.s.structure.addOutcome(w.users.officer, w.planId, { title: 'No' })).rejects.toThrow(ForbiddenError);
    const id = await w.s.structure.addOutcome(w.users.admin, w.planId, { title: 'Great Communities', summary: 'Again' });
    const themeId = await w.s.structure.addTheme(w.users.admin, id, { title: 'Parks' });
    await w.s.structure.editOutcome(w.users.admin, id, { title: 'Thriving Places', summary: 'New words' });
    await w.s.structure.moveOutcome(w.users.admin, id, 'up');
    let s = await w.s.plans.structure(w.planId);
    expect(s.outcomes.map((o) => [o.title, o.slug])).toEqual([
      ['Great Communities', 'great-communities'], ['Thriving Places', 'great-communities-2'], ['Clean and Green', 'clean-and-green']]);
    expect(s.outcomes[1].themes.map((t) => t.title)).toEqual(['Parks']);
    await w.s.entries.create(w.users.officer, { title: 'Filed', kind: 'update', body: 'x', outcomeId: id, themeId });
    await expect(w.s.structure.remove(w.users.admin, 'theme', themeId)).rejects.toThrow(ValidationError);
    const empty = await w.s.structure.addTheme(w.users.admin, id, { title: 'Empty' });
    await w.s.structure.remove(w.users.admin, 'theme', empty);
    s = await w.s.plans.structure(w.planId);
    expect(s.outcomes[1].themes.map((t) => t.title)).toEqual(['Parks']);
  });

  it('changes the council name, logo and colour, checking each', async () => {
    await w.s.siteSettings.update(w.users.admin, { councilName: 'Testshire County Council', logoUrl: '', brandColour: '#005eb8' });
    expect(await w.s.workspace.settings()).toMatchObject({ councilName: 'Testshire County Council', logoUrl: null, brandColour: '#005eb8' });
    const err = await w.s.siteSettings.update(w.users.admin, { councilName: '', logoUrl: 'javascript:alert(1)', brandColour: 'red' }).catch((e) => e);
    expect((err as ValidationError).problems.map((p) => p.field).sort()).toEqual(['brandColour', 'councilName', 'logoUrl']);
    await expect(w.s.siteSettings.update(w.users.officer, { councilName: 'X', logoUrl: '', brandColour: '#000000' })).rejects.toThrow(ForbiddenError);
  });
});
