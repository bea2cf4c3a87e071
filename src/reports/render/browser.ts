// One headless Chromium (Debian's, through playwright-core) for printing PDFs.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { RenderToolMissingError } from './errors.js';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync',
];

/** Raised when Chromium is not installed where configured; the message says what to install. */
export class ChromiumMissingError extends RenderToolMissingError {
  constructor(path: string) {
    super(`Chromium was not found at ${path}, so the PDF cannot be made (the HTML report does not need it)`,
      'install it with "apt-get install chromium", or set CHROMIUM_PATH to where it is');
  }
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  if (!fs.existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/** Runs work with a browser, launching one when none is given and always closing what it launched. */
export async function withBrowser<T>(executablePath: string, given: Browser | undefined, work: (b: Browser) => Promise<T>): Promise<T> {
  if (given) return work(given);
  const browser = await launchChromium(executablePath);
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}
