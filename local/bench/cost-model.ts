/**
 * What an operation would cost on real Apps Script, estimated from the calls the emulator saw, in
 * the order it saw them (issue 12). Apps Script batches spreadsheet writes and serves reads from a
 * per-execution cache, so the same calls cost very different times depending on what came before:
 * a read that follows a write waits for the pending writes to be committed and then goes to the
 * server. Every cost is a published measurement or Google's own guidance, with a low, a middle and
 * a high value; MODEL_SOURCES says where each comes from.
 */
import type { CallRecord } from '../emulator/calls';

export interface Range3 {
  readonly low: number;
  readonly middle: number;
  readonly high: number;
}

const same = (ms: number): Range3 => ({ low: ms, middle: ms, high: ms });

/** Milliseconds per event, low / middle / high. */
const COSTS = {
  /** The execution's first read of a sheet, or any read after a write. */
  serverRead: { low: 50, middle: 150, high: 300 },
  /** A read served from the execution's cache (same sheet, no write since). */
  cachedRead: { low: 0.3, middle: 1.5, high: 2.5 },
  write: { low: 0.4, middle: 1.2, high: 7 },
  /** Committing the pending writes: at the next read, a flush, or the end of the execution. */
  commit: { low: 30, middle: 100, high: 300 },
  /** getRange, getSheetByName, geometry (getLastRow, getMaxRows…), service getters. */
  navigation: same(1),
  propertiesGet: same(30),
  propertiesSet: same(62),
  cacheGet: same(30),
  cacheSet: same(62),
  lock: same(50),
  email: same(800),
  trigger: same(150),
  /** Calls the model has no measurement for (Session, Ui, toast): priced as navigation. */
  other: same(1),
  cellRead: same(0.01),
  cellWritten: same(0.07),
} as const satisfies Record<string, Range3>;

/** Apps Script's V8 runs the same JavaScript about twice as slowly as Node on a laptop. */
const JS_FACTOR = 2;

/** Where the numbers come from (issue 12 put them together from these). */
const MODEL_SOURCES = [
  'Google, Apps Script "Best practices", Use batch operations: Apps Script caches reads ahead and caches ' +
    'writes; alternating reads and writes is slow; read into an array, work on it, write it out in one call.',
  'Google Apps Script blog, "Optimizing Spreadsheet Operations" (1 June 2010): every read first commits the ' +
    'write cache, so interleaved gets and sets defeat both caches.',
  'tanaikech (tanaikech.github.io, "Benchmark" reports): process costs of getValue / getValues / setValues ' +
    'and of discontinuous ranges, by number of cells and calls.',
  'bugbugnow.net, "GoogleAppsScriptのスプレッドシート処理を高速化する" (2019): 1,000 per-cell getRange().getValue() ' +
    'calls take about 3 s, one getValues a fraction of that; getLastRow() inside the loop takes 160 s.',
  'Luis Peralta, "Google Apps Script APIs performance" (ziritione.org): over 100 runs PropertiesService ' +
    'getProperty averages 30 ms and setProperty 62 ms (CacheService get 3 ms and put 93 ms: the model prices ' +
    'a cache call as a Properties call).',
] as const;

type CallKind =
  | 'read'
  | 'write'
  | 'flush'
  | 'navigation'
  | 'propertiesGet'
  | 'propertiesSet'
  | 'cacheGet'
  | 'cacheSet'
  | 'lock'
  | 'email'
  | 'trigger'
  | 'other'
  | 'local';

/** Objects made and used inside the script (builders, HTML, formatting): no round trip. */
const LOCAL_TYPES = new Set([
  'DataValidationBuilder',
  'DataValidation',
  'EmbeddedChartBuilder',
  'EmbeddedChart',
  'ContainerInfo',
  'ChartOptions',
  'Charts',
  'HtmlService',
  'HtmlOutput',
  'HtmlTemplate',
  'Utilities',
  'Logger',
  'Blob',
  'TriggerBuilder',
  'ClockTriggerBuilder',
  'SpreadsheetTriggerBuilder',
  'User',
]);

const SPREADSHEET_TYPES = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'Protection',
]);

/** Range and Sheet getters of cells' content or formats, and of a sheet's protections and charts. */
const CONTENT_READ =
  /^(get(Values?|DisplayValues?|Formulas?|FormulasR1C1|FormulaR1C1|Notes?|Backgrounds?|NumberFormats?|Font\w+|HorizontalAlignments?|VerticalAlignments?|Wraps?|DataValidations?|RichTextValues?|MergedRanges|SheetValues|Protections|Charts)|isBlank)$/;

const SHEET_WRITE =
  /^(set|clear|insert|delete|append|remove|protect|sort|copy|merge|break|hide|show|autoResize|rename|update|add|activate)/;

/** How the model prices one "Type.method". */
export function kindOf(key: string): CallKind {
  const dot = key.indexOf('.');
  const type = key.slice(0, dot);
  const method = key.slice(dot + 1);
  if (LOCAL_TYPES.has(type))
    return method === 'create' && type.endsWith('TriggerBuilder') ? 'trigger' : 'local';
  if (SPREADSHEET_TYPES.has(type)) {
    if (method === 'flush') return 'flush';
    if (method === 'toast' || method === 'openById' || method === 'openByUrl') return 'other';
    if (method === 'newDataValidation' || method === 'newChart') return 'local';
    if (CONTENT_READ.test(method)) return 'read';
    if (SHEET_WRITE.test(method)) return 'write';
    return 'navigation';
  }
  switch (type) {
    case 'Properties':
      return method.startsWith('get') ? 'propertiesGet' : 'propertiesSet';
    case 'Cache':
      return method.startsWith('get') ? 'cacheGet' : 'cacheSet';
    case 'Lock':
      return method === 'tryLock' || method === 'waitLock' ? 'lock' : 'navigation';
    case 'MailApp':
      return method === 'sendEmail' ? 'email' : 'other';
    case 'ScriptApp':
      if (method === 'getProjectTriggers' || method === 'getUserTriggers' || method === 'deleteTrigger')
        return 'trigger';
      return method === 'newTrigger' ? 'local' : 'other';
    case 'PropertiesService':
    case 'CacheService':
    case 'LockService':
      return 'navigation';
    default:
      return 'other';
  }
}

/** What one execution's calls add up to. */
interface CallTally {
  readonly reads: number;
  readonly writes: number;
  readonly others: number;
  readonly serverReads: number;
  readonly commits: number;
  readonly cellsRead: number;
  readonly cellsWritten: number;
}

export interface Estimate {
  readonly tally: CallTally;
  /** Estimated Apps Script time of the calls and cells, without JavaScript. */
  readonly calls: Range3;
  /** Estimated Apps Script time in all: calls, cells and JavaScript. */
  readonly total: Range3;
}

type Costed = Exclude<CallKind, 'read' | 'write' | 'flush' | 'local'>;

/**
 * The estimate for one execution: `calls` in the order they were made, `nodeMs` the JavaScript
 * time the script itself spent in Node (emulator time excluded). Reads are server reads or
 * cached as described above; writes stay pending until the next read, a flush, or the end.
 */
export function estimate(calls: readonly CallRecord[], nodeMs: number): Estimate {
  let reads = 0;
  let writes = 0;
  let others = 0;
  let serverReads = 0;
  let commits = 0;
  let cellsRead = 0;
  let cellsWritten = 0;
  const counted: Record<Costed, number> = {
    navigation: 0,
    propertiesGet: 0,
    propertiesSet: 0,
    cacheGet: 0,
    cacheSet: 0,
    lock: 0,
    email: 0,
    trigger: 0,
    other: 0,
  };
  let pending = false;
  /** Sheets read since the last write: their next read is served from the cache. */
  const cached = new Set<number | undefined>();
  const commit = () => {
    if (!pending) return;
    commits++;
    pending = false;
  };
  for (const call of calls) {
    cellsRead += call.cellsRead;
    cellsWritten += call.cellsWritten;
    const kind = kindOf(call.key);
    if (kind === 'read') {
      reads++;
      commit();
      if (!cached.has(call.sheet)) {
        serverReads++;
        cached.add(call.sheet);
      }
    } else if (kind === 'write') {
      writes++;
      pending = true;
      cached.clear();
    } else if (kind === 'flush') {
      others++;
      commit();
    } else {
      others++;
      if (kind !== 'local') counted[kind]++;
    }
  }
  commit();

  const tally = { reads, writes, others, serverReads, commits, cellsRead, cellsWritten };
  const at = (level: keyof Range3): number => {
    let ms =
      serverReads * COSTS.serverRead[level] +
      (reads - serverReads) * COSTS.cachedRead[level] +
      writes * COSTS.write[level] +
      commits * COSTS.commit[level] +
      cellsRead * COSTS.cellRead[level] +
      cellsWritten * COSTS.cellWritten[level];
    for (const kind of Object.keys(counted) as Costed[]) ms += counted[kind] * COSTS[kind][level];
    return ms;
  };
  const callsMs = { low: at('low'), middle: at('middle'), high: at('high') };
  const js = nodeMs * JS_FACTOR;
  return {
    tally,
    calls: callsMs,
    total: { low: callsMs.low + js, middle: callsMs.middle + js, high: callsMs.high + js },
  };
}

/** The model in words, for the benchmark's output. */
export function describeModel(): string[] {
  const ms = (r: Range3) => (r.low === r.high ? `${r.middle} ms` : `${r.middle} ms (${r.low}–${r.high})`);
  return [
    `Per call: a read that must go to the server (the execution's first read of a sheet, or any read after a write) ${ms(COSTS.serverRead)}; ` +
      `any other read is cached, ${ms(COSTS.cachedRead)}; a write ${ms(COSTS.write)}, plus ${ms(COSTS.commit)} for each commit of ` +
      `pending writes (at the next read, a flush, or the end); navigation (getRange, getSheetByName, geometry) ${ms(COSTS.navigation)}; ` +
      `Properties or Cache get ${ms(COSTS.propertiesGet)}, set ${ms(COSTS.propertiesSet)}; a lock ${ms(COSTS.lock)}; ` +
      `one email ${ms(COSTS.email)}; a trigger call ${ms(COSTS.trigger)}; Session, Ui and toast ${ms(COSTS.other)}; ` +
      'builders, HtmlService, Utilities and Logger run in the script (0 ms).',
    `Per cell: read ${ms(COSTS.cellRead)}, written ${ms(COSTS.cellWritten)}; a setter given one value for a whole range ` +
      '(setNumberFormat, setBackground…) carries one cell.',
    `JavaScript: ${JS_FACTOR}× the script's own time in Node (the emulator's time inside calls is taken out).`,
    'Sources:',
    ...MODEL_SOURCES.map((source) => `- ${source}`),
  ];
}
