/**
 * The History digest (server/summary/history-digest.ts): a refresh reads only the History rows
 * appended since the last one, and its Summary is, whatever happened to History or to the digest
 * in between, the very Summary a read of all of History gives.
 */
import { describe, expect, it } from 'vitest';

import { mulberry32, pick } from '../../local/bench/synthetic';
import { col, deal, rowOf, startWithDeals } from './deals';
import type { Addon } from './harness';
import { startAddon } from './harness';

const DIGEST = 'History Digest';
const STATE_KEY = 'dealPipeline.historyDigest';
const HOUR = 3_600_000;

/** 40 deals at Lead, a few moved on: History as a team's sheet has it after a week. */
function pipeline(deals = 40): Addon {
  const started = startAddon();
  startWithDeals(
    started,
    Array.from({ length: deals }, (_, i) => deal(i + 1, { lostReason: 'Price' })),
  );
  for (let row = 2; row < 2 + deals; row += 3) move(started, row, 'Qualified');
  return started;
}

function move(started: Addon, row: number, stage: string): void {
  started.emulator.clock.advance(5 * HOUR);
  started.addon.edit('Deals', `${col('stage')}${row}`, [[stage]]);
}

/** Refreshes, and gives the Summary and the cells read from History. */
function refresh(started: Addon): { summary: unknown[][]; historyCells: number } {
  const { calls, workbook } = started.emulator;
  const log = calls.startLog();
  started.addon.run('refreshSummary');
  calls.stopLog();
  const history = workbook.findSheet('History')?.id;
  const historyCells = log.reduce((cells, call) => cells + (call.sheet === history ? call.cellsRead : 0), 0);
  return { summary: workbook.values('Summary'), historyCells };
}

/** A refresh on a copy of the workbook that has no digest state: History read whole. */
function fullRead(started: Addon): ReturnType<typeof refresh> {
  const { emulator } = started;
  const copy = startAddon({ now: emulator.clock.now(), workbook: emulator.workbook.toJSON() });
  for (const [key, value] of Object.entries(emulator.host.properties.document.snapshot()))
    if (key !== STATE_KEY) copy.emulator.host.properties.document.map.set(key, value);
  return refresh(copy);
}

/**
 * Refreshes, checks the Summary against a read of all of History, and gives the cells read from
 * History, and those a read of all of it reads.
 */
function refreshAndCompare(started: Addon, what = ''): { cells: number; whole: number } {
  const expected = fullRead(started);
  const { summary, historyCells } = refresh(started);
  expect(summary, what).toEqual(expected.summary);
  return { cells: historyCells, whole: expected.historyCells };
}

const historySheet = (started: Addon) => started.emulator.spreadsheet.scriptSheet('History');
const lastHistoryRow = (started: Addon) => started.emulator.workbook.values('History').length;

describe('Refresh summary with the History digest', () => {
  it('reads only what was appended the second time, and shows what a read of all of History shows', () => {
    const started = pipeline(300);
    const first = refreshAndCompare(started);
    expect(first.cells).toBe(first.whole);
    for (let row = 2; row < 40; row += 4) move(started, row, 'Closed Lost');
    const again = refreshAndCompare(started);
    // Its header, the last row read before, 8 rows spread over those and the 10 rows appended.
    expect(again.whole).toBeGreaterThan(2_000);
    expect(again.cells).toBeLessThan(200);
    const digest = started.emulator.workbook.values(DIGEST);
    expect(digest[0]).toEqual(['ID|Journey']);
    // One row per deal, then one per deal moved since.
    expect(digest).toHaveLength(1 + 300 + 10);
  });

  it('keeps the digest on a hidden, one-column sheet protected with a warning, and leaves the active sheet active', () => {
    const started = pipeline(5);
    started.emulator.spreadsheet.scriptSheet('Deals').activate();
    started.addon.run('refreshSummary');
    const sheet = started.emulator.workbook.sheet(DIGEST);
    expect(sheet).toMatchObject({ hidden: true, maxColumns: 1 });
    expect(sheet.protections).toEqual([expect.objectContaining({ type: 'SHEET', warningOnly: true })]);
    expect(started.emulator.spreadsheet.scriptSpreadsheet().getActiveSheet().getName()).toBe('Deals');
  });

  it('reads History whole again after a user edits an old row, which changes the numbers', () => {
    const started = pipeline(10);
    refreshAndCompare(started);
    // D-0002 went Lead → Qualified: the user rewrites that move as Lead → Proposal.
    const rows = started.emulator.workbook.values('History');
    const at = rows.findIndex((r) => r[1] === 'D-0001' && r[4] === 'Qualified') + 1;
    started.addon.edit('History', `E${at}`, [['Proposal']]);
    const before = started.emulator.workbook.values('Summary');
    refreshAndCompare(started);
    expect(started.emulator.workbook.values('Summary')).not.toEqual(before);
  });

  it('reads History whole again after a sort that leaves the last row where it was', () => {
    const started = pipeline(2);
    const t1 = stamp(started, -1);
    const t2 = stamp(started, -2);
    // D-0001 brought in twice at the same minute: which came first is row order.
    started.emulator.workbook.userSetValues('History', `A${lastHistoryRow(started) + 1}`, [
      [t1, 'D-0001', 'Deal 1', '', 'Qualified', 'script', 'import', ''],
      [t1, 'D-0001', 'Deal 1', '', 'Lead', 'script', 'import', ''],
      [t2, 'D-0002', 'Deal 2', 'Lead', 'Proposal', 'script', 'edit', ''],
      [t2, 'D-0002', 'Deal 2', 'Proposal', 'Qualified', 'script', 'edit', ''],
    ]);
    refreshAndCompare(started);
    const before = started.emulator.workbook.values('Summary');
    const last = lastHistoryRow(started);
    // By To: Lead, Proposal, Qualified, Qualified, the last row last.
    historySheet(started)
      .getRange(last - 3, 1, 4, 8)
      .sort({ column: 5, ascending: true });
    expect(started.emulator.workbook.values('History')[last - 1]?.[4]).toBe('Qualified');
    refreshAndCompare(started);
    expect(started.emulator.workbook.values('Summary')).not.toEqual(before);
  });

  it('leaves alone a sheet of its name that is not the digest, and still shows the right numbers', () => {
    const started = pipeline(10);
    started.emulator.workbook.addSheet(DIGEST);
    started.emulator.workbook.userSetValues(DIGEST, 'A1', [['My notes'], ['keep me']]);
    refreshAndCompare(started);
    move(started, 3, 'Proposal');
    refreshAndCompare(started);
    expect(started.emulator.workbook.values(DIGEST)).toEqual([['My notes'], ['keep me']]);
  });
});

/** What may happen to History and the digest between two refreshes. */
type Action = (started: Addon, random: () => number) => void;

const NEXT: Record<string, string[]> = {
  Lead: ['Qualified', 'Closed Lost'],
  Qualified: ['Proposal', 'Lead', 'Closed Lost'],
  Proposal: ['Negotiation', 'Qualified'],
  Negotiation: ['Closed Won', 'Proposal'],
  'Closed Lost': ['Lead'],
  'Closed Won': [],
};

function stamp(started: Addon, hoursBack: number): string {
  const ms = started.emulator.clock.now() - hoursBack * HOUR;
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

const ACTIONS: Record<string, Action> = {
  'moves through onEdit': (started, random) => {
    const deals = started.emulator.workbook.values('Deals');
    for (let n = 0; n < 3; n++) {
      const row = 2 + Math.floor(random() * (deals.length - 1));
      const next = NEXT[String(deals[row - 1]![7])] ?? [];
      if (next.length > 0) move(started, row, pick(random, next));
    }
  },
  'a new deal': (started) => {
    const rows = started.emulator.workbook.values('Deals').length;
    started.addon.edit('Deals', `A${rows + 1}`, [rowOf(deal(rows, { stage: 'Proposal' }))]);
  },
  'odd rows appended by a script': (started, random) => {
    const ids = ['D-0001', 'D-0002', 'D-0003', 'X-1', '', ' D-0004 '];
    const rows = Array.from({ length: 4 }, () => {
      const field = random() < 0.2;
      return [
        random() < 0.1 ? 'not a time' : stamp(started, Math.floor(random() * 400)),
        pick(random, ids),
        'Someone',
        field ? '2026-12-01' : pick(random, ['', 'Lead', 'Qualified']),
        field
          ? '2027-01-15'
          : pick(random, ['Lead', 'Qualified', 'Proposal', 'Closed Won', 'Prospect', 'lead']),
        'script',
        pick(random, ['edit', 'import', 'setup']),
        field ? 'Close Date' : '',
      ];
    });
    started.emulator.workbook.userSetValues('History', `A${lastHistoryRow(started) + 1}`, rows);
  },
  "a user's edit of an old row": (started, random) => {
    const row = 2 + Math.floor(random() * (lastHistoryRow(started) - 1));
    started.addon.edit('History', `E${row}`, [[pick(random, ['Lead', 'Proposal', 'Closed Won'])]]);
  },
  "a script's edit of a column the Summary does not read": (started, random) => {
    const row = 2 + Math.floor(random() * (lastHistoryRow(started) - 1));
    started.emulator.workbook.userSetValues('History', `C${row}`, [['Renamed']]);
  },
  'History sorted by a column': (started, random) => {
    const last = lastHistoryRow(started);
    const column = pick(random, [1, 2, 5]);
    if (last > 2)
      historySheet(started)
        .getRange(2, 1, last - 1, 8)
        .sort({ column, ascending: random() < 0.5 });
  },
  'rows deleted from History': (started, random) => {
    const last = lastHistoryRow(started);
    if (last > 4) historySheet(started).deleteRows(2 + Math.floor(random() * (last - 3)), 2);
  },
  'blank rows inserted into History': (started, random) => {
    const last = lastHistoryRow(started);
    if (last > 3) historySheet(started).insertRowsBefore(2 + Math.floor(random() * (last - 2)), 1);
  },
  'the last row cut away': (started) => {
    const last = lastHistoryRow(started);
    if (last > 2)
      started.emulator.workbook.userSetValues('History', `A${last}:H${last}`, [Array<string>(8).fill('')]);
  },
  'the digest sheet deleted': (started) => {
    const { workbook } = started.emulator;
    if (workbook.findSheet(DIGEST)) workbook.removeSheet(workbook.sheet(DIGEST));
  },
  'the digest sheet emptied': (started) => {
    if (started.emulator.workbook.findSheet(DIGEST)) started.emulator.spreadsheet.scriptSheet(DIGEST).clear();
  },
  // A journey that still reads as one: a stage entered at the epoch.
  'a digest cell edited': (started, random) => {
    const { workbook } = started.emulator;
    const rows = workbook.findSheet(DIGEST) ? workbook.values(DIGEST).length : 0;
    if (rows < 2) return;
    const row = 2 + Math.floor(random() * (rows - 1));
    workbook.userSetValues(DIGEST, `A${row}`, [[`${String(workbook.value(DIGEST, `A${row}`))};Lead,0`]]);
  },
};

describe('the digest against a read of all of History, over random days', () => {
  for (const seed of [1, 2, 3]) {
    it(`gives the same Summary after every step (seed ${seed})`, () => {
      const random = mulberry32(seed);
      const started = pipeline(30);
      // What a working day brings, more often than what breaks the digest.
      const everyday = ['moves through onEdit', 'a new deal', 'odd rows appended by a script'];
      const names = [...everyday, ...everyday, ...Object.keys(ACTIONS)];
      const done: string[] = [];
      let fromDigest = 0;
      refreshAndCompare(started);
      for (let step = 0; step < 30; step++) {
        const name = pick(random, names);
        done.push(name);
        started.emulator.clock.advance(HOUR);
        ACTIONS[name]!(started, random);
        // Now and then two things happen between refreshes.
        if (random() < 0.8) {
          // A read of all of History reads 6 of its columns.
          const { cells, whole } = refreshAndCompare(started, done.join(' › '));
          if (cells < whole) fromDigest++;
        }
      }
      expect(new Set(done).size).toBeGreaterThan(8);
      expect(fromDigest).toBeGreaterThan(5);
    });
  }
});
