// Text that remembers, for every character, where it came from in the original document, so that
// clean-up (joined lines, dropped page numbers, normalised quotes) never loses provenance.

export class MappedText {
  /** `map[i]` is the original offset of `text[i]`; `map[text.length]` is the original end. */
  constructor(readonly text: string, readonly map: Int32Array) {
    if (map.length !== text.length + 1) throw new Error(`map length ${map.length} does not fit text length ${text.length}`);
  }

  static original(text: string, base = 0): MappedText {
    const map = new Int32Array(text.length + 1);
    for (let i = 0; i <= text.length; i++) map[i] = base + i;
    return new MappedText(text, map);
  }

  get length(): number {
    return this.text.length;
  }

  slice(start: number, end = this.text.length): MappedText {
    const s = Math.max(0, Math.min(start, this.text.length));
    const e = Math.max(s, Math.min(end, this.text.length));
    const map = new Int32Array(e - s + 1);
    map.set(this.map.subarray(s, e));
    // The end of a slice is just after its last character in the original.
    map[e - s] = e > s ? this.map[e - 1] + 1 : this.map[s];
    return new MappedText(this.text.slice(s, e), map);
  }

  trim(): MappedText {
    const start = this.text.length - this.text.trimStart().length;
    const end = this.text.trimEnd().length;
    return start === 0 && end === this.text.length ? this : this.slice(start, Math.max(start, end));
  }

  /** Original [start, end) of the characters [start, end) of this text. */
  originalRange(start = 0, end = this.text.length): { start: number; end: number } {
    if (end <= start) return { start: this.map[start], end: this.map[start] };
    return { start: this.map[start], end: this.map[end - 1] + 1 };
  }

  /**
   * Replaces every match; the replacement's characters map to the matched characters one to one
   * where lengths agree, otherwise each to the start of the match.
   */
  replace(pattern: RegExp, replacement: string | ((match: RegExpExecArray) => string)): MappedText {
    if (!pattern.global) throw new Error('MappedText.replace needs a global pattern');
    // Matches first, then one text and one map built in a single pass: no object per match, so a
    // text with millions of matches costs time in proportion to its length and little garbage.
    const found: { at: number; length: number; by: string }[] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(this.text); m; m = pattern.exec(this.text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      found.push({ at: m.index, length: m[0].length, by: typeof replacement === 'string' ? replacement : replacement(m) });
    }
    if (found.length === 0) return this;
    const n = this.text.length;
    const total = found.reduce((sum, f) => sum + f.by.length - f.length, n);
    const map = new Int32Array(total + 1);
    const pieces: string[] = [];
    let last = 0;
    let out = 0;
    for (const f of found) {
      pieces.push(this.text.slice(last, f.at), f.by);
      map.set(this.map.subarray(last, f.at), out);
      out += f.at - last;
      // Same length: character for character; otherwise every character stands for the match's start.
      if (f.by.length === f.length) map.set(this.map.subarray(f.at, f.at + f.length), out);
      else map.fill(this.map[f.at], out, out + f.by.length);
      out += f.by.length;
      last = f.at + f.length;
    }
    pieces.push(this.text.slice(last));
    map.set(this.map.subarray(last, n), out);
    map[total] = last < n ? this.map[n - 1] + 1 : this.map[n];
    return new MappedText(pieces.join(''), map);
  }

  /** Characters that stand for a place in the original (a joining space, a replacement). */
  static synthetic(text: string, at: number, endAt = at): MappedText {
    const map = new Int32Array(text.length + 1).fill(at);
    map[text.length] = endAt;
    return new MappedText(text, map);
  }

  static concat(parts: MappedText[]): MappedText {
    const text = parts.map((p) => p.text).join('');
    const map = new Int32Array(text.length + 1);
    let at = 0;
    for (const p of parts) {
      map.set(p.map.subarray(0, p.length), at);
      at += p.length;
    }
    map[text.length] = parts.length ? parts[parts.length - 1].map[parts[parts.length - 1].length] : 0;
    return new MappedText(text, map);
  }
}
