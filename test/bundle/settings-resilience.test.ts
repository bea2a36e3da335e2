/**
 * The team's rules hold when Settings or Deals columns break: a renamed, deleted or emptied
 * Settings tab keeps the last valid stage table (and Set up sheets writes it back), a renamed
 * Deals column other than ID and Stage never switches the stage rules off, and 150 % is an error
 * at its cell wherever it is typed.
 */
import { describe, expect, it } from 'vitest';

import { cell, col, deal, history, lastToast, rowOf, startWithDeals } from './deals';
import type { Addon } from './harness';
import { startAddon } from './harness';

const ALLOWED = 'must be a percentage from 0 % to 100 % (such as 25% or 0.25)';

/**
 * The team's own table: from Lead a deal may only be lost (the defaults also allow Qualified),
 * and Qualified counts 30 %. Typed into Settings, so onEdit keeps it as the last valid table.
 */
function teamTable(started: Addon): void {
  started.addon.edit('Settings', 'E2', [['Closed Lost']]);
  started.addon.edit('Settings', 'B3', [['30%']]);
  expect(started.emulator.workbook.toasts).toEqual([]);
}

function settingsSheet(started: Addon) {
  return started.emulator.workbook.sheet('Settings');
}

function stageTable(started: Addon): unknown[][] {
  return started.emulator.workbook.values('Settings').map((row) => row.slice(0, 7));
}

describe('a renamed, deleted or emptied Settings tab', () => {
  it("keeps the team's table when the tab is renamed: a move it forbids is put back", () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    teamTable(started);
    started.emulator.workbook.renameSheet(settingsSheet(started), 'Settings (old)');

    started.addon.edit('Deals', `${col('stage')}2`, [['Qualified']]);
    expect(cell(started, 'stage', 2)).toBe('Lead');
    expect(lastToast(started)).toBe(
      'Put back: D-0001 "Deal 1": Lead → Qualified is not allowed. From Lead, allowed: Closed Lost.',
    );
    expect(started.addon.run('STAGE_PROBABILITY', 'Qualified')).toBe(0.3);
  });

  it('says which table applies, and how to get the tab back, after a move that stands', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    teamTable(started);
    started.emulator.workbook.renameSheet(settingsSheet(started), 'Old settings');
    started.addon.edit('Deals', `${col('lostReason')}2`, [['No budget']]);
    started.addon.edit('Deals', `${col('stage')}2`, [['Closed Lost']]);
    expect(cell(started, 'stage', 2)).toBe('Closed Lost');
    expect(lastToast(started)).toBe(
      'There is no Settings sheet, so the last valid stage table applies, with the default options. Rename the tab back to "Settings", or run Deal Pipeline › Set up sheets to write that table into a new one.',
    );
  });

  it("has Set up sheets write the team's table into a new Settings sheet after the tab is deleted", () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    teamTable(started);
    const before = stageTable(started);
    started.emulator.workbook.removeSheet(settingsSheet(started));

    const report = started.addon.run('setUpSheets') as { created: string[]; repaired: string[] };
    expect(report.created).toEqual(['Settings']);
    expect(report.repaired).toContain(
      'Settings: restored the last valid stage table (6 stages) and wrote the default options',
    );
    expect(stageTable(started)).toEqual(before);
    expect(started.emulator.workbook.values('Settings')[0]?.slice(8, 10)).toEqual(['Option', 'Value']);
    expect(started.emulator.spreadsheet.scriptRange('Settings', 'B3').getNumberFormat()).toBe('0%');

    started.addon.edit('Deals', `${col('stage')}2`, [['Qualified']]);
    expect(cell(started, 'stage', 2)).toBe('Lead');
    expect(lastToast(started)).toContain('From Lead, allowed: Closed Lost.');
  });

  it("keeps and restores the team's table when the Settings sheet is emptied", () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    teamTable(started);
    const before = stageTable(started);
    const size = started.emulator.workbook.values('Settings');
    started.emulator.workbook.userSetValues(
      'Settings',
      'A1',
      size.map((row) => row.map(() => '')),
    );

    started.addon.edit('Deals', `${col('stage')}2`, [['Qualified']]);
    expect(cell(started, 'stage', 2)).toBe('Lead');
    started.addon.edit('Deals', `${col('nextStep')}2`, [['Call back']]);
    expect(lastToast(started)).toBe(
      'The Settings sheet is empty, so the last valid stage table applies, with the default options. Run Deal Pipeline › Set up sheets to write that table back.',
    );

    const report = started.addon.run('setUpSheets') as { repaired: string[] };
    expect(report.repaired).toContain(
      'Settings: restored the last valid stage table (6 stages) and wrote the default options',
    );
    expect(stageTable(started)).toEqual(before);
  });

  it('writes the default stages into a new Settings sheet when no table was ever kept', () => {
    const started = startAddon();
    const report = started.addon.run('setUpSheets') as { repaired: string[] };
    expect(report.repaired.filter((line) => line.startsWith('Settings'))).toEqual([]);
    expect(started.addon.run('STAGE_PROBABILITY', 'Qualified')).toBe(0.25);
  });
});

describe('a renamed Deals column other than ID and Stage', () => {
  it('still puts back an illegal stage when Amount is renamed, and counts Amount as blank', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    started.emulator.workbook.userSetValues('Deals', `${col('amount')}1`, [['Deal value']]);

    started.addon.edit('Deals', `${col('stage')}2`, [['Negotiation']]);
    expect(cell(started, 'stage', 2)).toBe('Lead');
    expect(lastToast(started)).toBe(
      'Put back: D-0001 "Deal 1": Lead → Negotiation is not allowed. From Lead, allowed: Qualified, Closed Lost. Negotiation also needs Amount.',
    );
    started.addon.edit('Deals', `${col('stage')}2`, [['Qualified']]);
    expect(cell(started, 'stage', 2)).toBe('Qualified');
    const missing =
      'The Deals sheet has no "Amount" column, so Amount counts as blank in every deal. Run Deal Pipeline › Set up sheets to add it.';
    expect(lastToast(started)).toBe(missing);
    expect((started.addon.run('validateAllDeals') as { settings: string[] }).settings).toContain(missing);
    started.addon.edit('Deals', `${col('stage')}2`, [['Proposal']]);
    expect(cell(started, 'stage', 2)).toBe('Qualified');
    expect(lastToast(started)).toBe('Put back: D-0001 "Deal 1": Proposal needs Amount first.');
    expect(cell(started, 'amount', 2)).toBe(1000);

    started.emulator.workbook.userSetValues('Deals', `${col('amount')}1`, [['Amount']]);
    started.addon.edit('Deals', `${col('stage')}2`, [['Proposal']]);
    expect(cell(started, 'stage', 2)).toBe('Proposal');
    expect(history(started).map((row) => [row[3], row[4]])).toEqual([
      ['', 'Lead'],
      ['Lead', 'Qualified'],
      ['Qualified', 'Proposal'],
    ]);
  });

  it('still gives a new row its ID, and judges its stage, when Created is renamed', () => {
    const started = startAddon();
    startWithDeals(started, []);
    started.emulator.workbook.userSetValues('Deals', `${col('created')}1`, [['Opened on']]);
    started.addon.edit('Deals', 'A2', [rowOf(deal(1, { stage: 'Closed Won' }))]);
    expect(cell(started, 'id', 2)).toBe('D-0001');
    expect(cell(started, 'created', 2)).toBe('');
    expect(cell(started, 'stage', 2)).toBe('');
    expect(lastToast(started)).toContain('a new deal cannot start in Closed Won');
  });

  it('reports a missing column in the Summary, which still needs Amount and Close Date', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    started.emulator.workbook.userSetValues('Deals', `${col('owner')}1`, [['Rep']]);
    started.addon.run('refreshSummary');
    const quality = started.emulator.workbook
      .values('Summary')
      .find((row) => row[0] === 'Deals columns missing');
    expect(quality?.slice(0, 3)).toEqual([
      'Deals columns missing',
      1,
      'Owner: counted as blank; run Set up sheets to add it',
    ]);

    started.emulator.workbook.userSetValues('Deals', `${col('closeDate')}1`, [['Closing']]);
    started.addon.run('refreshSummary');
    expect(started.emulator.host.ui.alerts.at(-1)?.prompt).toBe(
      'The Deals sheet has no "Close Date" column. Run Deal Pipeline › Set up sheets to add it.',
    );
  });
});

describe('the toast after a Settings edit', () => {
  it('counts the problems, then lists each once', () => {
    const started = startAddon();
    startWithDeals(started, []);
    started.addon.edit('Settings', 'C3', [['maybe']]);
    const problem = 'Settings!C3: Kind must be open, won or lost, not "maybe".';
    expect(lastToast(started)).toBe(
      `The Settings stage table has 1 problem, so the last valid stage table applies until it is fixed.\n${problem}`,
    );
  });
});

describe('150 % typed as a probability', () => {
  it('is an error on the Probability cell of the deal, not 1.5 %', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    started.addon.edit('Deals', `${col('probability')}2`, [['150%']]);
    expect(cell(started, 'probability', 2)).toBe(1.5);
    expect(started.emulator.workbook.note('Deals', `${col('probability')}2`)).toBe(
      `Deal Pipeline › D-0001 "Deal 1": Probability ${ALLOWED}, not 1.5 (150 %).`,
    );
  });

  it('is an error at its Settings cell, and the last valid table applies until it is fixed', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    started.addon.edit('Settings', 'B3', [['150%']]);
    const toast = lastToast(started);
    const problem = `Settings!B3: Probability ${ALLOWED}, not 1.5 (150 %).`;
    expect(toast).toBe(
      `The Settings stage table has 1 problem, so the last valid stage table applies until it is fixed.\n${problem}`,
    );
    expect(toast.split(problem)).toHaveLength(2);
    expect(started.addon.run('STAGE_PROBABILITY', 'Qualified')).toBe(0.25);

    started.addon.edit('Settings', 'B3', [['15%']]);
    expect(started.addon.run('STAGE_PROBABILITY', 'Qualified')).toBe(0.15);
  });

  it('is refused by FORECAST_WEIGHTED, which gets the 1.5 the cell holds', () => {
    const started = startAddon();
    started.addon.run('setUpSheets');
    expect(() => started.addon.run('FORECAST_WEIGHTED', [[100], [200]], [[0.5], [1.5]])).toThrow(
      'FORECAST_WEIGHTED: stages_or_probabilities row 2 is 1.5: it is neither a stage',
    );
  });
});
