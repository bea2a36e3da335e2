/**
 * Decides, before a call of "Type.method" does its work, whether it may: it throws to refuse it,
 * returns `{ returns }` for a call that gives that value instead, or undefined to let it run.
 */
export type CallGate = (key: string) => { readonly returns: unknown } | undefined;

/**
 * Counts every call that script code makes on an emulated service, by "Type.method"
 * (e.g. "Range.getValues"), so tests and benchmarks can assert how many spreadsheet calls an
 * operation costs and that the number does not grow with the number of deals. With a gate, every
 * call is also judged where it runs (the Emulator's execution context and manifest scopes).
 */
export class CallCounter {
  private readonly counts = new Map<string, number>();
  private readonly hooks = new Map<string, (() => void)[]>();

  constructor(private readonly gate?: CallGate) {}

  /**
   * Runs `fn` once, just before script code's next call of "Type.method" does its work: how a
   * test makes a teammate's edit land between what an operation read and what it writes.
   */
  beforeNext(key: string, fn: () => void): void {
    const waiting = this.hooks.get(key) ?? [];
    waiting.push(fn);
    this.hooks.set(key, waiting);
  }

  record(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Calls of one "Type.method", or of every method of a type when given just "Type". */
  count(key: string): number {
    if (key.includes('.')) return this.counts.get(key) ?? 0;
    let n = 0;
    for (const [k, v] of this.counts) if (k.startsWith(`${key}.`)) n += v;
    return n;
  }

  /** Total calls, optionally only of the given types (e.g. ["Spreadsheet", "Sheet", "Range"]). */
  total(types?: readonly string[]): number {
    let n = 0;
    for (const [k, v] of this.counts) {
      if (!types || types.includes(k.slice(0, k.indexOf('.')))) n += v;
    }
    return n;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }

  /**
   * Returns a proxy of `target` that records each method call as "typeName.method". A method
   * that returns its own object (builder chaining) returns the proxy, so chained calls count too.
   * Every object the emulator hands to script code goes through here exactly once.
   */
  track<T extends object>(target: T, typeName: string): T {
    const wrappers = new Map<PropertyKey, unknown>();
    const proxy: T = new Proxy(target, {
      get: (obj, prop, receiver) => {
        const value: unknown = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function' || typeof prop === 'symbol' || prop === 'constructor') {
          return value;
        }
        let wrapper = wrappers.get(prop);
        if (!wrapper) {
          const key = `${typeName}.${prop}`;
          wrapper = (...args: unknown[]) => {
            this.record(key);
            this.hooks.get(key)?.shift()?.();
            const instead = this.gate?.(key);
            if (instead) return instead.returns;
            const result: unknown = (value as (...a: unknown[]) => unknown).apply(obj, args);
            return result === obj ? proxy : result;
          };
          wrappers.set(prop, wrapper);
        }
        return wrapper;
      },
    });
    return proxy;
  }
}

/** The spreadsheet service types: the calls that cost round trips in real Apps Script. */
export const SPREADSHEET_TYPES = [
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'Protection',
  'EmbeddedChart',
  'EmbeddedChartBuilder',
] as const;
