// A multipart/form-data body read as it streams in: each file part is written to a temporary file
// on disk as its bytes arrive (never held whole in memory), and comes back as a File whose content
// is read from that file when asked for; ordinary fields are kept as text, within a small limit.
// The temporary files are removed by the `discard` function returned with the fields.
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ValidationError } from '../../errors.js';

export type MultipartValue = string | File;

export interface MultipartBody {
  /** Each field's value, or its values in order when it was sent more than once. */
  fields: Record<string, MultipartValue | MultipartValue[]>;
  /** Removes the temporary files (call once the request has been answered). */
  discard(): Promise<void>;
}

export interface MultipartLimits {
  /** All text fields together, in bytes (default 1 MB). */
  textBytes?: number;
  /** How many parts at most (default 1,000). */
  parts?: number;
  /** Where the temporary folder is made (default the system's). */
  tmpDir?: string;
}

/** The boundary named in a multipart Content-Type header, or undefined. */
export function multipartBoundary(contentType: string): string | undefined {
  const m = /boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

const refuse = (message: string) => new ValidationError('The form could not be read', [{ field: 'form', message }]);

/** A header parameter (name="x", filename="y.pdf") from a Content-Disposition value. */
function parameter(header: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|;)\\s*${name}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i').exec(header);
  if (!m) return undefined;
  // Browsers write a quote, CR and LF in a name as %22, %0D and %0A (the HTML standard's form encoding).
  const raw = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2].trim();
  return raw.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
}

interface PartHead { name: string; filename?: string; type: string }

function partHead(block: string): PartHead {
  let disposition = '';
  let type = 'application/octet-stream';
  for (const line of block.split('\r\n')) {
    const i = line.indexOf(':');
    if (i < 0) continue;
    const key = line.slice(0, i).trim().toLowerCase();
    const value = line.slice(i + 1).trim();
    if (key === 'content-disposition') disposition = value;
    else if (key === 'content-type') type = value;
  }
  const name = parameter(disposition, 'name');
  if (!/^form-data/i.test(disposition) || name === undefined) throw refuse('a part of it has no form-data name');
  return { name, filename: parameter(disposition, 'filename'), type };
}

/** Writes to a file stream, waiting whenever the stream asks the writer to. */
function writeTo(out: fs.WriteStream, chunk: Uint8Array): Promise<void> | undefined {
  if (out.write(chunk)) return undefined;
  return new Promise((resolve, reject) => {
    const done = () => { out.off('error', failed); resolve(); };
    const failed = (e: Error) => { out.off('drain', done); reject(e); };
    out.once('drain', done);
    out.once('error', failed);
  });
}

const closeStream = (out: fs.WriteStream) => new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));

/** The reader's state between chunks: where it is in the body, the part being read and what it has kept. */
class PartsReader {
  readonly fields: Record<string, MultipartValue | MultipartValue[]> = {};
  private readonly delimiter: Buffer;
  private buf: Buffer = Buffer.from('\r\n');
  private state: 'preamble' | 'after-delimiter' | 'head' | 'body' | 'done' = 'preamble';
  private parts = 0;
  private textBytes = 0;
  private head: PartHead | undefined;
  private text: Buffer[] = [];
  out: fs.WriteStream | undefined;
  private outPath = '';
  private outSize = 0;

  constructor(boundary: string, private readonly dir: string, private readonly textLimit: number, private readonly partLimit: number) {
    // Every delimiter, the first included, is read as CRLF "--" boundary: the body is read as if it began with a CRLF.
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
  }

  get done(): boolean {
    return this.state === 'done';
  }

  private add(name: string, value: MultipartValue): void {
    const had = this.fields[name];
    this.fields[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }

  private async endPart(): Promise<void> {
    const head = this.head;
    if (!head) return;
    if (head.filename !== undefined) {
      await closeStream(this.out!);
      this.out = undefined;
      const blob = this.outSize > 0 ? await fs.openAsBlob(this.outPath) : new Blob([]);
      this.add(head.name, new File([blob], head.filename, { type: head.type }));
    } else {
      this.add(head.name, Buffer.concat(this.text).toString('utf8'));
      this.text = [];
    }
    this.head = undefined;
  }

  private async bodyBytes(chunk: Buffer): Promise<void> {
    if (chunk.length === 0) return;
    if (this.head!.filename !== undefined) {
      this.outSize += chunk.length;
      await writeTo(this.out!, chunk);
    } else {
      this.textBytes += chunk.length;
      if (this.textBytes > this.textLimit) throw refuse(`its text fields are longer than ${this.textLimit} bytes`);
      this.text.push(chunk);
    }
  }

  private startPart(at: number): void {
    if (++this.parts > this.partLimit) throw refuse(`it has more than ${this.partLimit} parts`);
    this.head = partHead(this.buf.subarray(0, at).toString('utf8'));
    if (this.head.filename !== undefined) {
      this.outPath = path.join(this.dir, `part-${this.parts}`);
      this.outSize = 0;
      this.out = fs.createWriteStream(this.outPath);
    }
  }

  /** Takes the next chunk and works through what is buffered, as far as it can. */
  async take(chunk: Uint8Array): Promise<void> {
    if (this.state === 'done') return;
    const value = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.buf = this.buf.length ? Buffer.concat([this.buf, value]) : value;
    while (await this.step());
  }

  /** One step; false when more input is needed. */
  private async step(): Promise<boolean> {
    const buf = this.buf;
    if (this.state === 'preamble' || this.state === 'body') {
      const at = buf.indexOf(this.delimiter);
      if (at < 0) {
        // Keep enough of the end to find a delimiter cut across chunks.
        const safe = Math.max(0, buf.length - this.delimiter.length);
        if (this.state === 'body') await this.bodyBytes(buf.subarray(0, safe));
        this.buf = Buffer.from(buf.subarray(safe));
        return false;
      }
      if (this.state === 'body') {
        await this.bodyBytes(buf.subarray(0, at));
        await this.endPart();
      }
      this.buf = buf.subarray(at + this.delimiter.length);
      this.state = 'after-delimiter';
      return true;
    }
    if (this.state === 'after-delimiter') {
      if (buf.length < 2) return false;
      if (buf[0] === 0x2d && buf[1] === 0x2d) {
        this.state = 'done';
        return false;
      }
      const eol = buf.indexOf('\r\n');
      if (eol < 0) {
        if (buf.length > 256) throw refuse('a boundary line is malformed');
        return false;
      }
      this.buf = buf.subarray(eol + 2);
      this.state = 'head';
      return true;
    }
    if (this.state === 'head') {
      const at = buf.indexOf(HEAD_END);
      if (at < 0) {
        if (buf.length > 16 * 1024) throw refuse('a part’s headers are too long');
        return false;
      }
      this.startPart(at);
      this.buf = buf.subarray(at + HEAD_END.length);
      this.state = 'body';
      return true;
    }
    return false;
  }
}

const HEAD_END = Buffer.from('\r\n\r\n');

/**
 * Reads a multipart body from `stream`. A stream that fails (a body over the size limit, a client
 * gone) fails the read, and what was written is removed.
 */
export async function readMultipart(stream: ReadableStream<Uint8Array>, boundary: string, limits: MultipartLimits = {}): Promise<MultipartBody> {
  const dir = await mkdtemp(path.join(limits.tmpDir ?? os.tmpdir(), 'compendium-upload-'));
  const discard = () => rm(dir, { recursive: true, force: true });
  const reader = new PartsReader(boundary, dir, limits.textBytes ?? 1024 * 1024, limits.parts ?? 1000);
  try {
    const chunks = stream.getReader();
    for (;;) {
      const { done, value } = await chunks.read();
      if (done) break;
      await reader.take(value);
    }
    if (!reader.done) throw refuse('it ended before its last boundary');
    return { fields: reader.fields, discard };
  } catch (e) {
    const open = reader.out;
    if (open) {
      open.on('error', () => undefined);
      await new Promise<void>((resolve) => {
        open.once('close', () => resolve());
        open.destroy();
      });
    }
    await discard();
    throw e;
  }
}
