import { describe, expect, it } from 'vitest';

import { CallCounter } from '../../local/emulator/calls';
import { Clock } from '../../local/emulator/clock';
import { createSpreadsheetService, Workbook } from '../../local/emulator/spreadsheet';

function setup(timeZone = 'America/New_York') {
  const calls = new CallCounter();
  const service = createSpreadsheetService({
    calls,
    clock: new Clock(0),
    ui: {} as GoogleAppsScript.Base.Ui,
    timeZone,
  });
  const sheet = service.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  return { ...service, calls, sheet };
}

describe('reading and writing values', () => {
  it('reads empty cells as empty strings', () => {
    const { sheet } = setup();
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('round-trips strings, numbers, booleans and dates', () => {
    const { sheet } = setup();
    const when = new Date('2026-03-01T15:00:00Z');
    sheet.getRange(1, 1, 1, 4).setValues([['Acme', 12.5, true, when]]);
    const [row] = sheet.getRange('A1:D1').getValues();
    expect(row).toEqual(['Acme', 12.5, true, when]);
  });

  it('getValues returns copies that do not change the sheet', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['x', new Date(0)]]);
    const values = sheet.getRange('A1:B1').getValues();
    values[0]![0] = 'changed';
    (values[0]![1] as Date).setTime(999);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['x', new Date(0)]]);
  });

  it('setValues stores a copy of a written date', () => {
    const { sheet } = setup();
    const d = new Date(0);
    sheet.getRange('A1').setValue(d);
    d.setTime(5000);
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(0);
  });

  it("setValues with too few rows throws Apps Script's message", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B3').setValues([['a', 'b']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
  });

  it("setValues with too many columns throws Apps Script's message", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B1').setValues([['a', 'b', 'c']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  it('setValues rejects undefined and objects and leaves the range untouched', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B1').setValues([['ok', undefined]])).toThrow(/undefined/);
    expect(() => sheet.getRange('A1').setValue({ a: 1 })).toThrow(/Object/);
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  it('writing null empties a cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('x');
    sheet.getRange('A1').setValues([[null]]);
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getLastRow()).toBe(0);
  });

  it('setValue writes the value to every cell of the range', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue(7);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });
});

describe('typed-input parsing of written strings', () => {
  it('turns numeric text, percents and TRUE/FALSE into numbers and booleans', () => {
    const { sheet } = setup();
    sheet.getRange('A1:E1').setValues([['12', '1,234.5', '25%', 'TRUE', 'false']]);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([[12, 1234.5, 0.25, true, false]]);
    expect(sheet.getRange('C1').getNumberFormat()).toBe('0%');
  });

  it('a leading apostrophe keeps numeric text as text', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue("'00123");
    expect(sheet.getRange('A1').getValue()).toBe('00123');
  });

  it('the plain text format @ keeps numeric and date text as text', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1').setNumberFormat('@');
    range.setValues([['42', '2026-03-01']]);
    expect(range.getValues()).toEqual([['42', '2026-03-01']]);
  });

  it('date text becomes a Date at midnight in the spreadsheet time zone', () => {
    const { sheet } = setup('America/Los_Angeles');
    sheet.getRange('A1:B1').setValues([['2026-03-01', '3/15/2026']]);
    const [[iso, us]] = sheet.getRange('A1:B1').getValues() as Date[][] as [[Date, Date]];
    expect(iso.toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(us.toISOString()).toBe('2026-03-15T07:00:00.000Z');
  });

  it('an impossible date stays text', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('2026-02-30');
    expect(sheet.getRange('A1').getValue()).toBe('2026-02-30');
  });

  it('ordinary text is kept as written', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['Acme Corp', 'True story', '12 Main St']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['Acme Corp', 'True story', '12 Main St']]);
  });
});

describe('formulas', () => {
  it('a string starting with = becomes a formula that reads as an empty value', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=SUM(B1:B3)');
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(B1:B3)');
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getLastRow()).toBe(1);
  });

  it('text starting with +, - or @ that is not a number becomes a formula, as in Sheets', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:C1');
    range.setValues([["+cmd|' /C calc'!A0", '-2+3', '@SUM(A1)']]);
    expect(range.getFormulas()).toEqual([["=+cmd|' /C calc'!A0", '=-2+3', '=@SUM(A1)']]);
    expect(range.getValues()).toEqual([['', '', '']]);
    sheet.getRange('D1').setValue('- Lead');
    expect(sheet.getRange('D1').getFormula()).toBe('=- Lead');
  });

  it('signed numbers stay numbers, and a lone sign stays text', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:F1');
    range.setValues([['-5', '+3.5', '-1,000', '-', '+', '@']]);
    expect(range.getValues()).toEqual([[-5, 3.5, -1000, '-', '+', '@']]);
    expect(range.getFormulas()).toEqual([['', '', '', '', '', '']]);
  });

  it('a leading apostrophe keeps formula-like text as text', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:D1');
    range.setValues([["'=x", "'+cmd", "'-2+3", "'@SUM(A1)"]]);
    expect(range.getValues()).toEqual([['=x', '+cmd', '-2+3', '@SUM(A1)']]);
    expect(range.getFormulas()).toEqual([['', '', '', '']]);
  });

  it('the plain text format @ keeps formula-like text as text', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1').setNumberFormat('@');
    range.setValues([['=x', '-2+3']]);
    expect(range.getValues()).toEqual([['=x', '-2+3']]);
    expect(range.getFormulas()).toEqual([['', '']]);
  });

  it('the workbook lists the formulas parsed from text script code wrote, and only those', () => {
    const { sheet, workbook } = setup();
    sheet.getRange('A1:B1').setValues([['=IMPORTXML("http://x","//a")', 'Acme']]);
    sheet.getRange('A2').setValue('@SUM(A1)');
    sheet.appendRow(['x', '-2+3']);
    sheet.getRange('C1').setFormula('=A1');
    workbook.userSetValues('Sheet1', 'D1', [['=B1']]);
    expect(workbook.scriptTextFormulas()).toEqual([
      { sheet: 'Sheet1', a1: 'A1', formula: '=IMPORTXML("http://x","//a")' },
      { sheet: 'Sheet1', a1: 'A2', formula: '=@SUM(A1)' },
      { sheet: 'Sheet1', a1: 'B3', formula: '=-2+3' },
    ]);
  });

  it('a formula parsed from script text is no longer listed once replaced or cleared', () => {
    const { sheet, workbook } = setup();
    sheet.getRange('A1:C1').setValues([['=1', '=2', '=3']]);
    sheet.getRange('A1').setValue('plain');
    sheet.getRange('B1').setFormula('=B2');
    sheet.getRange('C1').clearContent();
    expect(workbook.scriptTextFormulas()).toEqual([]);
  });

  it('a formula parsed from script text keeps its mark when cells move and in the save file', () => {
    const { sheet, workbook } = setup();
    sheet.getRange('B1').setValue('=A1');
    sheet.insertRowsBefore(1, 2);
    sheet.insertColumnsBefore(1, 1);
    const moved = [{ sheet: 'Sheet1', a1: 'C3', formula: '=A1' }];
    expect(workbook.scriptTextFormulas()).toEqual(moved);
    expect(Workbook.fromJSON(JSON.stringify(workbook)).scriptTextFormulas()).toEqual(moved);
  });

  it('setFormulas and getFormulas round-trip and a value replaces a formula', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1');
    range.setFormulas([['=1+1', '=B2']]);
    expect(range.getFormulas()).toEqual([['=1+1', '=B2']]);
    sheet.getRange('A1').setValue(3);
    expect(range.getFormulas()).toEqual([['', '=B2']]);
    expect(range.getValues()).toEqual([[3, '']]);
  });
});

describe('display values', () => {
  it('formats currency, percents, grouped numbers and fixed decimals', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:F1');
    range.setValues([[1234.5, 1234.5, 1234.5, 0.256, 1234567, -42]]);
    range.setNumberFormats([['"$"#,##0.00', '[$$]#,##0.00', '#,##0.00 "EUR"', '0.0%', '#,##0', '0.00']]);
    expect(range.getDisplayValues()).toEqual([
      ['$1,234.50', '$1,234.50', '1,234.50 EUR', '25.6%', '1,234,567', '-42.00'],
    ]);
  });

  it('puts the minus sign before a currency prefix and uses a negative section when given', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:C1');
    range.setValues([[-1234.5, -5, 0]]);
    range.setNumberFormats([['"$"#,##0.00', '0;(0)', '#,##0.00']]);
    expect(range.getDisplayValues()).toEqual([['-$1,234.50', '(5)', '0.00']]);
  });

  it('shows dates through date patterns in the spreadsheet time zone', () => {
    const { sheet } = setup('Asia/Tokyo');
    const range = sheet.getRange('A1:D1');
    const d = new Date('2026-03-01T20:30:00Z'); // 2026-03-02 05:30 in Tokyo
    range.setValues([[d, d, d, d]]);
    range.setNumberFormats([['yyyy-mm-dd', 'yyyy-mm-dd hh:mm', 'mmm d, yyyy', 'General']]);
    expect(range.getDisplayValues()).toEqual([
      ['2026-03-02', '2026-03-02 05:30', 'Mar 2, 2026', '2026-03-02 05:30:00'],
    ]);
  });

  it('shows untouched numbers, booleans and formulas plainly', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[0.1 + 0.2, true, '=A1']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['0.3', 'TRUE', '']]);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
  });
});

describe('formats and notes', () => {
  it('reads defaults for untouched cells', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1');
    expect([range.getBackground(), range.getFontWeight(), range.getNote(), range.getWrap()]).toEqual([
      '#ffffff',
      'normal',
      '',
      false,
    ]);
  });

  it('stores backgrounds, font weights, colors and notes per cell', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1');
    range
      .setBackgrounds([['#FF0000', 'red']])
      .setFontWeights([['bold', null]])
      .setNotes([['first', '']]);
    range.setFontColor('Blue');
    expect(range.getBackgrounds()).toEqual([['#ff0000', '#ff0000']]);
    expect(range.getFontWeights()).toEqual([['bold', 'normal']]);
    expect(range.getFontColors()).toEqual([['#0000ff', '#0000ff']]);
    expect(range.getNotes()).toEqual([['first', '']]);
    range.setBackground(null);
    expect(range.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
  });

  it('clear removes values, formats, notes and validation; clearContent keeps formats', () => {
    const { sheet, SpreadsheetApp } = setup();
    const range = sheet.getRange('A1');
    const rule = SpreadsheetApp.newDataValidation().requireCheckbox().build();
    range.setValue(1).setBackground('#00ff00').setNote('n').setDataValidation(rule);
    range.clearContent();
    expect([range.getValue(), range.getBackground(), range.getNote()]).toEqual(['', '#00ff00', 'n']);
    range.setValue(1).clear();
    expect([range.getValue(), range.getBackground(), range.getNote(), range.getDataValidation()]).toEqual([
      '',
      '#ffffff',
      '',
      null,
    ]);
  });

  it('clear with formatOnly keeps the value', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1').setValue('x').setBackground('#000000');
    range.clear({ formatOnly: true });
    expect([range.getValue(), range.getBackground()]).toEqual(['x', '#ffffff']);
  });
});
