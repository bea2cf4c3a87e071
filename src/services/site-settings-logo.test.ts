// The logo address is an https address or a path on this site, never an address that a browser
// would take to another site (protocol-relative "//host", "/\host", other schemes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manageWorkspace, type ManageWorkspace } from '../../test/helpers/manage.js';
import { ValidationError } from '../errors.js';
import { LOGO_ADDRESS } from './site-settings.js';

let w: ManageWorkspace;
beforeAll(async () => { w = await manageWorkspace(); });
afterAll(async () => { await w.close(); });

const update = (logoUrl: string) => w.s.siteSettings.update(w.users.admin, { councilName: 'Testshire County Council', logoUrl, brandColour: '#005eb8' });

describe('logo address', () => {
  it.each(['//evil.example/x.png', '/\\evil.example/x.png', '///evil.example/x.png', 'http://example.org/x.png', 'javascript:alert(1)',
    'data:image/png;base64,AAAA', 'https://', 'https:///x.png', 'https://a.example/x.png" onerror="x', 'HTTPS//x', ' //evil.example/x.png'])('refuses %j', async (logoUrl) => {
    const err = await update(logoUrl).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).problems).toEqual([expect.objectContaining({ field: 'logoUrl', message: expect.stringContaining('https://') })]);
  });

  it.each(['https://www.example.gov.uk/logo.png', 'https://cdn.example.org:8443/a/b.svg?v=2', '/assets/logo.svg', '/logo.png'])('accepts %j', async (logoUrl) => {
    await update(logoUrl);
    expect((await w.s.workspace.settings()).logoUrl).toBe(logoUrl);
  });

  it('is what the pattern says', () => {
    expect(LOGO_ADDRESS.test('//x')).toBe(false);
    expect(LOGO_ADDRESS.test('/x')).toBe(true);
  });
});
