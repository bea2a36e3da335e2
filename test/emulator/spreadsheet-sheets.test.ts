import { describe, expect, it } from 'vitest';

import { CallCounter } from '../../local/emulator/calls';
import { Clock } from '../../local/emulator/clock';
import { createSpreadsheetService } from '../../local/emulator/spreadsheet';

function setup() {
  const calls = new CallCounter();
  const service = createSpreadsheetService({
    calls,
    clock: new Clock(0),
    ui: {} as GoogleAppsScript.Base.Ui,
  });
  const ss = service.SpreadsheetApp.getActiveSpreadsheet();
  return { ...service, calls, ss, sheet: ss.getActiveSheet() };
}

describe('ranges by coordinates and A1 notation', () => {
  it('resolves cells, boxes, whole columns, whole rows and open-ended ranges', () => {
    const { sheet } = setup();
    const box = (a1: string) => {
      const r = sheet.getRange(a1);
      return [r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()];
    };
    expect(box('B3')).toEqual([3, 2, 1, 1]);
    expect(box('C3:A1')).toEqual([1, 1, 3, 3]);
    expect(box('A:B')).toEqual([1, 1, 1000, 2]);
    expect(box('2:3')).toEqual([2, 1, 2, 26]);
    expect(box('A2:C')).toEqual([2, 1, 999, 3]);
    expect(sheet.getRange('A:B').getA1Notation()).toBe('A:B');
    expect(sheet.getRange(2, 1, 3, 28 - 26).getA1Notation()).toBe('A2:B4');
  });

  it('resolves a sheet-qualified reference on the spreadsheet', () => {
    const { ss } = setup();
    ss.insertSheet('My Deals');
    const range = ss.getRange("'My Deals'!B2:C3");
    expect([range.getSheet().getName(), range.getA1Notation()]).toEqual(['My Deals', 'B2:C3']);
    expect(() => ss.getRange('Nope!A1')).toThrow('Range not found');
  });

  it("throws Apps Script's errors for invalid coordinates", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('A1:A1001')).toThrow('outside the dimensions');
  });

  it('offset and getCell navigate relative to the range', () => {
    const { sheet } = setup();
    const range = sheet.getRange('B2:D4');
    expect(range.offset(1, 1).getA1Notation()).toBe('C3:E5');
    expect(range.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(range.getCell(2, 3).getA1Notation()).toBe('D3');
  });
});

describe('sheets', () => {
  it('reports the last row and column with content, 0 on an empty sheet', () => {
    const { sheet } = setup();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange('C5').setValue('x');
    sheet.getRange('A2').setNote('notes are not content');
    sheet.getRange('Z9').setBackground('#eeeeee');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
  });

  it("refuses a duplicate sheet name with Apps Script's message", () => {
    const { ss, sheet } = setup();
    ss.insertSheet('Deals');
    expect(() => ss.insertSheet('deals')).toThrow(
      'A sheet with the name "deals" already exists. Please enter another name.',
    );
    expect(() => sheet.setName('Deals')).toThrow(
      'A sheet with the name "Deals" already exists. Please enter another name.',
    );
  });

  it('inserts sheets at a 0-based index, makes them active and gives stable distinct ids', () => {
    const { ss, sheet } = setup();
    const settings = ss.insertSheet('Settings', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Settings', 'Sheet1']);
    expect(ss.getActiveSheet().getName()).toBe('Settings');
    expect(settings.getIndex()).toBe(1);
    expect(settings.getSheetId()).not.toBe(sheet.getSheetId());
    expect(ss.getSheetById(settings.getSheetId())?.getName()).toBe('Settings');
    ss.deleteSheet(settings);
    expect(ss.getSheetByName('Settings')).toBeNull();
    expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
  });

  it('appendRow writes after the last row and grows a full sheet', () => {
    const { sheet } = setup();
    sheet.getRange('A1000').setValue('last');
    sheet.appendRow(['new', 5]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange('A1001:B1001').getValues()).toEqual([['new', 5]]);
  });

  it('deleting rows carries notes, backgrounds and validation with the rows below', () => {
    const { sheet, SpreadsheetApp } = setup();
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(['Open', 'Won']).build();
    sheet.getRange('A3').setValue('keep').setNote('n3').setBackground('#123456').setDataValidation(rule);
    sheet.deleteRows(1, 2);
    const moved = sheet.getRange('A1');
    expect([moved.getValue(), moved.getNote(), moved.getBackground()]).toEqual(['keep', 'n3', '#123456']);
    expect(moved.getDataValidation()?.getCriteriaValues()).toEqual([['Open', 'Won'], true]);
    expect(sheet.getMaxRows()).toBe(998);
  });

  it('inserting rows and columns moves cells and protections along', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('a');
    const protection = sheet.getRange('A1:B1').protect();
    sheet.insertRowsBefore(1, 2);
    sheet.insertColumnAfter(1);
    expect(sheet.getRange('A3').getValue()).toBe('a');
    expect(protection.getRange().getA1Notation()).toBe('A3:C3');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1002, 27]);
  });

  it('refuses to delete every non-frozen row', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    expect(() => sheet.deleteRows(2, 1000)).toThrow('Those rows are out of bounds.');
  });

  it('records frozen rows, column widths, tab color and hidden state', () => {
    const { sheet, ss } = setup();
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 240);
    sheet.setTabColor('#FF0000');
    expect([sheet.getFrozenRows(), sheet.getColumnWidth(2), sheet.getColumnWidth(3)]).toEqual([1, 240, 100]);
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    ss.insertSheet('Other');
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
  });
});

describe('copying', () => {
  it('copyTo copies values, formulas, notes and formats to the destination corner', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['x', '=A1']]);
    sheet.getRange('A1').setNote('n').setBackground('#abcdef');
    sheet.getRange('A1:B1').copyTo(sheet.getRange('D5'));
    expect([
      sheet.getRange('D5').getValue(),
      sheet.getRange('E5').getFormula(),
      sheet.getRange('D5').getNote(),
    ]).toEqual(['x', '=A1', 'n']);
    expect(sheet.getRange('D5').getBackground()).toBe('#abcdef');
  });

  it('copyTo with formatOnly leaves the destination values alone', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('src').setBackground('#111111');
    sheet.getRange('B1').setValue('dst');
    sheet.getRange('A1').copyTo(sheet.getRange('B1'), { formatOnly: true });
    expect([sheet.getRange('B1').getValue(), sheet.getRange('B1').getBackground()]).toEqual([
      'dst',
      '#111111',
    ]);
  });
});

describe('sorting', () => {
  it('sorting carries notes and formats with their rows', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B3');
    range.setValues([
      ['c', 3],
      ['a', 1],
      ['b', 2],
    ]);
    range.setNotes([
      ['note c', ''],
      ['note a', ''],
      ['note b', ''],
    ]);
    sheet.getRange('B2').setBackground('#00ff00');
    range.sort(2);
    expect(range.getValues()).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(range.getNotes().map((r) => r[0])).toEqual(['note a', 'note b', 'note c']);
    expect(sheet.getRange('B1').getBackground()).toBe('#00ff00');
  });

  it('sorts descending by a spec, puts numbers before text and empties last', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:A5');
    range.setValues([['b'], [''], [10], ['A'], [2]]);
    range.sort({ column: 1, ascending: false });
    expect(range.getValues().flat()).toEqual(['b', 'A', 10, 2, '']);
    range.sort([{ column: 1, ascending: true }]);
    expect(range.getValues().flat()).toEqual([2, 10, 'A', 'b', '']);
    expect(() => range.sort(3)).toThrow(/outside the range/);
  });

  it('Sheet.sort keeps the frozen header in place and moves whole rows', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B4').setValues([
      ['Name', 'Value'],
      ['z', 1],
      ['x', 3],
      ['y', 2],
    ]);
    sheet.getRange('Z3').setNote('with x');
    sheet.setFrozenRows(1);
    sheet.sort(2, false);
    expect(sheet.getRange('A1:A4').getValues().flat()).toEqual(['Name', 'x', 'y', 'z']);
    expect(sheet.getRange('Z2').getNote()).toBe('with x');
  });
});

describe('data validation', () => {
  it('builds list, range, number, date, email and checkbox rules and reads them back', () => {
    const { sheet, SpreadsheetApp } = setup();
    const b = () => SpreadsheetApp.newDataValidation();
    const after = new Date('2026-01-01T00:00:00Z');
    const rules = [
      b().requireValueInList(['A', 'B'], false).setAllowInvalid(false).setHelpText('Pick one').build(),
      b().requireValueInRange(sheet.getRange('Z1:Z5')).build(),
      b().requireNumberBetween(0, 1).build(),
      b().requireNumberGreaterThanOrEqualTo(0).build(),
      b().requireDateAfter(after).build(),
      b().requireTextIsEmail().build(),
      b().requireCheckbox().build(),
    ];
    sheet.getRange('A1:G1').setDataValidations([rules]);
    const read = sheet.getRange('A1:G1').getDataValidations()[0]!;
    expect(read.map((r) => r?.getCriteriaType())).toEqual([
      SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST,
      'VALUE_IN_RANGE',
      'NUMBER_BETWEEN',
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      'DATE_AFTER',
      'TEXT_IS_VALID_EMAIL',
      'CHECKBOX',
    ]);
    expect([read[0]?.getAllowInvalid(), read[0]?.getHelpText(), read[2]?.getAllowInvalid()]).toEqual([
      false,
      'Pick one',
      true,
    ]);
    expect(read[0]?.getCriteriaValues()).toEqual([['A', 'B'], false]);
    expect((read[1]?.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe(
      'Z1:Z5',
    );
    expect(read[4]?.getCriteriaValues()).toEqual([after]);
  });

  it('a built rule does not change when its builder does', () => {
    const { sheet, SpreadsheetApp } = setup();
    const builder = SpreadsheetApp.newDataValidation().requireValueInList(['A']);
    sheet.getRange('A1').setDataValidation(builder.build());
    builder.requireValueInList(['B']);
    expect(sheet.getRange('A1').getDataValidation()?.getCriteriaValues()).toEqual([['A'], true]);
    expect(sheet.getRange('A1').getDataValidation()?.copy().getCriteriaValues()).toEqual([['A'], true]);
  });

  it('does not enforce rules on script writes, and clears them', () => {
    const { sheet, SpreadsheetApp } = setup();
    const range = sheet.getRange('A1');
    range.setDataValidation(
      SpreadsheetApp.newDataValidation().requireValueInList(['A']).setAllowInvalid(false).build(),
    );
    range.setValue('not in list');
    expect(range.getValue()).toBe('not in list');
    range.clearDataValidations();
    expect(range.getDataValidation()).toBeNull();
  });
});

describe('protections', () => {
  it('records sheet and range protections with editors, description and warning mode', () => {
    const { sheet, ss, SpreadsheetApp } = setup();
    const sheetProtection = sheet.protect().setDescription('Settings').setWarningOnly(true);
    expect(sheet.protect().getDescription()).toBe('Settings');
    const rangeProtection = sheet
      .getRange('A1:C1')
      .protect()
      .addEditors(['a@x.com', 'b@x.com'])
      .removeEditors(['a@x.com']);
    expect(rangeProtection.getEditors().map((u) => u.getEmail())).toEqual(['b@x.com']);
    expect(sheetProtection.isWarningOnly()).toBe(true);
    expect(sheetProtection.getProtectionType()).toBe(SpreadsheetApp.ProtectionType.SHEET);
    expect(
      ss.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getRange().getA1Notation()),
    ).toEqual(['A1:C1']);
    rangeProtection.remove();
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)).toEqual([]);
    expect(sheetProtection.canEdit()).toBe(true);
  });
});

describe('charts', () => {
  it('builds, inserts, updates and removes an embedded chart', () => {
    const { sheet, Charts } = setup();
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.PIE)
      .addRange(sheet.getRange('A1:B5'))
      .setPosition(2, 5, 10, 20)
      .setOption('title', 'Pipeline by stage')
      .setNumHeaders(1)
      .build();
    sheet.insertChart(chart);
    const [inserted] = sheet.getCharts();
    expect(inserted?.getChartId()).toBeGreaterThan(0);
    expect(inserted?.getOptions().get('title')).toBe('Pipeline by stage');
    expect(inserted?.getContainerInfo().getAnchorColumn()).toBe(5);
    expect(inserted?.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B5']);
    const updated = inserted!.modify().asColumnChart().setOption('title', 'By month').build();
    sheet.updateChart(updated);
    expect(sheet.getCharts().map((c) => [c.getType(), c.getOptions().get('title'), c.getChartId()])).toEqual([
      ['COLUMN', 'By month', inserted?.getChartId()],
    ]);
    sheet.insertRowsBefore(1, 3);
    expect(sheet.getCharts()[0]?.getContainerInfo().getAnchorRow()).toBe(5);
    expect(sheet.getCharts()[0]?.getRanges()[0]?.getA1Notation()).toBe('A4:B8');
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(sheet.getCharts()).toEqual([]);
  });
});
