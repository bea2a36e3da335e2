/**
 * History rows: `Timestamp | ID | Deal | From | To | By | Via`, located by header like every
 * other sheet. The add-on appends them and never edits one; the numbers read them back here.
 */
import { HISTORY_HEADERS, headerIndex, normalizeHeader } from './columns';
import { isDate } from './dates';
import type { HistoryEntry, HistoryVia } from './types';
import { readInstant, isUnreadable, readText } from './values';

/** Cells for one History row in the sheet's own column order; unknown columns stay blank. */
export function historyRow(
  header: readonly unknown[],
  entry: { timestamp: Date; id: string; deal: string; from: string; to: string; by: string; via: HistoryVia },
): (string | Date)[] {
  const byHeader: Record<string, string | Date> = {
    timestamp: entry.timestamp,
    id: entry.id,
    deal: entry.deal,
    from: entry.from,
    to: entry.to,
    by: entry.by,
    via: entry.via,
  };
  return header.map((cell) => byHeader[normalizeHeader(cell)] ?? '');
}

export interface ParsedHistory {
  readonly entries: HistoryEntry[];
  /** Rows skipped because their Timestamp or ID cannot be read (1-based sheet rows). */
  readonly skippedRows: number[];
  /** History headers the sheet lacks. */
  readonly missingHeaders: string[];
}

/** The History sheet's values, header first. A row without a readable Timestamp or ID is skipped. */
export function parseHistory(values: readonly (readonly unknown[])[], timeZone: string): ParsedHistory {
  const index = headerIndex(values[0] ?? []);
  const column = (header: string) => index.get(normalizeHeader(header)) ?? -1;
  const [timestamp, id, deal, from, to, by, via] = HISTORY_HEADERS.map(column) as number[] as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const missingHeaders = HISTORY_HEADERS.filter((header) => column(header) < 0);
  const entries: HistoryEntry[] = [];
  const skippedRows: number[] = [];
  const text = (cells: readonly unknown[], at: number) => (at < 0 ? '' : readText(cells[at], timeZone));
  for (let r = 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    const rawTime = timestamp < 0 ? '' : cells[timestamp];
    const time = isDate(rawTime) ? rawTime.getTime() : readInstant(rawTime, timeZone);
    const dealId = text(cells, id);
    if (time === null || isUnreadable(time) || dealId === '') {
      if (cells.some((cell) => cell !== '' && cell != null)) skippedRows.push(r + 1);
      continue;
    }
    entries.push({
      timestamp: time,
      id: dealId,
      deal: text(cells, deal),
      from: text(cells, from),
      to: text(cells, to),
      by: text(cells, by),
      via: text(cells, via),
    });
  }
  return { entries, skippedRows, missingHeaders };
}
