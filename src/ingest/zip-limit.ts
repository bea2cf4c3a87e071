// Archives (XLSX, DOCX) are zip files whose contents may inflate to far more than their size: a few
// megabytes can hold gigabytes of zeros. Before any reader opens one, its central directory's
// declared sizes are added up, and then every entry is inflated here, counting bytes, so that an
// archive whose declared or real uncompressed size passes the limit is refused at once, in one
// sentence, never after the memory is spent.
import { Inflate } from 'fflate';

/** The most an archive may hold uncompressed: 20 times the upload limit, and at least 200 MB. */
export const archiveLimitFor = (maxUploadBytes: number) => Math.max(200 * 1024 * 1024, maxUploadBytes * 20);

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** The entries listed in a zip file's central directory, or a sentence saying why it cannot be read. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'it is not a complete zip archive (no central directory)';
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return 'its zip directory is damaged';
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const size = view.getUint32(at + 24, true);
    const compressedSize = view.getUint32(at + 20, true);
    if (size === 0xffffffff || compressedSize === 0xffffffff) return 'it is a zip64 archive, larger than any workbook or document needs';
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true), compressedSize, size, offset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Where an entry's data starts: after its local header, whose name and extra lengths may differ from the directory's. */
export function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.offset + 30 > bytes.length || view.getUint32(e.offset, true) !== 0x04034b50) throw new Error(`damaged zip entry ${e.name}`);
  const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
  return bytes.subarray(start, start + e.compressedSize);
}

/**
 * Why an archive may not be opened (one sentence, without the file name), or null when it may: its
 * declared uncompressed size, or what it really inflates to, passes `limit` bytes. Inflates entry by
 * entry and stops as soon as the count passes the limit.
 */
export function archiveProblem(bytes: Uint8Array, limit: number): string | null {
  const entries = zipEntries(bytes);
  if (typeof entries === 'string') return entries;
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limit) return `it would unpack to ${mb(declared)}, over the ${mb(limit)} an archive may hold`;
  let total = 0;
  for (const e of entries) {
    if (e.method === 0) {
      total += e.compressedSize;
    } else if (e.method === 8) {
      let over = false;
      const inflate = new Inflate((chunk) => {
        total += chunk.length;
        if (total > limit) over = true;
      });
      let data: Uint8Array;
      try {
        data = entryData(bytes, e);
      } catch {
        return 'its zip entries are damaged';
      }
      // Fed in slices so that the count is checked while inflating, not after.
      try {
        for (let i = 0; i < data.length && !over; i += 16 * 1024) inflate.push(data.subarray(i, i + 16 * 1024), i + 16 * 1024 >= data.length);
      } catch {
        return `its entry ${e.name} is damaged`;
      }
      if (over) return `it unpacks to more than the ${mb(limit)} an archive may hold`;
    } else {
      return `its entry ${e.name} uses a compression method (${e.method}) that is not supported`;
    }
    if (total > limit) return `it unpacks to more than the ${mb(limit)} an archive may hold`;
  }
  return null;
}
