// A service built the first time one of its methods is called, so that a command which never uses
// it never loads its module (and that module's libraries: Chromium, docx, charts, spreadsheets).

/** A service whose every member is a method returning a promise, so calls can wait for the module. */
type AsyncService = Record<string, (...args: never[]) => Promise<unknown>>;

/**
 * Stands in for the service load() builds: each method call loads it (once), then calls the real
 * method with the same arguments and `this`. Only members read as methods work through it.
 */
export function lazyService<T extends AsyncService>(load: () => Promise<T>): T {
  let built: Promise<T> | undefined;
  const service = () => (built ??= load());
  const methods = new Map<string | symbol, (...args: unknown[]) => Promise<unknown>>();
  return new Proxy({} as T, {
    get(_target, key) {
      if (typeof key !== 'string' || key === 'then') return undefined;
      let method = methods.get(key);
      if (!method) {
        method = (...args: unknown[]) => service().then((s) => {
          const m = s[key] as unknown;
          if (typeof m !== 'function') throw new TypeError(`The service has no method ${key}`);
          return (m as (...a: unknown[]) => Promise<unknown>).apply(s, args);
        });
        methods.set(key, method);
      }
      return method;
    },
  });
}
