// lazyService: builds the service on the first call, once, and passes calls through unchanged.
import { describe, expect, it } from 'vitest';
import { lazyService } from './lazy.js';

function counter() {
  let builds = 0;
  const load = async () => {
    builds++;
    let total = 0;
    return {
      async add(n: number) { total += n; return total; },
      async fail(): Promise<never> { throw new Error('no luck'); },
    };
  };
  return { load, builds: () => builds };
}

describe('lazyService', () => {
  it('builds nothing until a method is called, then builds once however many calls follow', async () => {
    const c = counter();
    const s = lazyService(c.load);
    const add = s.add;
    expect(c.builds()).toBe(0);
    expect(await Promise.all([s.add(2), s.add(3)])).toEqual([2, 5]);
    expect(await add(5)).toBe(10);
    expect(c.builds()).toBe(1);
  });

  it('passes on the rejection of a method, and of a failed build', async () => {
    await expect(lazyService(counter().load).fail()).rejects.toThrow('no luck');
    const broken = lazyService<{ go: () => Promise<void> }>(() => Promise.reject(new Error('module missing')));
    await expect(broken.go()).rejects.toThrow('module missing');
  });

  it('is not mistaken for a promise, and refuses a member that is not a method', async () => {
    const s = lazyService(counter().load);
    expect(await Promise.resolve(s)).toBe(s);
    await expect((s as unknown as { total: () => Promise<number> }).total()).rejects.toThrow('The service has no method total');
    const withThis = lazyService(async () => ({ base: 40, async get(this: { base: number }) { return this.base + 2; } }) as unknown as { get: () => Promise<number> });
    expect(await withThis.get()).toBe(42);
  });
});
