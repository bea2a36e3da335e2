/**
 * Decides, before a call of "Type.method" does its work, whether it may: it throws to refuse it,
 * returns `{ returns }` for a call that gives that value instead, or undefined to let it run.
 */
export type CallGate = (key: string) => { readonly returns: unknown } | undefined;

/** One call in the order script code made it, for a cost model that needs the sequence. */
export interface CallRecord {
  readonly key: string;
  /** The sheet (its id) a Sheet or Range call works on; undefined for every other call. */
  readonly sheet: number | undefined;
  readonly cellsRead: number;
  readonly cellsWritten: number;
  /** Milliseconds spent inside the emulator's own code for this call. */
  readonly ms: number;
}

/**
 * Counts every call that script code makes on an emulated service, by "Type.method"
 * (e.g. "Range.getValues"), so tests and benchmarks can assert how many spreadsheet calls an
 * operation costs and that the number does not grow with the number of deals. With a gate, every
 * call is also judged where it runs (the Emulator's execution context and manifest scopes).
 */
export class CallCounter {
  private readonly counts = new Map<string, number>();
  private readonly hooks = new Map<string, (() => void)[]>();
  private readonly moved = { read: 0, written: 0 };
  private log: CallRecord[] | undefined;
  /** Nesting of tracked calls: only the outermost is logged, so no time is counted twice. */
  private depth = 0;

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

  /** Cells moved by Sheet and Range calls since the last reset (see cellsMoved). */
  cells(): { readonly read: number; readonly written: number } {
    return { ...this.moved };
  }

  /**
   * Starts recording every call in order, with its sheet, its cells and the emulator's time, into
   * the array returned (until stopLog). Off by default: tests need counts, not a sequence.
   */
  startLog(): CallRecord[] {
    this.log = [];
    return this.log;
  }

  stopLog(): void {
    this.log = undefined;
  }

  reset(): void {
    this.counts.clear();
    this.moved.read = 0;
    this.moved.written = 0;
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
            const start = this.log && this.depth === 0 ? performance.now() : 0;
            this.depth++;
            let result: unknown;
            try {
              result = (value as (...a: unknown[]) => unknown).apply(obj, args);
            } finally {
              this.depth--;
            }
            const [read, written] = cellsMoved(typeName, prop, args, result, obj);
            this.moved.read += read;
            this.moved.written += written;
            if (this.log && this.depth === 0) {
              this.log.push({
                key,
                sheet: sheetIdOf(typeName, obj),
                cellsRead: read,
                cellsWritten: written,
                ms: performance.now() - start,
              });
            }
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

/** Getters of one cell's content or format: each moves one cell. */
const ONE_CELL_READS = new Set([
  'getValue',
  'getDisplayValue',
  'getFormula',
  'getNote',
  'getBackground',
  'getNumberFormat',
  'getFontWeight',
  'getFontColor',
  'getFontStyle',
  'getFontSize',
  'getFontFamily',
  'getFontLine',
  'getHorizontalAlignment',
  'getVerticalAlignment',
  'getWrap',
  'getDataValidation',
]);

/** Setters that carry one value, whatever the size of the range they apply it to. */
const ONE_VALUE_WRITES =
  /^set(Value|Formula|Note|Background|NumberFormat|Font\w+|HorizontalAlignment|VerticalAlignment|Wrap|DataValidation)$/;

function isGrid(x: unknown): x is unknown[][] {
  return Array.isArray(x) && x.every((line) => Array.isArray(line));
}

function gridCells(grid: unknown[][]): number {
  let n = 0;
  for (const line of grid) n += line.length;
  return n;
}

/**
 * The cells a Sheet or Range call moves between the script and the spreadsheet, [read, written]:
 * the size of the grid it returns (getValues, getNotes, getBackgrounds…) or is given (setValues,
 * setNotes, setBackgrounds…), one for a one-cell getter, the row for appendRow, and one for a
 * setter given one value (setValue, setBackground, setNumberFormat…): that value travels once
 * however large the range it fills. A RangeList setter moves one cell for each of its ranges.
 */
function cellsMoved(
  typeName: string,
  method: string,
  args: unknown[],
  result: unknown,
  target: object,
): [number, number] {
  // A RangeList setter carries its one value and every range's place: one cell a range.
  if (typeName === 'RangeList') {
    const boxes = (target as { boxes?: unknown }).boxes;
    const carries = ONE_VALUE_WRITES.test(method) || method.startsWith('clear');
    return carries && Array.isArray(boxes) ? [0, boxes.length] : [0, 0];
  }
  if (typeName !== 'Range' && typeName !== 'Sheet') return [0, 0];
  if (isGrid(result) && result.length > 0) return [gridCells(result), 0];
  if (ONE_CELL_READS.has(method)) return [1, 0];
  const given = args[0];
  if (method === 'appendRow' && Array.isArray(given)) return [0, given.length];
  if (method.startsWith('set') && isGrid(given)) return [0, gridCells(given)];
  if (ONE_VALUE_WRITES.test(method)) return [0, 1];
  return [0, 0];
}

/** The id of the sheet a Sheet or Range works on: both keep their sheet's model as `model`. */
function sheetIdOf(typeName: string, target: object): number | undefined {
  if (typeName !== 'Range' && typeName !== 'Sheet' && typeName !== 'RangeList') return undefined;
  const id = (target as { model?: { id?: unknown } }).model?.id;
  return typeof id === 'number' ? id : undefined;
}
