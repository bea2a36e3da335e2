/**
 * The onEdit simple trigger: whatever the input path (typing, paste, fill-down, clearing, undo),
 * each edited Deals row is checked. The core decides (row-decisions.ts): which deal each row is,
 * whatever happened to its ID cell; an illegal Stage goes back to the deal's last accepted stage;
 * legal moves stamp Stage Since and write History, as a changed Close Date or Amount of an open
 * deal does too (compared with the record of the last ones seen); a new row gets its ID and
 * Created. This shell reads, applies, marks and says why in a toast — simple triggers cannot send
 * mail or open dialogs. Reads only the edited rows and the header of Deals (and its ID column when
 * the edit covered it), the stage record, and Settings and History's header when the document
 * cache does not hold them; every read comes before the first write.
 */
import { SHEET } from '../core/columns';
import { issuedId } from '../core/deal-identity';
import { entriesOf } from '../core/marks-log';
import { decideRows } from '../core/row-decisions';
import type { HistoryVia } from '../core/types';
import { validateDeals } from '../core/validation';
import { countOf } from '../core/wording';
import { DealBlock } from './deal-block';
import type { DealsSheet } from './deals-sheet';
import { openDealsSheet } from './deals-sheet';
import { DocumentState } from './document-properties';
import { messageOf } from './errors';
import { appendHistoryTo, currentUser, historyFor } from './history';
import { markHistoryEdited } from './history-edit-mark';
import { LockBusyError, withDocumentLock } from './lock';
import { readMarks } from './marks';
import { appendToMarksLog } from './marks-log';
import { forgetEditSettings, readEditSettings, readSettings } from './settings';
import { todayIn } from './today';
import { toast } from './ui';

/** A simple trigger has 30 s in all; waiting longer for the lock would risk the rest. */
const EDIT_LOCK_WAIT_MS = 8_000;
/** How many refused moves and ID changes a toast lists one by one. */
const TOAST_LIMIT = 3;

export function handleEdit(event: GoogleAppsScript.Events.SheetsOnEdit | undefined): void {
  const range = event?.range;
  if (!range) return;
  const sheetName = range.getSheet().getName();
  if (sheetName === SHEET.settings) {
    try {
      withDocumentLock(() => reportSettings(event.source), EDIT_LOCK_WAIT_MS);
    } catch (error) {
      toast(messageOf(error));
    }
    return;
  }
  const edited = editedBox(range);
  // History's header tells where each part of a change goes: an edit of it drops the kept one.
  if (sheetName === SHEET.history && edited.row === 1) forgetEditSettings();
  // Any edit of History: the Summary's digest of it can no longer be trusted.
  if (sheetName === SHEET.history) markHistoryEdited();
  if (sheetName !== SHEET.deals) return;
  const firstRow = Math.max(edited.row, 2);
  const lastRow = edited.row + edited.numRows - 1;
  if (lastRow < firstRow) return;
  try {
    withDocumentLock(() => checkEditedRows(event, edited, firstRow, lastRow), EDIT_LOCK_WAIT_MS);
  } catch (error) {
    if (error instanceof LockBusyError) {
      try {
        putBackUncheckedStages(event, firstRow, lastRow);
      } catch (inner) {
        console.error(inner);
      }
    }
    toast(messageOf(error));
  }
}

/** Where the edit landed, read once: 4 calls. */
interface EditedBox {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

function editedBox(range: GoogleAppsScript.Spreadsheet.Range): EditedBox {
  return {
    row: range.getRow(),
    column: range.getColumn(),
    numRows: range.getNumRows(),
    numColumns: range.getNumColumns(),
  };
}

/**
 * When another update holds the lock past the wait, the edit cannot be checked; so that no
 * unchecked move stands, Stage cells of known deals go back to their recorded stage. The user
 * is told to try again.
 */
function putBackUncheckedStages(
  event: GoogleAppsScript.Events.SheetsOnEdit,
  firstRow: number,
  lastRow: number,
): void {
  const state = DocumentState.read();
  const deals = openDealsSheet(event.source, readSettings(event.source, state).table);
  const block = new DealBlock(deals, firstRow, lastRow - firstRow + 1);
  const { id: idColumn, stage: stageColumn } = deals.layout.columns;
  block.rows.forEach((cells, index) => {
    const id = issuedId(String(cells[idColumn] ?? ''), state.lastIssued);
    const recorded = id === null ? undefined : state.record.stageOf(id);
    if (recorded !== undefined && String(cells[stageColumn] ?? '').trim() !== recorded) {
      block.set(firstRow + index, 'stage', recorded);
    }
  });
  block.write();
}

function checkEditedRows(
  event: GoogleAppsScript.Events.SheetsOnEdit,
  edited: EditedBox,
  firstRow: number,
  lastRow: number,
): void {
  const spreadsheet = event.source;
  const state = DocumentState.read();
  const { settings, history } = readEditSettings(spreadsheet, state);
  const table = settings.table;
  const deals = openDealsSheet(spreadsheet, table);
  const { now, today, timeZone } = todayIn(spreadsheet);
  const count = lastRow - firstRow + 1;
  const block = new DealBlock(deals, firstRow, count);

  const covers = (field: 'id' | 'stage' | 'closeDate' | 'amount') => {
    const column = deals.layout.columns[field] + 1;
    return column > 0 && edited.column <= column && column <= edited.column + edited.numColumns - 1;
  };
  const single = edited.numRows === 1 && edited.numColumns === 1;
  const via: HistoryVia = single ? 'edit' : 'paste';
  const edit = {
    id: covers('id'),
    stage: covers('stage'),
    closeDate: covers('closeDate'),
    amount: covers('amount'),
    oldValue: single ? (event as { oldValue?: unknown }).oldValue : undefined,
  };
  const decisions = decideRows({
    rows: block.rows,
    firstRow,
    layout: deals.layout,
    table,
    record: state.record,
    lastIssued: state.lastIssued,
    today,
    timeZone,
    now,
    via,
    edit,
    // Only an edit of the ID column can copy or take away an ID: then that column is read.
    outside: edit.id ? idsOutside(deals, firstRow, count, state.lastIssued) : undefined,
  });
  for (const write of decisions.writes) block.set(write.row, write.field, write.value);
  const problems = validateDeals(decisions.deals, table, today, decisions.problems);
  // Every read before the first write: one round trip to read, one commit for the writes.
  const marks = readMarks(deals, firstRow, count, problems);
  const historySheet = historyFor(spreadsheet, history, decisions.history);
  block.write();
  state.apply(decisions);
  // The cells marked go to the marks log before the marks, and a new log's id into the state.
  const idOfRow = new Map(decisions.deals.map((deal) => [deal.row, deal.id]));
  appendToMarksLog(spreadsheet, entriesOf(problems, idOfRow, deals.layout.columns), state);
  state.save();
  marks.write();
  const by = currentUser();
  appendHistoryTo(
    historySheet,
    decisions.history.map((entry) => ({ ...entry, timestamp: now, by, via })),
  );
  const messages = [
    ...firstOf(
      decisions.refusals.map((message) => `Put back: ${message}`),
      (more) => `${countOf(more, 'more move')} put back`,
    ),
    ...firstOf(decisions.notices, (more) => countOf(more, 'more ID change')),
  ];
  // A missing column reads blank in every deal: say so until Set up sheets adds it back.
  const columns = deals.layout.problems.filter((problem) => problem.severity === 'error');
  if (messages.length > 0) toast(messages.join('\n'), 20);
  else if (settings.notice) toast(settings.notice);
  else if (columns.length > 0) toast(columns.map((problem) => problem.message).join('\n'));
}

/** How often each issued ID stands in the ID column outside rows first..first + count - 1. 2 calls. */
function idsOutside(
  deals: DealsSheet,
  first: number,
  count: number,
  lastIssued: number,
): Map<string, number> {
  const outside = new Map<string, number>();
  if (deals.lastRow < 2) return outside;
  const cells = deals.sheet.getRange(2, deals.layout.columns.id + 1, deals.lastRow - 1, 1).getValues();
  cells.forEach(([cell], index) => {
    const row = index + 2;
    if (row >= first && row < first + count) return;
    const id = issuedId(String(cell ?? ''), lastIssued);
    if (id !== null) outside.set(id, (outside.get(id) ?? 0) + 1);
  });
  return outside;
}

/** The first messages, and a line saying how many more there are. */
function firstOf(messages: readonly string[], rest: (more: number) => string): string[] {
  const shown = messages.slice(0, TOAST_LIMIT);
  const more = messages.length - shown.length;
  return more > 0 ? [...shown, `…and ${rest(more)}.`] : shown;
}

/**
 * After an edit to Settings: say at once what is wrong with the table, cell by cell, and keep a
 * table that parses cleanly as the last valid one.
 */
function reportSettings(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  forgetEditSettings();
  const state = DocumentState.read();
  const settings = readSettings(spreadsheet, state);
  state.save();
  const errors = settings.problems.filter((problem) => problem.severity === 'error');
  if (errors.length === 0) return;
  const shown = errors.slice(0, TOAST_LIMIT).map((problem) => problem.message);
  toast([settings.notice ?? 'Settings has problems:', ...shown].join('\n'), 20);
}
