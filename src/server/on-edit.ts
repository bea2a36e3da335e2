/**
 * The onEdit simple trigger: whatever the input path (typing, paste, fill-down, clearing, undo),
 * each edited Deals row is checked. An illegal Stage goes back to the deal's last accepted stage
 * and a toast says why; legal moves stamp Stage Since and write History; a new row gets its ID
 * and Created; bad cells get marks. Simple triggers cannot send mail or open dialogs, so every
 * message is a toast. Reads only the edited rows, the header, Settings and the stage record.
 */
import { SHEET } from '../core/columns';
import { isBlankRow, parseDealRow } from '../core/deal-row';
import { judgeStageEdit } from '../core/stage-edits';
import type { HistoryVia } from '../core/types';
import { startOfDay } from '../core/dates';
import { validateDeals } from '../core/validation';
import { DealBlock } from './deal-block';
import { openDealsSheet } from './deals-sheet';
import { DocumentState } from './document-properties';
import { messageOf } from './errors';
import { appendHistory, currentUser } from './history';
import type { StageChange } from './history';
import { LockBusyError, withDocumentLock } from './lock';
import { markRows } from './marks';
import { readSettings } from './settings';
import { todayIn } from './today';
import { toast } from './ui';

/** A simple trigger has 30 s in all; waiting longer for the lock would risk the rest. */
const EDIT_LOCK_WAIT_MS = 8_000;
/** How many refused moves a toast lists by name. */
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
  if (sheetName !== SHEET.deals) return;
  const edited = editedBox(range);
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
    const recorded = state.record.stageOf(String(cells[idColumn] ?? ''));
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
  const settings = readSettings(spreadsheet, state);
  const table = settings.table;
  const deals = openDealsSheet(spreadsheet, table);
  const { now, today, timeZone } = todayIn(spreadsheet);
  const block = new DealBlock(deals, firstRow, lastRow - firstRow + 1);

  const stageColumn = deals.layout.columns.stage + 1;
  const touchesStage = edited.column <= stageColumn && stageColumn <= edited.column + edited.numColumns - 1;
  const via: HistoryVia = edited.numRows === 1 && edited.numColumns === 1 ? 'edit' : 'paste';
  const by = currentUser();
  const changes: StageChange[] = [];
  const refused: string[] = [];
  state.noteIdsInSight(block.rows.map((cells) => String(cells[deals.layout.columns.id] ?? '')));

  block.rows.forEach((cells, index) => {
    const row = firstRow + index;
    if (isBlankRow(cells)) return;
    let { deal } = parseDealRow(cells, row, deals.layout, timeZone);
    const getsId = deal.id === '' && (deal.deal !== '' || deal.company !== '');
    if (getsId) {
      const id = state.issueId();
      block.set(row, 'id', id);
      if (deal.created === null) block.set(row, 'created', startOfDay(today, timeZone));
      deal = { ...deal, id };
    }
    if (deal.id === '' || !(touchesStage || getsId)) return;
    const oldValueApplies = via === 'edit' && touchesStage;
    const recorded = recordedStage(state, deal.id, event, oldValueApplies);
    const outcome = judgeStageEdit(deal, recorded, false, table, today);
    if (outcome.kind === 'reverted') {
      block.set(row, 'stage', outcome.restore);
      refused.push(outcome.message);
    } else if (outcome.kind === 'moved') {
      state.record.record(deal.id, outcome.to);
      block.set(row, 'stageSince', now);
      if (outcome.closesToday) block.set(row, 'closeDate', startOfDay(today, timeZone));
      changes.push({
        timestamp: now,
        id: deal.id,
        deal: deal.deal,
        from: outcome.from,
        to: outcome.to,
        by,
        via,
      });
    }
  });

  block.write();
  state.save();
  const parsed = block.rows.map((cells, index) =>
    parseDealRow(cells, firstRow + index, deals.layout, timeZone),
  );
  const live = parsed.filter((_, index) => !isBlankRow(block.rows[index]!));
  markRows(
    deals,
    firstRow,
    block.rows.length,
    validateDeals(
      live.map((p) => p.deal),
      table,
      today,
      live.flatMap((p) => p.problems),
    ),
  );
  appendHistory(spreadsheet, changes);
  if (refused.length > 0) toast(refusalText(refused), 20);
  else if (settings.notice) toast(settings.notice);
}

/**
 * The deal's last accepted stage: the record's, or — for a deal from before the add-on, which the
 * record has never seen — the value a single-cell edit replaced, the one old value Sheets gives.
 */
function recordedStage(
  state: DocumentState,
  id: string,
  event: GoogleAppsScript.Events.SheetsOnEdit,
  oldValueApplies: boolean,
): string | undefined {
  const recorded = state.record.stageOf(id);
  if (recorded !== undefined || !oldValueApplies) return recorded;
  const old = (event as { oldValue?: unknown }).oldValue;
  return old === undefined || old === null || String(old).trim() === '' ? undefined : String(old);
}

function refusalText(refused: readonly string[]): string {
  const shown = refused.slice(0, TOAST_LIMIT).map((message) => `Put back: ${message}`);
  const more = refused.length - shown.length;
  return more > 0
    ? `${shown.join('\n')}\n…and ${more} more move${more === 1 ? '' : 's'} put back.`
    : shown.join('\n');
}

/**
 * After an edit to Settings: say at once what is wrong with the table, cell by cell, and keep a
 * table that parses cleanly as the last valid one.
 */
function reportSettings(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const state = DocumentState.read();
  const settings = readSettings(spreadsheet, state);
  state.save();
  const errors = settings.problems.filter((problem) => problem.severity === 'error');
  if (errors.length === 0) return;
  const shown = errors.slice(0, TOAST_LIMIT).map((problem) => problem.message);
  toast([settings.notice ?? 'Settings has problems:', ...shown].join('\n'), 20);
}
