/**
 * The per-cell baseline (issue 12): the add-on's jobs written the way the open-source Apps Script
 * pipeline scripts we compared ourselves with are written — a getRange(r, c).getValue() per cell,
 * a setValue per cell, an appendRow per row, each check reading the sheet again, columns by
 * number. It runs on the same emulator as the add-on, as plain functions given the emulator's
 * globals, and is never shipped: it is the yardstick the add-on's batch I/O is measured against.
 */
import type { DealFieldKey } from '../../../src/core/columns';
import { DEAL_FIELDS } from '../../../src/core/columns';

/** The Apps Script globals a baseline script uses, as the emulator hands them over. */
export interface Gas {
  readonly SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  readonly MailApp: GoogleAppsScript.Mail.MailApp;
  readonly Session: GoogleAppsScript.Base.Session;
}

export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Hard-coded column numbers, as these scripts have them: the Deals layout set-up creates. */
export const COL = Object.fromEntries(DEAL_FIELDS.map((field, i) => [field.key, i + 1])) as Record<
  DealFieldKey,
  number
>;

/** One cell, the way these scripts read it. */
export function cell(sheet: Sheet, row: number, column: number): unknown {
  return sheet.getRange(row, column).getValue();
}

export interface StageRow {
  readonly name: string;
  readonly probability: number;
  readonly kind: string;
  readonly category: string;
  readonly next: string;
  readonly required: string;
  readonly staleDays: number;
}

/** The Settings stage table, read a cell at a time, as every check that needs it does. */
export function stageRows(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): StageRow[] {
  const settings = spreadsheet.getSheetByName('Settings')!;
  const last = settings.getLastRow();
  const rows: StageRow[] = [];
  for (let r = 2; r <= last; r++) {
    const name = String(cell(settings, r, 1));
    if (name === '') break;
    rows.push({
      name,
      probability: Number(cell(settings, r, 2)),
      kind: String(cell(settings, r, 3)),
      category: String(cell(settings, r, 4)),
      next: String(cell(settings, r, 5)),
      required: String(cell(settings, r, 6)),
      staleDays: Number(cell(settings, r, 7)),
    });
  }
  return rows;
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export const DAY_MS = 86_400_000;
