import vm from 'node:vm';

import { describe, expect, it } from 'vitest';

import { CallCounter } from '../../local/emulator/calls';
import { Clock } from '../../local/emulator/clock';
import { createSpreadsheetService, Workbook } from '../../local/emulator/spreadsheet';

const ui = { alert: () => undefined } as unknown as GoogleAppsScript.Base.Ui;

function setup(options: { workbook?: Workbook; dateClass?: DateConstructor } = {}) {
  const calls = new CallCounter();
  const clock = new Clock(Date.parse('2026-03-01T12:00:00Z'));
  const service = createSpreadsheetService({ calls, clock, ui, ...options });
  return { ...service, calls, clock };
}

describe('call counting', () => {
  it('counts Range.getValues once per call and not the internal work', () => {
    const { SpreadsheetApp, calls } = setup();
    const range = SpreadsheetApp.getActiveSheet().getRange('A1:C3');
    range.getValues();
    range.getValues();
    expect(calls.count('Range.getValues')).toBe(2);
    expect(calls.snapshot()).toEqual({
      'Range.getValues': 2,
      'Sheet.getRange': 1,
      'SpreadsheetApp.getActiveSheet': 1,
    });
  });

  it('counts each call of a builder chain and returns the tracked object', () => {
    const { SpreadsheetApp, calls } = setup();
    const range = SpreadsheetApp.getActiveSheet().getRange('A1');
    range.setValue(1).setBackground('#000000').setNote('n');
    expect(calls.count('Range')).toBe(3);
    SpreadsheetApp.newDataValidation().requireCheckbox().setAllowInvalid(false).build();
    expect(calls.count('DataValidationBuilder')).toBe(3);
  });

  it('reads the workbook from the host side without counting', () => {
    const { workbook, calls } = setup();
    workbook.userSetValues('Sheet1', 'A1', [['x', 1]]);
    expect(workbook.values('Sheet1')).toEqual([['x', 1]]);
    expect(calls.total()).toBe(0);
  });
});

describe('the active spreadsheet, sheet and range', () => {
  it('follows Sheet.activate, setActiveSheet and Range.activate', () => {
    const { SpreadsheetApp } = setup();
    const ss = SpreadsheetApp.getActive();
    const deals = ss.insertSheet('Deals');
    ss.getSheetByName('Sheet1')?.activate();
    expect(SpreadsheetApp.getActiveSheet().getName()).toBe('Sheet1');
    expect(SpreadsheetApp.getActiveRange().getA1Notation()).toBe('A1');
    deals.getRange('B2:C3').activate();
    expect(SpreadsheetApp.getActiveSheet().getName()).toBe('Deals');
    expect(SpreadsheetApp.getActiveRange().getA1Notation()).toBe('B2:C3');
    expect(SpreadsheetApp.getCurrentCell().getA1Notation()).toBe('B2');
    SpreadsheetApp.setActiveSheet(ss.getSheetByName('Sheet1')!);
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
    expect(ss.getActiveRange().getA1Notation()).toBe('A1');
  });

  it('returns the ui it was given and reports the spreadsheet identity', () => {
    const { SpreadsheetApp } = setup();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    expect(SpreadsheetApp.getUi()).toBe(ui);
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect([ss.getSpreadsheetTimeZone(), ss.getSpreadsheetLocale()]).toEqual(['America/New_York', 'en_US']);
  });

  it('records toasts with their title, timeout and time', () => {
    const { SpreadsheetApp, workbook, clock } = setup();
    SpreadsheetApp.getActive().toast('Saved 3 deals', 'Deal Pipeline');
    SpreadsheetApp.getActive().toast('Done', undefined, 10);
    expect(workbook.toasts).toEqual([
      { message: 'Saved 3 deals', title: 'Deal Pipeline', timeoutSeconds: 5, at: clock.now() },
      { message: 'Done', title: '', timeoutSeconds: 10, at: clock.now() },
    ]);
  });
});

describe('user edits', () => {
  it('userSetValues parses typed input, selects the range and reports the edit', () => {
    const { workbook, SpreadsheetApp } = setup();
    workbook.userSetValues('Sheet1', 'B2', [['old']]);
    const edit = workbook.userSetValues('Sheet1', 'B2', [['2026-03-05']]);
    expect(edit).toMatchObject({
      sheetName: 'Sheet1',
      a1: 'B2',
      row: 2,
      column: 2,
      numRows: 1,
      numColumns: 1,
      oldValue: 'old',
    });
    expect(edit.value).toEqual(new Date('2026-03-05T05:00:00Z'));
    expect(SpreadsheetApp.getActiveRange().getA1Notation()).toBe('B2');
  });

  it('a paste anchored at one cell covers the pasted block and has no single value', () => {
    const { workbook } = setup();
    const edit = workbook.userSetValues('Sheet1', 'A2', [
      ['a', '1'],
      ['b', '2'],
    ]);
    expect([edit.a1, edit.value, edit.oldValue]).toEqual(['A2:B3', undefined, undefined]);
    expect(workbook.values('Sheet1')).toEqual([
      ['', ''],
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('a paste past the edge of the sheet grows it', () => {
    const { workbook } = setup();
    workbook.userSetValues('Sheet1', 'Z1000', [['a', 'b']]);
    expect([workbook.sheet('Sheet1').maxRows, workbook.sheet('Sheet1').maxColumns]).toEqual([1000, 27]);
    expect(workbook.value('Sheet1', 'AA1000')).toBe('b');
  });

  it('scriptRange hands out a tracked range for an event object', () => {
    const { scriptRange, calls } = setup();
    const range = scriptRange('Sheet1', 'C4');
    expect(range.getA1Notation()).toBe('C4');
    expect(calls.count('Range.getA1Notation')).toBe(1);
  });
});

describe('time zones', () => {
  it('changing the time zone changes how later date text is read', () => {
    const { workbook, SpreadsheetApp } = setup();
    SpreadsheetApp.getActive().setSpreadsheetTimeZone('Europe/Paris');
    workbook.userSetValues('Sheet1', 'A1', [['2026-07-01']]);
    expect(workbook.value('Sheet1', 'A1')).toEqual(new Date('2026-06-30T22:00:00Z'));
    expect(() => workbook.setTimeZone('Mars/Olympus')).toThrow('Invalid time zone');
  });

  it('returns dates of the script realm when given its Date class', () => {
    const realmDate = vm.runInNewContext('Date') as DateConstructor;
    const { SpreadsheetApp } = setup({ dateClass: realmDate });
    const range = SpreadsheetApp.getActiveSheet().getRange('A1');
    range.setValue(new realmDate(0));
    expect(range.getValue()).toBeInstanceOf(realmDate);
    expect((range.getValue() as Date).getTime()).toBe(0);
  });
});

describe('persistence', () => {
  it('toJSON round-trips a workbook', () => {
    const { SpreadsheetApp, workbook, Charts } = setup();
    const ss = SpreadsheetApp.getActive();
    const deals = ss.insertSheet('Deals');
    deals.getRange('A1:C2').setValues([
      ['Name', 'Close', 'Value'],
      ['Acme', new Date('2026-04-01T04:00:00Z'), 1200],
    ]);
    deals.getRange('D2').setFormula('=C2*2');
    deals.getRange('A1').setNote('header').setBackground('#cccccc').setFontWeight('bold');
    deals.getRange('C2').setNumberFormat('"$"#,##0.00');
    const rule = SpreadsheetApp.newDataValidation().requireValueInRange(deals.getRange('A1:A5')).build();
    deals.getRange('B2:B3').setDataValidation(rule);
    deals.setFrozenRows(1);
    deals.getRange('A1:C1').protect().setDescription('header');
    deals.insertChart(
      deals.newChart().setChartType(Charts.ChartType.BAR).addRange(deals.getRange('A1:C2')).build(),
    );
    ss.toast('hi');

    const json = JSON.parse(JSON.stringify(workbook)) as ReturnType<Workbook['toJSON']>;
    const restored = setup({ workbook: Workbook.fromJSON(json) });
    const copy = restored.SpreadsheetApp.getActive().getSheetByName('Deals')!;
    expect(restored.workbook.toJSON()).toEqual(workbook.toJSON());
    expect(copy.getSheetId()).toBe(deals.getSheetId());
    expect(copy.getRange('A1:C2').getValues()).toEqual(deals.getRange('A1:C2').getValues());
    expect(copy.getRange('C2').getDisplayValue()).toBe('$1,200.00');
    expect(copy.getRange('D2').getFormula()).toBe('=C2*2');
    expect([copy.getRange('A1').getNote(), copy.getFrozenRows()]).toEqual(['header', 1]);
    const validations = copy.getRange('B2:B3').getDataValidations();
    expect(
      (validations[1]![0]!.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation(),
    ).toBe('A1:A5');
    expect(copy.getProtections(restored.SpreadsheetApp.ProtectionType.RANGE)[0]?.getDescription()).toBe(
      'header',
    );
    expect(copy.getCharts()[0]?.getType()).toBe('BAR');
    expect(restored.workbook.toasts.map((t) => t.message)).toEqual(['hi']);
  });
});

describe('performance', () => {
  it('writes and reads 50,000 rows x 20 columns in one call each, well under 500 ms', () => {
    const { SpreadsheetApp } = setup();
    const sheet = SpreadsheetApp.getActiveSheet();
    sheet.insertRowsAfter(1000, 49_000);
    const base = Date.parse('2026-01-01T05:00:00Z');
    const rows = Array.from({ length: 50_000 }, (_, i) =>
      Array.from({ length: 20 }, (_, c) =>
        c === 0 ? `Deal ${i}` : c === 1 ? new Date(base + i * 1000) : c % 3 === 0 ? 'Prospecting' : i * c,
      ),
    );
    const range = sheet.getRange(1, 1, 50_000, 20);
    const t0 = performance.now();
    range.setValues(rows);
    const t1 = performance.now();
    const read = range.getValues();
    const t2 = performance.now();
    expect(read.length).toBe(50_000);
    expect([read[0], read[31_337], read[49_999]]).toEqual([rows[0], rows[31_337], rows[49_999]]);
    expect(read[7]).not.toBe(rows[7]);
    expect(t1 - t0).toBeLessThan(500);
    expect(t2 - t1).toBeLessThan(500);
  });
});
