import fs from 'node:fs';
import { buildReportModel } from '../src/reports/model/index.js';
import { renderReport } from '../src/reports/render/index.js';
import { fixtureInput } from './fixtures/report-input.js';
const t0 = performance.now();
const files = await renderReport(buildReportModel(fixtureInput({ draft: true })), ['html','pdf','docx','md','csv','json'], { chromiumPath: '/usr/bin/chromium', onProgress: (f, d, t) => console.log(f, d, t) });
for (const f of files) { fs.writeFileSync('/tmp/' + f.fileName, f.bytes); console.log(f.fileName, f.bytes.length); }
console.log(performance.now() - t0);
