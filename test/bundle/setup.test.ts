import { describe, expect, it } from 'vitest';

import { DEAL_FIELDS } from '../../src/core/columns';
import type { Addon } from './harness';
import { startAddon, typeSheet } from './harness';

const DEAL_HEADERS = DEAL_FIELDS.map((field) => field.header);
const SHEETS = ['Deals', 'Settings', 'History', 'Summary', 'Reminder Log', 'Forecast History'];

function setUp({ emulator, addon }: Addon) {
  const report = addon.run('setUpSheets') as { created: string[]; repaired: string[] };
  return { report, alert: emulator.host.ui.alerts.at(-1)?.prompt ?? '' };
}

function columnOf(emulator: Addon['emulator'], sheet: string, header: string): number {
  return (emulator.workbook.values(sheet)[0] ?? []).indexOf(header) + 1;
}

describe('Set up sheets on a new spreadsheet', () => {
  it('creates the six sheets, turning the lone empty Sheet1 into Deals', () => {
    const started = startAddon();
    const { report, alert } = setUp(started);
    expect(started.emulator.workbook.sheetNames()).toEqual(SHEETS);
    expect(report.created).toEqual(SHEETS);
    expect(alert).toContain('Created: Deals, Settings, History, Summary, Reminder Log, Forecast History.');
  });

  it('writes every SPEC header in order, bold, with the header row frozen', () => {
    const started = startAddon();
    setUp(started);
    const { workbook, spreadsheet } = started.emulator;
    expect(workbook.values('Deals')[0]).toEqual(DEAL_HEADERS);
    expect(workbook.values('History')[0]).toEqual([
      'Timestamp',
      'ID',
      'Deal',
      'From',
      'To',
      'By',
      'Via',
      'Field',
    ]);
    expect(workbook.values('Reminder Log')[0]).toEqual(['Date', 'Owner', 'Deals', 'Status', 'Detail']);
    for (const name of ['Deals', 'Settings', 'History', 'Reminder Log']) {
      expect(workbook.sheet(name).frozenRows).toBe(1);
    }
    const weights = spreadsheet.scriptRange('Deals', 'A1:R1').getFontWeights()[0];
    expect(new Set(weights)).toEqual(new Set(['bold']));
  });

  it('writes the default stage table at A1 and the options table at I1 of Settings', () => {
    const started = startAddon();
    setUp(started);
    const settings = started.emulator.workbook.values('Settings');
    expect(settings[0]?.slice(0, 7)).toEqual([
      'Stage',
      'Probability',
      'Kind',
      'Forecast Category',
      'Next Stages',
      'Required Fields',
      'Stale After Days',
    ]);
    expect(settings.slice(1, 7).map((row) => [row[0], row[1], row[2], row[3]])).toEqual([
      ['Lead', 0.1, 'open', 'Pipeline'],
      ['Qualified', 0.25, 'open', 'Pipeline'],
      ['Proposal', 0.5, 'open', 'Best Case'],
      ['Negotiation', 0.75, 'open', 'Commit'],
      ['Closed Won', 1, 'won', 'Closed'],
      ['Closed Lost', 0, 'lost', 'Omitted'],
    ]);
    expect(settings[3]?.[4]).toBe('Negotiation, Qualified, Closed Lost');
    expect(settings[6]?.[5]).toBe('Deal, Company, Owner, Lost Reason');
    expect(settings.slice(0, 8).map((row) => [row[8], row[9]])).toEqual([
      ['Option', 'Value'],
      ['Currency', 'USD'],
      ['Reminder Hour', 8],
      ['Reminder Lead Days', 0],
      ['Summary Months', 6],
      ['Quarterly Target', ''],
      ['Fiscal Year Start Month', 1],
      ['Manager Email', ''],
    ]);
    expect(started.emulator.spreadsheet.scriptRange('Settings', 'B3').getDisplayValue()).toBe('25%');
  });

  it('formats Amount as money, Probability as percent, dates as dates, ID and Phone as text', () => {
    const started = startAddon();
    setUp(started);
    const { spreadsheet } = started.emulator;
    const formatOf = (header: string) =>
      spreadsheet
        .scriptSheet('Deals')
        .getRange(2, columnOf(started.emulator, 'Deals', header))
        .getNumberFormat();
    expect(formatOf('Amount')).toBe('[$$]#,##0.00');
    expect(formatOf('Probability')).toBe('0%');
    expect(formatOf('Close Date')).toBe('yyyy-mm-dd');
    expect(formatOf('Follow-up')).toBe('yyyy-mm-dd');
    expect(formatOf('Stage Since')).toBe('yyyy-mm-dd hh:mm');
    expect(formatOf('ID')).toBe('@');
    expect(formatOf('Phone')).toBe('@');
  });

  it('gives Stage a dropdown of the Settings stage column that rejects anything else', () => {
    const started = startAddon();
    setUp(started);
    const stage = columnOf(started.emulator, 'Deals', 'Stage');
    const rule = started.emulator.spreadsheet.scriptSheet('Deals').getRange(500, stage).getDataValidation();
    expect(rule?.getCriteriaType()).toBe('VALUE_IN_RANGE');
    const [range, showDropdown] = rule!.getCriteriaValues() as [GoogleAppsScript.Spreadsheet.Range, boolean];
    expect(range.getSheet().getName()).toBe('Settings');
    expect(range.getA1Notation()).toBe('A2:A1000');
    expect(showDropdown).toBe(true);
    expect(rule!.getAllowInvalid()).toBe(false);
  });

  it('protects History, Summary and Reminder Log with a warning only', () => {
    const started = startAddon();
    setUp(started);
    for (const name of ['History', 'Summary', 'Reminder Log']) {
      const protections = started.emulator.workbook.sheet(name).protections;
      expect(protections).toHaveLength(1);
      expect(protections[0]).toMatchObject({ warningOnly: true });
    }
    // Deals itself stays open; only the columns the add-on fills ask first.
    const deals = started.emulator.workbook.sheet('Deals').protections;
    expect(
      deals.map((p) => [p.type, p.warningOnly, p.description, p.range?.column, p.range?.numColumns]),
    ).toEqual([
      ['RANGE', true, 'Deal Pipeline fills this column: ID', 1, 1],
      ['RANGE', true, 'Deal Pipeline fills this column: Created', 15, 1],
      ['RANGE', true, 'Deal Pipeline fills this column: Stage Since', 16, 1],
    ]);
    setUp(started);
    expect(started.emulator.workbook.sheet('Deals').protections).toHaveLength(3);
  });
});

describe('Set up sheets on a spreadsheet that already has deals', () => {
  const existing = [
    ['Region', 'Company', 'Deal', 'Stage', 'Amount', 'Owner', 'Close Date'],
    ['West', 'Northwind', 'Scanners', 'Proposal', 48000, 'ana@team.example', '2026-12-18'],
    ['East', 'Contoso', 'POS refresh', 'Lead', 23500, 'ben@team.example', ''],
    ['', '', '', '', '', '', ''],
    ['EMEA', 'Litware', 'AV', 'Closed Won', 12750, 'ana@team.example', '2026-11-10'],
  ];

  function startWithDeals(): Addon {
    const started = startAddon();
    started.emulator.workbook.renameSheet(started.emulator.workbook.sheet('Sheet1'), 'Deals');
    typeSheet(started.emulator, 'Deals', existing);
    return started;
  }

  it('keeps every value and column where it was and adds the missing headers at the end', () => {
    const started = startWithDeals();
    const before = started.emulator.workbook.values('Deals');
    const { report } = setUp(started);
    const after = started.emulator.workbook.values('Deals');
    expect(after.map((row) => row.slice(0, 7))).toEqual(before);
    const added = DEAL_HEADERS.filter((header) => !existing[0]!.includes(header));
    expect(after[0]?.slice(7)).toEqual(added);
    const owned = new Set(['ID', 'Created', 'Stage Since']);
    const userColumns = added
      .map((header, i) => [header, 7 + i] as const)
      .filter(([header]) => !owned.has(header));
    for (const row of after.slice(1)) for (const [, column] of userColumns) expect(row[column]).toBe('');
    expect(report.created).not.toContain('Deals');
    expect(report.repaired).toContain(`Deals: added the columns ${added.join(', ')}`);
  });

  it('adopts the deals already there: IDs, Created, their stage recorded in History', () => {
    const started = startWithDeals();
    const { report } = setUp(started);
    const values = started.emulator.workbook.values('Deals');
    const id = values[0]!.indexOf('ID');
    expect(values.slice(1).map((row) => row[id])).toEqual(['D-0001', 'D-0002', '', 'D-0003']);
    expect(report.repaired).toContain('Deals: gave 3 deals an ID');
    expect(
      started.emulator.workbook
        .values('History')
        .slice(1)
        .map((row) => row.slice(1, 5).concat(row[6]!)),
    ).toEqual([
      ['D-0001', 'Scanners', '', 'Proposal', 'setup'],
      ['D-0002', 'POS refresh', '', 'Lead', 'setup'],
      ['D-0003', 'AV', '', 'Closed Won', 'setup'],
    ]);
  });

  it('finds columns by trimmed, case-insensitive header: a renamed-case header is not added twice', () => {
    const started = startAddon();
    started.emulator.workbook.renameSheet(started.emulator.workbook.sheet('Sheet1'), 'Deals');
    typeSheet(started.emulator, 'Deals', [
      ['  deal ', 'COMPANY', 'stage'],
      ['A', 'B', 'Lead'],
    ]);
    setUp(started);
    const headers = started.emulator.workbook.values('Deals')[0]!;
    expect(headers.slice(0, 3)).toEqual(['  deal ', 'COMPANY', 'stage']);
    expect(headers.filter((h) => String(h).trim().toLowerCase() === 'deal')).toHaveLength(1);
    expect(headers).toHaveLength(DEAL_HEADERS.length);
  });

  it("keeps a team's own number format on an existing column", () => {
    const started = startWithDeals();
    const amount = started.emulator.spreadsheet.scriptSheet('Deals').getRange('E2:E1000');
    amount.setNumberFormat('#,##0');
    setUp(started);
    expect(started.emulator.spreadsheet.scriptRange('Deals', 'E2').getDisplayValue()).toBe('48,000');
  });

  it('keeps edited settings and a team option of its own, adding only the missing options', () => {
    const started = startWithDeals();
    typeSheet(started.emulator, 'Settings', [
      [
        'Stage',
        'Probability',
        'Kind',
        'Forecast Category',
        'Next Stages',
        'Required Fields',
        'Stale After Days',
        '',
        'Option',
        'Value',
      ],
      ['Discovery', 0.2, 'open', 'Pipeline', '*', 'Deal', 7, '', 'Currency', 'EUR'],
      ['Won', 1, 'won', 'Closed', '', 'Deal', '', '', 'Team', 'North'],
      ['Lost', 0, 'lost', 'Omitted', 'Discovery', 'Deal', '', '', '', ''],
    ]);
    const { report } = setUp(started);
    const settings = started.emulator.workbook.values('Settings');
    expect(settings.slice(0, 4).map((row) => row.slice(0, 7))).toEqual([
      [
        'Stage',
        'Probability',
        'Kind',
        'Forecast Category',
        'Next Stages',
        'Required Fields',
        'Stale After Days',
      ],
      ['Discovery', 0.2, 'open', 'Pipeline', '*', 'Deal', 7],
      ['Won', 1, 'won', 'Closed', '', 'Deal', ''],
      ['Lost', 0, 'lost', 'Omitted', 'Discovery', 'Deal', ''],
    ]);
    const options = settings.map((row) => [row[8], row[9]]).filter(([name]) => name !== '');
    expect(options).toEqual([
      ['Option', 'Value'],
      ['Currency', 'EUR'],
      ['Team', 'North'],
      ['Reminder Hour', 8],
      ['Reminder Lead Days', 0],
      ['Summary Months', 6],
      ['Quarterly Target', ''],
      ['Fiscal Year Start Month', 1],
      ['Manager Email', ''],
      ['Snapshot Day', 'Monday'],
    ]);
    expect(report.repaired.some((line) => line.startsWith('Settings: added the options Reminder Hour'))).toBe(
      true,
    );
    expect(started.emulator.spreadsheet.scriptRange('Deals', 'E2').getDisplayValue()).toBe('€48,000.00');
  });

  it('never overwrites a cell in the way of the options it would add', () => {
    const started = startWithDeals();
    typeSheet(started.emulator, 'Settings', [
      ['Stage', 'Probability', 'Kind', '', '', '', '', '', 'Option', 'Value'],
      ['Lead', 0.1, 'open', '', '', '', '', '', 'Currency', 'USD'],
      ['', '', '', '', '', '', '', '', '', 'a note of ours'],
    ]);
    setUp(started);
    expect(started.emulator.workbook.value('Settings', 'J3')).toBe('a note of ours');
    expect(started.emulator.workbook.value('Settings', 'I3')).toBe('');
  });

  it('is idempotent: a second run changes nothing and says so', () => {
    const started = startWithDeals();
    setUp(started);
    const snapshot = JSON.stringify(started.emulator.workbook.toJSON().sheets);
    const { report, alert } = setUp(started);
    expect(report).toEqual({ created: [], repaired: [] });
    expect(alert).toContain('Every sheet was already set up; nothing changed.');
    expect(JSON.stringify(started.emulator.workbook.toJSON().sheets)).toBe(snapshot);
  });

  it('brings back a deleted sheet without touching the others', () => {
    const started = startWithDeals();
    setUp(started);
    const deals = started.emulator.workbook.values('Deals');
    started.emulator.workbook.removeSheet(started.emulator.workbook.sheet('History'));
    const { report } = setUp(started);
    expect(report.created).toEqual(['History']);
    expect(started.emulator.workbook.values('Deals')).toEqual(deals);
  });

  it('costs the same number of spreadsheet calls for 10 deals as for 5,000', () => {
    const callsFor = (count: number) => {
      const started = startAddon();
      started.emulator.workbook.renameSheet(started.emulator.workbook.sheet('Sheet1'), 'Deals');
      const rows = Array.from({ length: count }, (_, i) => [
        'West',
        `Co ${i}`,
        `Deal ${i}`,
        'Lead',
        i,
        'a@b.example',
        '',
      ]);
      typeSheet(started.emulator, 'Deals', [existing[0]!, ...rows]);
      started.emulator.calls.reset();
      setUp(started);
      // History grows once when 5,000 adopted deals run past its last row: one call, not one per deal.
      const { 'Sheet.insertRowsAfter': grew = 0, ...calls } = started.emulator.calls.snapshot();
      expect(grew).toBeLessThanOrEqual(1);
      return calls;
    };
    expect(callsFor(5000)).toEqual(callsFor(10));
  });
});

describe('Set up sheets when something is in the way', () => {
  it('says "try again" when another update holds the document lock, and changes nothing', () => {
    const started = startAddon();
    started.emulator.host.locks.holdElsewhere('document');
    const { report, alert } = setUp(started);
    expect(report).toBeUndefined();
    expect(alert).toBe('Another Deal Pipeline update is running. Please try again in a moment.');
    expect(started.emulator.workbook.sheetNames()).toEqual(['Sheet1']);
  });

  it('warns, without overwriting, when Settings holds something else at A1', () => {
    const started = startAddon();
    typeSheet(started.emulator, 'Settings', [['Our notes', 'keep me']]);
    const { report } = setUp(started);
    expect(started.emulator.workbook.values('Settings')[0]?.slice(0, 2)).toEqual(['Our notes', 'keep me']);
    expect(report.repaired.join('\n')).toContain('cell A1 should read "Stage"');
  });
});
