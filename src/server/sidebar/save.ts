/**
 * The sidebar's writers: add a deal, update one, move one. Each runs under the document lock,
 * reads what it needs once, lets the core judge everything it was given (core/sidebar), and only
 * then writes: the row's cells in as few calls as the changed cells allow, the stage record,
 * History (Via `sidebar`) and the row's validation marks. A refusal writes nothing.
 */
import type { DealFieldKey } from '../../core/columns';
import { dealFingerprint } from '../../core/deal-identity';
import type { DealProblem } from '../../core/problems';
import { rowCells } from '../../core/sidebar/cells';
import { judgeNewDeal, judgeUpdate } from '../../core/sidebar/changes';
import type { SavedDeal } from '../../core/sidebar/contract';
import { FORM_FIELDS } from '../../core/sidebar/form-values';
import { judgeMove } from '../../core/sidebar/moves';
import { readDealId } from '../../core/sidebar/search';
import type { Settings } from '../../core/settings';
import { isBlankField } from '../../core/stages';
import { dealIdNumber, nextDealId } from '../../core/transitions';
import type { Deal, Today } from '../../core/types';
import { readText } from '../../core/values';
import { validateDeals } from '../../core/validation';
import { openDealsSheet } from '../deals-sheet';
import type { DealsSheet } from '../deals-sheet';
import { DocumentState } from '../document-properties';
import { appendHistory, currentUser } from '../history';
import { withDocumentLock } from '../lock';
import { markRows } from '../marks';
import { readSettings } from '../settings';
import { activeSpreadsheet } from '../sheets';
import type { Spreadsheet } from '../sheets';
import { todayIn } from '../today';
import { accepted } from './calls';
import { findDeal, readIdCells, requireColumnsFor, writeFields, writeNewRow } from './deal-rows';

/** What every writer reads first. 12 calls. */
interface Desk {
  readonly spreadsheet: Spreadsheet;
  readonly state: DocumentState;
  readonly settings: Settings;
  readonly when: Today & { now: Date };
  readonly deals: DealsSheet;
}

function openDesk(): Desk {
  const spreadsheet = activeSpreadsheet();
  const state = DocumentState.read();
  const settings = readSettings(spreadsheet, state);
  const when = todayIn(spreadsheet);
  return { spreadsheet, state, settings, when, deals: openDealsSheet(spreadsheet, settings.table) };
}

/** Marks the row's problems, keeping those of cells that could not be read and were not written. 3–5 calls. */
function markDeal(desk: Desk, deal: Deal, unreadCells: readonly DealProblem[]): void {
  const problems = validateDeals([deal], desk.settings.table, desk.when.today, unreadCells);
  markRows(desk.deals, deal.row, 1, problems);
}

/** A stage the deal entered, in History. 9–10 calls. */
function recordStage(desk: Desk, deal: Deal, from: string): void {
  appendHistory(desk.spreadsheet, [
    {
      timestamp: desk.when.now,
      id: deal.id,
      deal: deal.deal,
      from,
      to: deal.stage,
      by: currentUser(),
      via: 'sidebar',
    },
  ]);
}

/** Appends a new deal after the last row, with a new ID. */
export function addDealFromSidebar(form: unknown): SavedDeal {
  return withDocumentLock(() => {
    const desk = openDesk();
    const { deals, state, when } = desk;
    const judged = accepted(judgeNewDeal(form, desk.settings.table, when.today));
    requireColumnsFor(
      deals,
      FORM_FIELDS.filter((field) => !isBlankField(judged, field)),
    );
    const id = nextDealId(
      readIdCells(deals).map(([cell]) => readText(cell)),
      state.lastIssued,
    );
    const deal: Deal = {
      ...judged,
      id,
      row: deals.lastRow + 1,
      created: when.today,
      stageSince: when.now.getTime(),
    };
    writeNewRow(deals, deal.row, rowCells(deal, deals.layout, deals.width, when.timeZone));
    state.apply({
      recorded: [{ id, stage: deal.stage, fingerprint: dealFingerprint(deal) }],
      gone: [],
      lastIssued: dealIdNumber(id)!,
    });
    state.save();
    recordStage(desk, deal, '');
    markDeal(desk, deal, []);
    return { id, row: deal.row };
  });
}

/** Writes what an update or a move changed, and keeps the record's fingerprint in step. */
function saveChanges(
  desk: Desk,
  deal: Deal,
  changed: readonly DealFieldKey[],
  unreadCells: readonly DealProblem[],
  stage?: string,
): void {
  writeFields(desk.deals, deal.row, deal, changed, desk.when.timeZone);
  desk.state.apply({
    recorded: [{ id: deal.id, stage, fingerprint: dealFingerprint(deal) }],
    gone: [],
    lastIssued: desk.state.lastIssued,
  });
  desk.state.save();
  markDeal(
    desk,
    deal,
    unreadCells.filter((problem) => !changed.includes(problem.field)),
  );
}

/** Changes any field of a deal but its Stage. */
export function updateDealFromSidebar(id: unknown, changes: unknown): SavedDeal {
  const wanted = accepted(readDealId(id));
  return withDocumentLock(() => {
    const desk = openDesk();
    const found = findDeal(desk.deals, wanted, desk.when.timeZone);
    const update = accepted(
      judgeUpdate(found.deal, found.unreadable, changes, desk.settings.table, desk.when.today),
    );
    requireColumnsFor(desk.deals, update.changed);
    if (update.changed.length > 0) saveChanges(desk, update.deal, update.changed, found.problems);
    return { id: found.deal.id, row: found.row };
  });
}

/** Moves a deal to another stage, with the fields that stage needs. */
export function moveDealFromSidebar(id: unknown, stage: unknown, fields: unknown): SavedDeal {
  const wanted = accepted(readDealId(id));
  return withDocumentLock(() => {
    const desk = openDesk();
    const found = findDeal(desk.deals, wanted, desk.when.timeZone);
    const recorded = desk.state.record.stageOf(found.deal.id) ?? found.deal.stage;
    const move = accepted(
      judgeMove(found.deal, found.unreadable, recorded, stage, fields, desk.settings.table, desk.when.today),
    );
    requireColumnsFor(desk.deals, move.changed);
    const deal: Deal = { ...move.deal, stageSince: desk.when.now.getTime() };
    saveChanges(desk, deal, [...move.changed, 'stageSince'], found.problems, move.to);
    recordStage(desk, deal, move.from);
    return { id: deal.id, row: found.row };
  });
}
