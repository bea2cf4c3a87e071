// Bad input to an import: a scanned PDF, a password-protected PDF, a file over the upload limit.
// Each is refused in one sentence naming the file, and nothing is written: no batch, no document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manageWorkspace, type ManageWorkspace } from '../../test/helpers/manage.js';
import { passwordPdf, scannedPdf, textPdf } from '../../test/helpers/pdf-fixtures.js';
import { tables } from '../store/index.js';
import { readReport } from '../ingest/report/read.js';

let w: ManageWorkspace;
beforeAll(async () => { w = await manageWorkspace({ maxUploadBytes: 64 * 1024 }); });
afterAll(async () => { await w.close(); });

const nothingWritten = async () => {
  expect(await w.store.db.select().from(tables.importBatches)).toEqual([]);
  expect(await w.store.db.select().from(tables.documents)).toEqual([]);
  expect(await w.store.db.select().from(tables.entries)).toEqual([]);
};
const run = (name: string, bytes: Uint8Array) => w.s.imports.run([{ name, bytes }], { planId: w.planId, reportYear: 2024 });

describe('refusing a report that cannot be imported', () => {
  it('reads the same small PDF when it has text and no password (so the refusals below are about the file)', async () => {
    const read = await readReport({ name: 'plain-2024.pdf', bytes: textPdf() });
    expect(read.text).toContain('a new library opened in Melton in 2024.');
    const preview = await w.s.imports.preview([{ name: 'plain-2024.pdf', bytes: textPdf() }], { planId: w.planId, reportYear: 2024 });
    expect(preview.files[0].status).toBe('would import');
  });

  it('a scanned PDF: it has no text layer, and OCR is not done', async () => {
    await expect(run('scan-2024.pdf', scannedPdf())).rejects.toThrow(/^scan-2024\.pdf: the PDF has no text layer \(it looks like a scanned document\); OCR is not done, so import a copy with selectable text or the original document$/);
    await nothingWritten();
  });

  it('a password-protected PDF', async () => {
    await expect(run('locked-2024.pdf', passwordPdf())).rejects.toThrow(/^locked-2024\.pdf: the PDF is protected by a password, so it cannot be read: save a copy without the password and import that$/);
    await nothingWritten();
    // The same sentence when pdftotext is not installed and pdf.js reads the file.
    await expect(readReport({ name: 'locked-2024.pdf', bytes: passwordPdf() }, { pdftotext: false })).rejects.toThrow(/^locked-2024\.pdf: the PDF is protected by a password/);
  });

  it('a document over the upload limit', async () => {
    const big = new Uint8Array(65 * 1024).fill(0x61);
    await expect(run('huge-2024.txt', big)).rejects.toThrow(/^huge-2024\.txt: the file is 0\.1 MB, over the 0\.1 MB limit \(COMPENDIUM_MAX_UPLOAD_MB\)$/);
    await nothingWritten();
  });
});
