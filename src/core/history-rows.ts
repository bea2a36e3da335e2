/**
 * History rows: `Timestamp | ID | Deal | From | To | By | Via | Field`, located by header like
 * every other sheet. The add-on appends them and never edits one; the numbers read them back here.
 * A row with a Field is a Close Date or Amount change (field-changes.ts), kept apart from the
 * stage changes, so no stage number ever counts one; a blank or missing Field is a stage change,
 * so History written before the column existed reads as it always did.
 */
import { headerColumns, HISTORY_HEADERS, normalizeHeader } from './columns';
import { isDate } from './dates';
import type { HistoryEntry, HistoryVia } from './types';
import { isUnreadable, readInstant, readText } from './values';

/** Cells for one History row in the sheet's own column order; unknown columns stay blank. */
export function historyRow(
  header: readonly unknown[],
  entry: {
    timestamp: Date;
    id: string;
    deal: string;
    from: string | number;
    to: string | number;
    by: string;
    via: HistoryVia;
    field?: string;
  },
): (string | number | Date)[] {
  const byHeader: Record<string, string | number | Date> = {
    timestamp: entry.timestamp,
    id: entry.id,
    deal: entry.deal,
    from: entry.from,
    to: entry.to,
    by: entry.by,
    via: entry.via,
    field: entry.field ?? '',
  };
  return header.map((cell) => byHeader[normalizeHeader(cell)] ?? '');
}

/** A History row with a Field: that field of the deal went From → To. */
export interface FieldChange extends HistoryEntry {
  /** As written, e.g. `Close Date`. */
  readonly field: string;
}

export interface ParsedHistory {
  /** The stage changes. */
  readonly entries: HistoryEntry[];
  /** The rows with a Field. */
  readonly fieldChanges: FieldChange[];
  /** Rows skipped because their Timestamp or ID cannot be read (1-based sheet rows). */
  readonly skippedRows: number[];
  /** History headers the sheet lacks. */
  readonly missingHeaders: string[];
}

/**
 * History's header and then rows from sheet row `firstRow` (2: all of them). A row without a
 * readable Timestamp or ID is skipped.
 */
export function parseHistory(
  values: readonly (readonly unknown[])[],
  timeZone: string,
  firstRow = 2,
): ParsedHistory {
  const column: (header: (typeof HISTORY_HEADERS)[number]) => number = headerColumns(values[0] ?? []);
  const timestamp = column('Timestamp');
  const id = column('ID');
  const deal = column('Deal');
  const from = column('From');
  const to = column('To');
  const by = column('By');
  const via = column('Via');
  const field = column('Field');
  // Without a Field column every row is a stage change, as History was before it had one.
  const missingHeaders = HISTORY_HEADERS.filter((header) => header !== 'Field' && column(header) < 0);
  const entries: HistoryEntry[] = [];
  const fieldChanges: FieldChange[] = [];
  const skippedRows: number[] = [];
  const text = (cells: readonly unknown[], at: number) => (at < 0 ? '' : readText(cells[at], timeZone));
  for (let r = 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    const rawTime = timestamp < 0 ? '' : cells[timestamp];
    const time = isDate(rawTime) ? rawTime.getTime() : readInstant(rawTime, timeZone);
    const dealId = text(cells, id);
    if (time === null || isUnreadable(time) || dealId === '') {
      if (cells.some((cell) => cell !== '' && cell != null)) skippedRows.push(firstRow + r - 1);
      continue;
    }
    const entry: HistoryEntry = {
      timestamp: time,
      id: dealId,
      deal: text(cells, deal),
      from: text(cells, from),
      to: text(cells, to),
      by: text(cells, by),
      via: text(cells, via),
    };
    const changed = text(cells, field);
    if (changed === '') entries.push(entry);
    else fieldChanges.push({ ...entry, field: changed });
  }
  return { entries, fieldChanges, skippedRows, missingHeaders };
}
