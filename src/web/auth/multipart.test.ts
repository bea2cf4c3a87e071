import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { multipartBoundary, readMultipart } from './multipart.js';

/** A body as a browser would send it, through Request (so the bytes are exactly what fetch makes). */
async function encoded(form: FormData): Promise<{ bytes: Uint8Array; boundary: string }> {
  const r = new Request('http://x/', { method: 'POST', body: form });
  return { bytes: new Uint8Array(await r.arrayBuffer()), boundary: multipartBoundary(r.headers.get('content-type') ?? '')! };
}

/** The bytes as a stream of chunks of `size` bytes (a delimiter may be cut anywhere), failing after `failAfter` bytes if given. */
function chunked(bytes: Uint8Array, size: number, failAfter?: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(ctl) {
      if (failAfter !== undefined && at >= failAfter) return ctl.error(new Error('the client went away'));
      if (at >= bytes.length) return ctl.close();
      ctl.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'multipart-test-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('streaming multipart reader', () => {
  it('reads fields and files whatever the chunk sizes, files written to disk until discarded', async () => {
    const content = new Uint8Array(20_000).map((_, i) => (i * 7 + (i >> 8)) % 256);
    // Bytes that look like the start of a delimiter inside a file must stay in it.
    content.set(new TextEncoder().encode('\r\n--\r\n-'), 1000);
    const form = new FormData();
    form.append('_csrf', 'tok"en');
    form.append('section', 'Great Communities');
    form.append('section', 'Roads – and “paths”');
    form.append('report', new File([content], 'annual "report" 2024.pdf', { type: 'application/pdf' }));
    const { bytes, boundary } = await encoded(form);
    for (const size of [7, 61, 4096, bytes.length]) {
      const body = await readMultipart(chunked(bytes, size), boundary, { tmpDir: tmp });
      expect(body.fields._csrf).toBe('tok"en');
      expect(body.fields.section).toEqual(['Great Communities', 'Roads – and “paths”']);
      const file = body.fields.report as File;
      expect(file.name).toBe('annual "report" 2024.pdf');
      expect(file.type).toBe('application/pdf');
      expect(file.size).toBe(content.length);
      expect(new Uint8Array(await file.arrayBuffer())).toEqual(content);
      // The file's bytes are on disk in the upload's own folder, and gone once discarded.
      const [folder] = fs.readdirSync(tmp);
      const onDisk = fs.readdirSync(path.join(tmp, folder)).map((f) => fs.statSync(path.join(tmp, folder, f)).size);
      expect(onDisk).toEqual([content.length]);
      await body.discard();
      expect(fs.readdirSync(tmp)).toEqual([]);
    }
  });

  it('reads an empty file input as a browser sends it (filename="") as an empty file', async () => {
    const raw = '--b0\r\nContent-Disposition: form-data; name="report"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--b0\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--b0--\r\n';
    const body = await readMultipart(chunked(new TextEncoder().encode(raw), 5), 'b0', { tmpDir: tmp });
    expect(body.fields.report).toBeInstanceOf(File);
    expect((body.fields.report as File).size).toBe(0);
    expect(body.fields.x).toBe('1');
    await body.discard();
  });

  it('fails when the body stops early or breaks off, leaving nothing on disk', async () => {
    const form = new FormData();
    form.append('report', new File([new Uint8Array(50_000).fill(65)], 'a.txt'));
    const { bytes, boundary } = await encoded(form);
    await expect(readMultipart(chunked(bytes.slice(0, 30_000), 1000), boundary, { tmpDir: tmp })).rejects.toThrow(/could not be read/);
    await expect(readMultipart(chunked(bytes, 1000, 20_000), boundary, { tmpDir: tmp })).rejects.toThrow(/client went away/);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('limits text fields and the number of parts', async () => {
    const big = new FormData();
    big.append('note', 'x'.repeat(5000));
    const a = await encoded(big);
    await expect(readMultipart(chunked(a.bytes, 512), a.boundary, { tmpDir: tmp, textBytes: 4096 })).rejects.toThrow(/could not be read/);
    const many = new FormData();
    for (let i = 0; i < 20; i++) many.append(`f${i}`, 'v');
    const b = await encoded(many);
    await expect(readMultipart(chunked(b.bytes, 512), b.boundary, { tmpDir: tmp, parts: 10 })).rejects.toThrow(/could not be read/);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });
});
