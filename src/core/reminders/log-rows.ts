/**
 * Where a run's rows go in the Reminder Log, and writing over rows already there: a `deferred`
 * row of today becomes the owner's `sending` row, then its `sent` row, so an owner keeps one row
 * a day however many runs the mail quota turns away.
 */
import type { CalendarDay } from '../types';
import { ownerKey } from './digests';
import type { LogField, LogLayout, LogRecord } from './log';
import { logEntry, STATUS } from './log';

/**
 * The sheet row of each record, in order: today's `deferred` row of its owner when there is one,
 * else the next free row below the log (`nextRow`, `nextRow + 1`, …).
 */
export function placeRecords(
  records: readonly LogRecord[],
  deferredToday: ReadonlyMap<string, number>,
  nextRow: number,
): number[] {
  let next = nextRow;
  return records.map((record) => deferredToday.get(ownerKey(record.owner)) ?? next++);
}

/**
 * Whether a row read back is still `key`'s `sending` claim of `today`: between claiming and
 * recording, someone may have sorted the log or deleted rows.
 */
export function isClaimRow(
  cells: readonly unknown[],
  layout: LogLayout,
  key: string,
  today: CalendarDay,
  timeZone: string,
): boolean {
  const entry = logEntry(cells, 0, layout, timeZone);
  return entry?.key === key && entry.status === STATUS.sending && entry.day === today;
}

/** New text for some fields of one log row. */
type LogChange = Partial<Record<LogField, string>>;

/** Values to write at a 1-based sheet row and column. */
export interface LogBlock {
  readonly row: number;
  readonly column: number;
  readonly values: unknown[][];
}

/**
 * The writes that put `changes` (sheet row → new text) over log rows read moments ago, under the
 * same lock (`values[0]` is sheet row `firstRow`): one block per run of adjacent columns among
 * the fields that change, from the first changed row to the last, the rows between written back
 * as read. So the calls stay the same for one owner or five hundred. Empty when nothing changes.
 */
export function rewriteBlocks(
  values: readonly (readonly unknown[])[],
  firstRow: number,
  layout: LogLayout,
  changes: ReadonlyMap<number, LogChange>,
): LogBlock[] {
  const { columns } = layout;
  const read = (row: number, column: number): unknown => values[row - firstRow]?.[column] ?? '';
  const entriesOf = (change: LogChange) => Object.entries(change) as [LogField, string][];
  const changed = new Map(
    [...changes].filter(([row, change]) =>
      entriesOf(change).some(([field, text]) => String(read(row, columns[field])) !== text),
    ),
  );
  const rows = [...changed.keys()];
  const top = Math.min(...rows);
  const bottom = Math.max(...rows);
  const fieldAt = new Map<number, LogField>();
  for (const change of changed.values()) {
    for (const [field] of entriesOf(change)) fieldAt.set(columns[field], field);
  }
  const runs: number[][] = [];
  for (const column of [...fieldAt.keys()].sort((a, b) => a - b)) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === column - 1) run.push(column);
    else runs.push([column]);
  }
  return runs.map((run) => ({
    row: top,
    column: run[0]! + 1,
    values: Array.from({ length: bottom - top + 1 }, (_, i) =>
      run.map((column) => changed.get(top + i)?.[fieldAt.get(column)!] ?? read(top + i, column)),
    ),
  }));
}
