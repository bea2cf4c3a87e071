// Turns a published file's bytes into text: UTF-8 (with or without a byte-order mark) when the bytes
// are valid UTF-8, otherwise Latin-1 (Windows-1252 in practice), as ONS files saved from Excel often are.

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin = new TextDecoder('windows-1252');

export function decodeText(content: Buffer | Uint8Array | string): DecodedText {
  if (typeof content === 'string') return { text: content.replace(/^\ufeff/, ''), encoding: 'utf-8' };
  try {
    return { text: utf8.decode(content).replace(/^\ufeff/, ''), encoding: 'utf-8' };
  } catch {
    return { text: latin.decode(content), encoding: 'windows-1252' };
  }
}
