// A setup file (vitest.config.ts) for what each test worker shares across its files: one Chromium
// for every report's PDF, kept until the worker ends, instead of one per report
// (src/reports/render/browser.ts); and small shared buffers for every embedded database it opens,
// the workspace folders of the commands run in process included (src/store/index.ts).
import { keepChromium } from '../../src/reports/render/browser.js';
import { embeddedSharedBuffers } from '../../src/store/index.js';
import { TEST_BUFFERS } from './store.js';

keepChromium();
embeddedSharedBuffers(TEST_BUFFERS);
