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

/** The Chromium kept for this process by keepChromium, per executable, once it has started. */
let keeping = false;
const kept = new Map<string, Promise<Browser>>();

/**
 * From now on, every PDF this process prints without a browser of its own uses one Chromium per
 * executable, started on first use and left running until the process ends (Playwright stops it
 * then). For a process that prints report after report: the test workers (test/helpers/worker-setup.ts
 * turns it on), where starting Chromium for each report cost more than some of the printing.
 */
export function keepChromium(): void {
  keeping = true;
}

async function keptChromium(executablePath: string): Promise<Browser> {
  const running = kept.get(executablePath);
  if (running) {
    const browser = await running.catch(() => undefined);
    if (browser?.isConnected()) return browser;
  }
  const launching = launchChromium(executablePath);
  kept.set(executablePath, launching);
  // A Chromium that failed to start (or is missing) is looked for again next time.
  launching.catch(() => { if (kept.get(executablePath) === launching) kept.delete(executablePath); });
  return launching;
}

/** Runs work with a browser, launching one when none is given and always closing what it launched. */
export async function withBrowser<T>(executablePath: string, given: Browser | undefined, work: (b: Browser) => Promise<T>): Promise<T> {
  if (given) return work(given);
  if (keeping) return work(await keptChromium(executablePath));
  const browser = await launchChromium(executablePath);
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}
