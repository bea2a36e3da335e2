/**
 * Sheets re-runs a custom function only when its arguments change: given the stage table as its
 * last argument, a function follows every edit of it (issue 9 §4).
 */
import { describe, expect, it } from 'vitest';

import { STAGE_TABLE_HEADERS } from '../../src/core/columns';
import { startWithDeals } from './deals';
import type { Addon } from './harness';
import { startAddon } from './harness';

function values(started: Addon, sheet: string, a1: string): unknown[][] {
  return started.emulator.spreadsheet.scriptRange(sheet, a1).getValues();
}

function errorOf(started: Addon, name: string, ...args: unknown[]): string {
  try {
    started.addon.run(name, ...args);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${name} did not throw`);
}

const AMOUNTS = [[1000], [2000], [4000]];
const STAGES = [['Lead'], ['Proposal'], ['Closed Won']];

describe('custom functions given the stage table', () => {
  it('FORECAST_WEIGHTED returns the new result after a probability edit in Settings', () => {
    const started = startAddon();
    startWithDeals(started, []);
    const table = () => values(started, 'Settings', 'A1:G');
    const weighted = () => started.addon.run('FORECAST_WEIGHTED', AMOUNTS, STAGES, '', '', '', table());
    expect(weighted()).toBeCloseTo(1000 * 0.1 + 2000 * 0.5 + 4000, 6);
    started.addon.edit('Settings', 'B4', [['80%']]);
    expect(weighted()).toBeCloseTo(1000 * 0.1 + 2000 * 0.8 + 4000, 6);
  });

  it('reads no sheet when given the table, and reads Settings when it is left out', () => {
    const started = startAddon();
    startWithDeals(started, []);
    const table = values(started, 'Settings', 'A1:G');
    started.emulator.calls.reset();
    expect(started.addon.run('STAGE_PROBABILITY', 'Negotiation', table)).toBe(0.75);
    expect(started.emulator.calls.count('Range.getValues')).toBe(0);
    expect(started.addon.run('STAGE_PROBABILITY', 'Negotiation')).toBe(0.75);
    expect(started.emulator.calls.count('Range.getValues')).toBe(1);
  });

  it('every function that uses the stage table takes it last', () => {
    const started = startAddon();
    startWithDeals(started, []);
    started.addon.edit('Settings', 'B2', [['20%']]);
    const table = values(started, 'Settings', 'A1:G');
    const closes = [
      [new Date('2026-10-01T12:00:00Z')],
      [new Date('2026-10-05T12:00:00Z')],
      [new Date('2026-11-01T12:00:00Z')],
    ];
    // Lead at 20 %: the deal closes in more than one case in ten, so P90 is its amount (at 10 %, 0).
    expect(started.addon.run('FORECAST_RANGE', [[1000]], [['Lead']], table)).toEqual([[0, 0, 1000]]);
    expect(started.addon.run('FORECAST_RANGE', [[1000]], [['Lead']])).toEqual([[0, 0, 1000]]);
    expect(started.addon.run('WIN_RATE', [['Closed Won'], ['Closed Lost']], '', '', '', table)).toBe(0.5);
    expect(started.addon.run('STAGE_PROBABILITY', [['Lead'], ['']], table)).toEqual([[0.2], ['']]);
    expect(
      started.addon.run(
        'SALES_VELOCITY',
        [[1000], [2000], [3000]],
        [['Lead'], ['Closed Won'], ['Closed Lost']],
        [
          [new Date('2026-09-01T12:00:00Z')],
          [new Date('2026-09-01T12:00:00Z')],
          [new Date('2026-09-01T12:00:00Z')],
        ],
        closes,
        table,
      ),
    ).toBeGreaterThan(0);
  });

  it('a table with a team’s own stages is used instead of Settings', () => {
    const started = startAddon();
    startWithDeals(started, []);
    const own = [
      [...STAGE_TABLE_HEADERS],
      ['Idea', 0.3, 'open', 'Pipeline', 'Won', '', ''],
      ['Won', 1, 'won', 'Closed', '', '', ''],
      ['', '', '', '', '', '', ''],
    ];
    expect(started.addon.run('FORECAST_WEIGHTED', [[100]], [['Idea']], '', '', '', own)).toBeCloseTo(30, 6);
    expect(errorOf(started, 'FORECAST_WEIGHTED', [[100]], [['Lead']], '', '', '', own)).toContain(
      'it is neither a stage (Idea, Won) nor a probability',
    );
  });

  it('refuses a stage_table that is not a stage table, naming the problem', () => {
    const started = startAddon();
    startWithDeals(started, []);
    expect(errorOf(started, 'STAGE_PROBABILITY', 'Lead', 'Settings')).toBe(
      'STAGE_PROBABILITY: stage_table must be the Settings stage table as a range, such as Settings!A1:G.',
    );
    const broken = values(started, 'Settings', 'A1:G');
    broken[2]![1] = 'lots';
    expect(errorOf(started, 'STAGE_PROBABILITY', 'Lead', broken)).toMatch(
      /^STAGE_PROBABILITY: stage_table is not a valid stage table\. Settings!B3: .+/,
    );
  });
});
