/**
 * The call counter's cells and call log (issue 12): what the benchmark's cost model reads. Script
 * code calls the emulated services; the counter says how many cells each call moved, and in
 * which order the calls came.
 */
import { describe, expect, it } from 'vitest';

import { createEmulator } from '../../local/emulator';

function sheetOf() {
  const emulator = createEmulator();
  emulator.workbook.userSetValues('Sheet1', 'A1', [
    ['a', 'b', 'c'],
    [1, 2, 3],
  ]);
  const { SpreadsheetApp } = emulator.globals() as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  };
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1')!;
  emulator.calls.reset();
  return { emulator, sheet };
}

describe('cells moved by Sheet and Range calls', () => {
  it('counts the grid a getter returns and the grid a setter is given', () => {
    const { emulator, sheet } = sheetOf();
    const range = sheet.getRange(1, 1, 2, 3);
    range.getValues();
    range.getNotes();
    range.getBackgrounds();
    range.setNotes([
      ['x', '', ''],
      ['', '', 'y'],
    ]);
    sheet.getRange(1, 1, 1, 2).setBackgrounds([['#ff0000', null]] as string[][]);
    expect(emulator.calls.cells()).toEqual({ read: 18, written: 8 });
  });

  it('counts one cell for a one-cell getter and for a setter given one value, and a row for appendRow', () => {
    const { emulator, sheet } = sheetOf();
    sheet.getRange('A1').getValue();
    sheet.getRange('A1:C2').getNote();
    // One value filling six cells: it is sent once.
    sheet.getRange('A1:C2').setBackground('#00ff00');
    sheet.getRange('A1:B1').setValue('z');
    sheet.appendRow(['p', 'q', 'r', 's']);
    sheet.getLastRow();
    expect(emulator.calls.cells()).toEqual({ read: 2, written: 6 });
  });

  it('starts again from zero on reset', () => {
    const { emulator, sheet } = sheetOf();
    sheet.getRange(1, 1, 2, 3).getValues();
    emulator.calls.reset();
    expect(emulator.calls.cells()).toEqual({ read: 0, written: 0 });
  });
});

describe('the call log', () => {
  it('records each call in order with its sheet and cells, only while it is on', () => {
    const { emulator, sheet } = sheetOf();
    sheet.getRange(1, 1, 2, 3).getValues();
    const log = emulator.calls.startLog();
    sheet.getParent().getSpreadsheetTimeZone();
    const range = sheet.getRange(1, 1, 1, 3);
    range.setValues([['d', 'e', 'f']]);
    range.getValues();
    emulator.calls.stopLog();
    sheet.getRange(1, 1).getValue();
    const id = sheet.getSheetId();
    expect(
      log.map(({ key, sheet: on, cellsRead, cellsWritten }) => [key, on, cellsRead, cellsWritten]),
    ).toEqual([
      ['Sheet.getParent', id, 0, 0],
      ['Spreadsheet.getSpreadsheetTimeZone', undefined, 0, 0],
      ['Sheet.getRange', id, 0, 0],
      ['Range.setValues', id, 0, 3],
      ['Range.getValues', id, 3, 0],
    ]);
    expect(log.every((call) => call.ms >= 0)).toBe(true);
  });
});
