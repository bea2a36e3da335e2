/**
 * Sheet.getRangeList and RangeList (issue 12): one call puts one colour or note on scattered
 * cells of a sheet, as Apps Script does; the counter sees one call moving one cell a range.
 */
import { describe, expect, it } from 'vitest';

import { createEmulator } from '../../local/emulator';

function sheetOf() {
  const emulator = createEmulator();
  emulator.workbook.userSetValues('Sheet1', 'A1', [
    ['a', 'b', 'c'],
    [1, 2, 3],
    [4, 5, 6],
  ]);
  const { SpreadsheetApp } = emulator.globals() as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  };
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1')!;
  emulator.calls.reset();
  return { emulator, sheet };
}

describe('Sheet.getRangeList', () => {
  it('colours and notes every range of the list in one call, and nothing else', () => {
    const { emulator, sheet } = sheetOf();
    sheet.getRangeList(['A1', 'B2:C3']).setBackground('RED').setNote('look');
    expect(sheet.getRange('A1:C3').getBackgrounds()).toEqual([
      ['#ff0000', '#ffffff', '#ffffff'],
      ['#ffffff', '#ff0000', '#ff0000'],
      ['#ffffff', '#ff0000', '#ff0000'],
    ]);
    expect(sheet.getRange('A1:C3').getNotes()).toEqual([
      ['look', '', ''],
      ['', 'look', 'look'],
      ['', 'look', 'look'],
    ]);
    expect(emulator.calls.count('RangeList.setBackground')).toBe(1);
    expect(emulator.calls.count('Range.setBackground')).toBe(0);
  });

  it('restores the default colour with null and clears notes', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:C1').setBackground('#f4c7c3').setNote('n');
    sheet.getRangeList(['A1', 'C1']).setBackground(null).clearNote();
    expect(sheet.getRange('A1:C1').getBackgrounds()).toEqual([['#ffffff', '#f4c7c3', '#ffffff']]);
    expect(sheet.getRange('A1:C1').getNotes()).toEqual([['', 'n', '']]);
  });

  it('hands back its ranges in order, on the same sheet', () => {
    const { sheet } = sheetOf();
    const ranges = sheet.getRangeList(['C3', 'A1:B2', 'Sheet1!B3']).getRanges();
    expect(ranges.map((r) => r.getA1Notation())).toEqual(['C3', 'A1:B2', 'B3']);
  });

  it('refuses an empty list, another sheet, and a range beyond the sheet', () => {
    const { emulator, sheet } = sheetOf();
    emulator.workbook.addSheet('Other');
    expect(() => sheet.getRangeList([])).toThrow('must not be empty');
    expect(() => sheet.getRangeList(['Other!A1'])).toThrow('Range not found');
    expect(() => sheet.getRangeList(['A1', 'A1:A2000'])).toThrow();
  });

  it('counts one call, moving one cell a range, for the cost model', () => {
    const { emulator, sheet } = sheetOf();
    sheet.getRangeList(['A1', 'B2:C3', 'A3']).setBackground('#fce8b2');
    expect(emulator.calls.cells()).toEqual({ read: 0, written: 3 });
    expect(emulator.calls.total(['RangeList'])).toBe(1);
  });

  it('is refused in a custom function, which may only read', () => {
    const { emulator, sheet } = sheetOf();
    const list = sheet.getRangeList(['A1']);
    expect(() => emulator.within('custom-function', () => list.setBackground('#ff0000'))).toThrow(
      'You do not have permission to call setBackground',
    );
    expect(emulator.within('custom-function', () => list.getRanges().length)).toBe(1);
  });
});
