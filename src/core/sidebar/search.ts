/**
 * Finding deals for the sidebar by ID, deal name or company, so the browser gets a handful of
 * deals however many the sheet holds; and finding a deal's row by its ID.
 */
import type { DealSheetLayout, DealValues } from '../deal-row';
import { parseDealRow } from '../deal-row';
import { dealIdNumber, formatDealId } from '../transitions';
import type { StageTable, Today } from '../types';
import { readText } from '../values';
import type { DealSummary } from './contract';
import type { Judged } from './form';
import { describeValue } from './form-values';
import { dealSummary } from './summaries';

/** At most this many deals answer a search. */
const SEARCH_LIMIT = 20;

/** An ID as the add-on writes it ("d-42" → "D-0042"); other text trimmed and upper-case. */
function canonicalId(text: string): string {
  const n = dealIdNumber(text);
  return n === null ? text.trim().toUpperCase() : formatDealId(n);
}

/** A deal ID argument, as the add-on writes it. */
export function readDealId(id: unknown): Judged<string> {
  return typeof id === 'string' && id.trim() !== ''
    ? { ok: true, value: canonicalId(id) }
    : { ok: false, message: `A deal is named by its ID, such as D-0042, not ${describeValue(id)}.` };
}

/** A search query: text, trimmed. */
export function readQuery(query: unknown): Judged<string> {
  return typeof query === 'string'
    ? { ok: true, value: query.trim() }
    : {
        ok: false,
        message: `Search for text (an ID, a deal name or a company), not ${describeValue(query)}.`,
      };
}

/** The 0-based indexes of the cells (an ID column) that hold `id`. */
export function indexesOfId(cells: readonly (readonly unknown[])[], id: string): number[] {
  const wanted = canonicalId(id);
  const found: number[] = [];
  cells.forEach(([cell], index) => {
    if (canonicalId(readText(cell)) === wanted) found.push(index);
  });
  return found;
}

/**
 * The deals whose ID, Deal or Company contains `query` (case-insensitive): the deal with exactly
 * that ID first, then those where one of them starts with it, then the rest, each in sheet order.
 * Rows without an ID are left out: the sidebar names a deal by its ID. Only the matches are parsed.
 */
export function searchDeals(
  rows: DealValues,
  firstRow: number,
  layout: DealSheetLayout,
  query: string,
  table: StageTable,
  today: Today,
): DealSummary[] {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return [];
  const exactId = canonicalId(query);
  const { id, deal, company } = layout.columns;
  // A column the sheet lacks is -1: no cell there, read as ''.
  const text = (cells: readonly unknown[], column: number) =>
    readText(cells[column], today.timeZone).toLowerCase();
  const exact: number[] = [];
  const starts: number[] = [];
  const contains: number[] = [];
  rows.forEach((cells, index) => {
    const idText = text(cells, id);
    if (idText === '') return;
    if (canonicalId(idText) === exactId) {
      exact.push(index);
      return;
    }
    const fields = [idText, text(cells, deal), text(cells, company)];
    if (fields.some((field) => field.startsWith(wanted))) starts.push(index);
    else if (fields.some((field) => field.includes(wanted))) contains.push(index);
  });
  return [...exact, ...starts, ...contains].slice(0, SEARCH_LIMIT).map((index) => {
    const parsed = parseDealRow(rows[index]!, firstRow + index, layout, today.timeZone);
    return dealSummary(parsed.deal, table, today.today);
  });
}
