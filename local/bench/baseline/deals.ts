/**
 * Per-cell baseline: the jobs that write deals (set-up's adoption, onEdit, the sidebar's add and
 * move, an import), written the usual way: a getValue and setValue per cell, an appendRow per
 * History row, IDs from a counter found by scanning the ID column.
 */
import type { Gas, Sheet } from './gas';
import { cell, COL, stageRows } from './gas';

function sheets(gas: Gas): { deals: Sheet; history: Sheet } {
  const spreadsheet = gas.SpreadsheetApp.getActiveSpreadsheet();
  return { deals: spreadsheet.getSheetByName('Deals')!, history: spreadsheet.getSheetByName('History')! };
}

/** The next ID: one past the highest D-n in the ID column, read a cell at a time. */
function nextId(deals: Sheet): string {
  let highest = 0;
  const last = deals.getLastRow();
  for (let r = 2; r <= last; r++) {
    const n = Number(/^D-(\d+)$/.exec(String(cell(deals, r, COL.id)))?.[1] ?? 0);
    if (n > highest) highest = n;
  }
  return `D-${String(highest + 1).padStart(4, '0')}`;
}

function user(gas: Gas): string {
  return gas.Session.getActiveUser().getEmail();
}

/** Set up sheets on existing deals: an ID and Created where missing, a History row per deal. */
export function setUp(gas: Gas): void {
  const { deals, history } = sheets(gas);
  const last = deals.getLastRow();
  let counter = Number(/^D-(\d+)$/.exec(nextId(deals))?.[1] ?? 1);
  for (let r = 2; r <= last; r++) {
    let id = String(cell(deals, r, COL.id));
    if (id === '') {
      id = `D-${String(counter++).padStart(4, '0')}`;
      deals.getRange(r, COL.id).setValue(id);
    }
    if (cell(deals, r, COL.created) === '') deals.getRange(r, COL.created).setValue(new Date());
    const stage = cell(deals, r, COL.stage);
    history.appendRow([new Date(), id, cell(deals, r, COL.deal), '', stage, user(gas), 'setup']);
  }
}

/** May a deal go from `from` to `to`? The stage table read again for the question. */
function allowed(gas: Gas, from: string, to: string): boolean {
  const stages = stageRows(gas.SpreadsheetApp.getActiveSpreadsheet());
  const next = stages.find((stage) => stage.name === from)?.next ?? '*';
  return from === '' || next === '*' || next.split(',').some((name) => name.trim() === to);
}

/** onEdit of one Stage cell: put back an illegal move, else stamp Stage Since and log it. */
export function onEditCell(gas: Gas, event: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = event.range;
  const sheet = range.getSheet();
  if (sheet.getName() !== 'Deals' || range.getColumn() !== COL.stage) return;
  const row = range.getRow();
  const from = String(event.oldValue ?? '');
  const to = String(event.value ?? '');
  if (!allowed(gas, from, to)) {
    range.setValue(from);
    return;
  }
  sheet.getRange(row, COL.stageSince).setValue(new Date());
  const { history } = sheets(gas);
  history.appendRow([
    new Date(),
    cell(sheet, row, COL.id),
    cell(sheet, row, COL.deal),
    from,
    to,
    user(gas),
    'edit',
  ]);
}

/** onEdit of a paste: each row gets an ID, Created and Stage Since, and a History row. */
export function onEditPaste(gas: Gas, event: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = event.range;
  const sheet = range.getSheet();
  const { history } = sheets(gas);
  let counter = Number(/^D-(\d+)$/.exec(nextId(sheet))?.[1] ?? 1);
  for (let row = range.getRow(); row <= range.getLastRow(); row++) {
    const stage = String(cell(sheet, row, COL.stage));
    if (!allowed(gas, '', stage)) continue;
    let id = String(cell(sheet, row, COL.id));
    if (id === '') {
      id = `D-${String(counter++).padStart(4, '0')}`;
      sheet.getRange(row, COL.id).setValue(id);
    }
    sheet.getRange(row, COL.created).setValue(new Date());
    sheet.getRange(row, COL.stageSince).setValue(new Date());
    history.appendRow([new Date(), id, cell(sheet, row, COL.deal), '', stage, user(gas), 'paste']);
  }
}

/** The sidebar's New deal: one appendRow for the deal, one for History. */
export function addDeal(gas: Gas, fields: Record<string, unknown>): void {
  const { deals, history } = sheets(gas);
  const id = nextId(deals);
  const row: unknown[] = new Array<unknown>(Object.keys(COL).length).fill('');
  for (const [key, column] of Object.entries(COL)) row[column - 1] = fields[key] ?? '';
  row[COL.id - 1] = id;
  row[COL.created - 1] = new Date();
  row[COL.stageSince - 1] = new Date();
  deals.appendRow(row);
  history.appendRow([new Date(), id, fields.deal, '', fields.stage, user(gas), 'sidebar']);
}

/** The sidebar's Move: find the row by scanning IDs, check the move, set Stage and Stage Since. */
export function moveDeal(gas: Gas, id: string, to: string): void {
  const { deals, history } = sheets(gas);
  const last = deals.getLastRow();
  for (let r = 2; r <= last; r++) {
    if (cell(deals, r, COL.id) !== id) continue;
    const from = String(cell(deals, r, COL.stage));
    if (!allowed(gas, from, to)) throw new Error(`${id} cannot move from ${from} to ${to}.`);
    deals.getRange(r, COL.stage).setValue(to);
    deals.getRange(r, COL.stageSince).setValue(new Date());
    history.appendRow([new Date(), id, cell(deals, r, COL.deal), from, to, user(gas), 'sidebar']);
    return;
  }
}

/** Import: each source row read a cell at a time, appended to Deals and to History. */
export function importFile(gas: Gas, sourceName: string, columns: Readonly<Record<string, number>>): void {
  const spreadsheet = gas.SpreadsheetApp.getActiveSpreadsheet();
  const source = spreadsheet.getSheetByName(sourceName)!;
  const { deals, history } = sheets(gas);
  const last = source.getLastRow();
  let counter = Number(/^D-(\d+)$/.exec(nextId(deals))?.[1] ?? 1);
  for (let r = 2; r <= last; r++) {
    const row: unknown[] = new Array<unknown>(Object.keys(COL).length).fill('');
    for (const [key, column] of Object.entries(columns))
      row[COL[key as keyof typeof COL] - 1] = cell(source, r, column);
    const id = `D-${String(counter++).padStart(4, '0')}`;
    row[COL.id - 1] = id;
    row[COL.created - 1] = new Date();
    deals.appendRow(row);
    history.appendRow([new Date(), id, row[COL.deal - 1], '', row[COL.stage - 1], user(gas), 'import']);
  }
}
