/**
 * Per-cell baseline of Validate all deals: old marks cleared over the whole block, then each
 * check in turn reads the sheet again a cell at a time and marks a bad cell with setBackground
 * and setNote.
 */
import type { Gas, Sheet, StageRow } from './gas';
import { cell, COL, isDate, stageRows } from './gas';

const ERROR_COLOR = '#f4c7c3';

type Check = (sheet: Sheet, row: number, stages: readonly StageRow[]) => [number, string] | null;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

const CHECKS: readonly Check[] = [
  (sheet, row, stages) => {
    const stage = String(cell(sheet, row, COL.stage));
    return stages.some((s) => s.name === stage) ? null : [COL.stage, `Unknown stage "${stage}".`];
  },
  (sheet, row) => {
    const amount = cell(sheet, row, COL.amount);
    return isBlank(amount) || (typeof amount === 'number' && amount >= 0)
      ? null
      : [COL.amount, 'Amount must be a number of 0 or more.'];
  },
  (sheet, row) => {
    const p = cell(sheet, row, COL.probability);
    return isBlank(p) || (typeof p === 'number' && p >= 0 && p <= 1)
      ? null
      : [COL.probability, 'Probability must be between 0% and 100%.'];
  },
  ...(['closeDate', 'followUp', 'lastContact'] as const).map((field): Check => (sheet, row) => {
    const value = cell(sheet, row, COL[field]);
    return isBlank(value) || isDate(value) ? null : [COL[field], `${field} must be a date.`];
  }),
  (sheet, row) => {
    const email = String(cell(sheet, row, COL.email));
    return email === '' || EMAIL.test(email) ? null : [COL.email, 'Email is not an email address.'];
  },
  (sheet, row, stages) => {
    const stage = stages.find((s) => s.name === cell(sheet, row, COL.stage));
    for (const header of stage?.required.split(',') ?? []) {
      const key = header.trim().replace(/\s+(\w)/g, (_, c: string) => c.toUpperCase());
      const field = (key.charAt(0).toLowerCase() + key.slice(1)) as keyof typeof COL;
      if (COL[field] && isBlank(cell(sheet, row, COL[field])))
        return [COL[field], `${header.trim()} is required in ${stage!.name}.`];
    }
    return null;
  },
];

export function validateAll(gas: Gas): void {
  const spreadsheet = gas.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName('Deals')!;
  const last = sheet.getLastRow();
  if (last < 2) return;
  const block = sheet.getRange(2, 1, last - 1, sheet.getLastColumn());
  block.setBackground(null);
  block.clearNote();
  for (const check of CHECKS) {
    const stages = stageRows(spreadsheet);
    for (let row = 2; row <= last; row++) {
      const problem = check(sheet, row, stages);
      if (!problem) continue;
      const target = sheet.getRange(row, problem[0]);
      target.setBackground(ERROR_COLOR);
      target.setNote(problem[1]);
    }
  }
}
