/**
 * The benchmark's cost model (issue 12) on call sequences made by hand: each price is the issue's,
 * and what a read costs depends on what came before it.
 */
import { describe, expect, it } from 'vitest';

import { estimate, kindOf } from '../../local/bench/cost-model';
import type { CallRecord } from '../../local/emulator/calls';

const call = (key: string, sheet?: number, cellsRead = 0, cellsWritten = 0): CallRecord => ({
  key,
  sheet,
  cellsRead,
  cellsWritten,
  ms: 0,
});

describe('the cost model', () => {
  it('prices a sequence with the issue’s numbers, middle estimate', () => {
    const calls = [
      call('LockService.getDocumentLock'), // navigation: 1
      call('Lock.tryLock'), // 50
      call('Properties.getProperties'), // 30
      call('Range.getValues', 1, 100), // first read of sheet 1: 150 + 100 × 0.01
      call('Range.getNotes', 1, 50), // cached: 1.5 + 50 × 0.01
      call('Range.getValues', 2, 10), // first read of sheet 2: 150 + 0.1
      call('Range.setValues', 1, 0, 20), // write: 1.2 + 20 × 0.07
      call('Sheet.getRange', 2), // navigation: 1
      call('Range.getValues', 2, 10), // after a write: commit 100, then 150 + 0.1
      call('Range.setValues', 2, 0, 10), // 1.2 + 0.7
      call('Properties.setProperties'), // 62
      call('Cache.get'), // 30
      call('Cache.put'), // 62
      call('MailApp.sendEmail'), // 800
      call('ScriptApp.getProjectTriggers'), // 150
      call('Session.getActiveUser'), // other: 1
      call('DataValidationBuilder.build'), // in the script: 0
    ]; // and the end commits the pending write: 100
    const { tally, calls: callsMs, total } = estimate(calls, 10);
    const middle =
      1 +
      50 +
      30 +
      (150 + 1) +
      (1.5 + 0.5) +
      (150 + 0.1) +
      (1.2 + 1.4) +
      1 +
      (100 + 150 + 0.1) +
      (1.2 + 0.7) +
      62 +
      30 +
      62 +
      800 +
      150 +
      1 +
      100;
    expect(callsMs.middle).toBeCloseTo(middle, 6);
    // JavaScript: twice the 10 ms it took in Node.
    expect(total.middle).toBeCloseTo(middle + 20, 6);
    expect(tally).toEqual({
      reads: 4,
      writes: 2,
      others: 11,
      serverReads: 3,
      commits: 2,
      cellsRead: 170,
      cellsWritten: 30,
    });
  });

  it('uses the low and high ends of each range', () => {
    const calls = [
      call('Range.getValues', 1, 1000),
      call('Range.getValues', 1, 0),
      call('Range.setValues', 1, 0, 100),
    ];
    const { calls: ms } = estimate(calls, 0);
    // A server read, a cached read, a write and the commit at the end; then the cells.
    expect(ms.low).toBeCloseTo(50 + 0.3 + 0.4 + 30 + 1000 * 0.01 + 100 * 0.07, 6);
    expect(ms.high).toBeCloseTo(300 + 2.5 + 7 + 300 + 1000 * 0.01 + 100 * 0.07, 6);
  });

  it('commits once for any number of writes before a read, and not at all without writes', () => {
    const writes = [
      call('Range.setValues', 1, 0, 1),
      call('Range.setNotes', 1, 0, 1),
      call('Range.setBackgrounds', 1, 0, 1),
    ];
    expect(estimate([...writes, call('SpreadsheetApp.flush'), ...writes], 0).tally.commits).toBe(2);
    expect(estimate([call('Range.getValues', 1, 1), call('Range.getValues', 2, 1)], 0).tally.commits).toBe(0);
  });

  it('tells reads, writes, navigation and the services apart by "Type.method"', () => {
    expect(
      [
        'Range.getValues',
        'Range.getBackgrounds',
        'Sheet.getProtections',
        'Range.setNotes',
        'Sheet.insertRowsAfter',
        'Protection.setWarningOnly',
        'Sheet.getLastRow',
        'Range.getRow',
        'Spreadsheet.getSheetByName',
        'Properties.getProperty',
        'Properties.deleteProperty',
        'Cache.getAll',
        'Cache.remove',
        'Lock.waitLock',
        'Lock.releaseLock',
        'ClockTriggerBuilder.create',
        'EmbeddedChartBuilder.build',
        'Spreadsheet.toast',
      ].map(kindOf),
    ).toEqual([
      'read',
      'read',
      'read',
      'write',
      'write',
      'write',
      'navigation',
      'navigation',
      'navigation',
      'propertiesGet',
      'propertiesSet',
      'cacheGet',
      'cacheSet',
      'lock',
      'navigation',
      'trigger',
      'local',
      'other',
    ]);
  });
});
