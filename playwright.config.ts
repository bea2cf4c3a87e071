// Browser tests in Debian's Chromium: the server is started here on a free port, with a fresh data
// folder and the demo workspace, so `npm run test:e2e` needs nothing running beforehand.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// The config is read by the runner and again by each worker: keep the port and folder chosen once.
process.env.E2E_PORT ??= execFileSync(process.execPath, ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"]).toString();
process.env.E2E_DATA ??= fs.mkdtempSync(path.join(os.tmpdir(), 'compendium-e2e-'));
process.env.E2E_SMTP_PORT ??= execFileSync(process.execPath, ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"]).toString();
const port = Number(process.env.E2E_PORT);

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test/output/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
  },
  webServer: {
    command: `node --import tsx src/cli/main.ts --data ${JSON.stringify(process.env.E2E_DATA)} serve --demo --port ${port}`,
    url: `http://127.0.0.1:${port}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    // E-mail goes to the SMTP server test/e2e/teamwork.spec.ts starts on this port (other specs leave it
    // unanswered: their messages just wait in the outbox); sent every second, reminders every 2 seconds.
    env: {
      COMPENDIUM_SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
      COMPENDIUM_MAIL_EVERY_SECONDS: '1',
      COMPENDIUM_REMINDERS_EVERY_SECONDS: '2',
    },
  },
});
