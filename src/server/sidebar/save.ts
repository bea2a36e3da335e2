/**
 * The sidebar's writers: add a deal, update one, move one. Each runs under the document lock,
 * reads what it needs once, lets the core judge everything it was given (core/sidebar), and only
 * then writes: the row's cells in as few calls as the changed cells allow, the stage record,
 * History (Via `sidebar`: the stage entered, and a changed Close Date or Amount of an open deal,
 * compared with the row as read) and the row's validation marks. A refusal writes nothing.
 */
import type { DealFieldKey } from '../../core/columns';
import { dealFingerprint } from '../../core/deal-identity';
import type { FieldDecision, FieldEntry, FieldsShown, TrackedField } from '../../core/field-changes';
import { decideFields, TRACKED_FIELDS } from '../../core/field-changes';
import { entriesOf } from '../../core/marks-log';
import type { DealProblem } from '../../core/problems';
import type { StageEntry } from '../../core/row-decisions';
import type { Settings } from '../../core/settings';
import { rowCells } from '../../core/sidebar/cells';
import { judgeNewDeal, judgeUpdate } from '../../core/sidebar/changes';
import type { SavedDeal } from '../../core/sidebar/contract';
import { FORM_FIELDS } from '../../core/sidebar/form-values';
import { judgeMove } from '../../core/sidebar/moves';
import { readDealId } from '../../core/sidebar/search';
import { findStage, isBlankField } from '../../core/stages';
import { dealIdNumber, nextDealId } from '../../core/transitions';
import type { Deal, Today } from '../../core/types';
import { validateDeals } from '../../core/validation';
import { readText } from '../../core/values';
import type { DealsSheet } from '../deals-sheet';
import { openDealsSheet } from '../deals-sheet';
import { DocumentState } from '../document-properties';
import { appendHistory, currentUser } from '../history';
import { withDocumentLock } from '../lock';
import { markRows } from '../marks';
import { appendToMarksLog } from '../marks-log';
import { readSettings } from '../settings';
import type { Spreadsheet } from '../sheets';
import { activeSpreadsheet } from '../sheets';
import { todayIn } from '../today';
import { accepted } from './calls';
import type { FoundDeal } from './deal-rows';
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

/**
 * Saves the state and marks the row's problems, keeping those of cells that could not be read and
 * were not written; the cells marked go to the marks log first. 3–7 calls.
 */
function saveAndMark(desk: Desk, deal: Deal, unreadCells: readonly DealProblem[]): void {
  const problems = validateDeals([deal], desk.settings.table, desk.when.today, unreadCells);
  const idOfRow = new Map([[deal.row, deal.id]]);
  appendToMarksLog(desk.spreadsheet, entriesOf(problems, idOfRow, desk.deals.layout.columns), desk.state);
  desk.state.save();
  markRows(desk.deals, deal.row, 1, problems);
}

/** The changes in History, Via `sidebar`: 0 calls for none, else 9–10. */
function recordHistory(desk: Desk, entries: readonly (FieldEntry | StageEntry)[]): void {
  if (entries.length === 0) return;
  const by = currentUser();
  appendHistory(
    desk.spreadsheet,
    entries.map((entry) => ({ ...entry, timestamp: desk.when.now, by, via: 'sidebar' as const })),
  );
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
      fields: seenOf(decideFields(trackedFields(desk, deal, true, []), state.record.fields)),
    });
    recordHistory(desk, [{ id, deal: deal.deal, from: '', to: deal.stage }]);
    saveAndMark(desk, deal, []);
    return { id, row: deal.row };
  });
}

/**
 * The deal's Close Date and Amount for field-changes.ts: a column the sheet lacks, or a cell that
 * could not be read (and the form did not set), is not known.
 */
function trackedFields(
  desk: Desk,
  deal: Deal,
  isNew: boolean,
  unreadable: readonly DealFieldKey[],
): FieldsShown {
  const known = (key: TrackedField) => desk.deals.layout.columns[key] >= 0 && !unreadable.includes(key);
  return {
    id: deal.id,
    deal: deal.deal,
    open: findStage(desk.settings.table, deal.stage)?.kind === 'open',
    isNew,
    now: {
      closeDate: known('closeDate') ? deal.closeDate : undefined,
      amount: known('amount') ? deal.amount : undefined,
    },
    changed: [],
  };
}

const seenOf = (decided: FieldDecision) => (decided.seen ? [decided.seen] : []);

/**
 * Writes what an update or a move changed, keeps the record in step, and returns the Close Date
 * and Amount changes History records (field-changes.ts), compared with the row as it was read.
 */
function saveChanges(
  desk: Desk,
  found: FoundDeal,
  deal: Deal,
  changed: readonly DealFieldKey[],
  stage?: string,
): FieldEntry[] {
  writeFields(desk.deals, deal.row, deal, changed, desk.when.timeZone);
  const fields = decideFields(
    {
      ...trackedFields(
        desk,
        deal,
        false,
        found.unreadable.filter((field) => !changed.includes(field)),
      ),
      changed: TRACKED_FIELDS.filter((key) => changed.includes(key)),
      before: trackedFields(desk, found.deal, false, found.unreadable).now,
    },
    desk.state.record.fields,
  );
  desk.state.apply({
    recorded: [{ id: deal.id, stage, fingerprint: dealFingerprint(deal) }],
    gone: [],
    lastIssued: desk.state.lastIssued,
    fields: seenOf(fields),
  });
  saveAndMark(
    desk,
    deal,
    found.problems.filter((problem) => !changed.includes(problem.field)),
  );
  return fields.entries;
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
    if (update.changed.length > 0) recordHistory(desk, saveChanges(desk, found, update.deal, update.changed));
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
    const changes = saveChanges(desk, found, deal, [...move.changed, 'stageSince'], move.to);
    recordHistory(desk, [{ id: deal.id, deal: deal.deal, from: move.from, to: deal.stage }, ...changes]);
    return { id: deal.id, row: found.row };
  });
}
