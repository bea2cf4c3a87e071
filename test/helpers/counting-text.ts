// A string that counts how many of its characters were read by index: tests of how far a text scan
// looks (facts, sentences) without timing anything.
export function countingText(text: string): { text: string; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(new String(text), {
    get(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      const v = Reflect.get(target, key);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { text: proxy as unknown as string, reads: () => reads };
}
