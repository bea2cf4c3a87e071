// keepChromium: the test workers print every PDF with one Chromium per worker (test/helpers/worker-setup.ts).
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { ChromiumMissingError, keepChromium, withBrowser } from './browser.js';

describe('a kept Chromium', () => {
  it('is started once and lent to every print after, still running between them', async () => {
    keepChromium(); // as the setup file does; saying it twice changes nothing
    const path = loadConfig().chromiumPath;
    const first = await withBrowser(path, undefined, async (b) => b);
    expect(first.isConnected()).toBe(true);
    const second = await withBrowser(path, undefined, async (b) => {
      const page = await b.newPage();
      await page.setContent('<p>printed</p>');
      const text = await page.textContent('p');
      await page.close();
      return [b, text] as const;
    });
    expect(second).toEqual([first, 'printed']);
    expect(first.isConnected()).toBe(true);
  });

  it('is started again when it has gone, and a missing one is still named', async () => {
    const path = loadConfig().chromiumPath;
    const gone = await withBrowser(path, undefined, async (b) => b);
    await gone.close();
    const next = await withBrowser(path, undefined, async (b) => b);
    expect(next).not.toBe(gone);
    expect(next.isConnected()).toBe(true);
    await expect(withBrowser('/nowhere/chromium', undefined, async (b) => b)).rejects.toBeInstanceOf(ChromiumMissingError);
  });
});
