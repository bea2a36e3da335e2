/**
 * The Reminder Log's header, and the rows a run writes: a header that cannot be read is named
 * with its fix, and an owner keeps one row a day (today's `deferred` row is written over).
 */
import { describe, expect, it } from 'vitest';

import { dayFromParts, startOfDay } from '../../src/core/dates';
import type { LogField, LogHeaderProblem, LogLayout, LogRecord } from '../../src/core/reminders';
import {
  claimState,
  DETAIL,
  headersSetUpMayAdd,
  isClaimRow,
  listText,
  LOG_TROUBLE,
  logEntry,
  logHeaderText,
  logLayout,
  placeRecords,
  rewriteBlocks,
  STATUS,
} from '../../src/core/reminders';

const ZONE = 'America/Los_Angeles';
const TODAY = dayFromParts(2026, 11, 27);
const HEADER = ['Date', 'Owner', 'Deals', 'Status', 'Detail'];
const LAYOUT = logLayout(HEADER) as LogLayout;

describe('reading the header of the Reminder Log', () => {
  it('finds each header by name, trimmed and in any case, and is as wide as the last header', () => {
    expect(logLayout([' status', 'Notes', 'OWNER', 'date', 'Deals', 'Detail ', '', '  ', undefined])).toEqual(
      {
        columns: { status: 0, owner: 2, date: 3, deals: 4, detail: 5 },
        width: 6,
      },
    );
    expect(logLayout([...HEADER, null, 'Notes'])).toMatchObject({ width: 7 });
  });

  it('names the headers row 1 lacks, in the log order', () => {
    expect(logLayout(['Detail', 'Person', 'Date'])).toEqual({
      missing: ['Owner', 'Deals', 'Status'],
      repeated: [],
    });
    expect(logLayout([])).toEqual({ missing: HEADER, repeated: [] });
  });

  it('names a header row 1 has twice, with its columns: the job cannot tell which column is the log', () => {
    expect(logLayout(['Date', 'Owner', 'Deals', 'Status', 'Detail', 'owner'])).toEqual({
      missing: [],
      repeated: [{ header: 'Owner', columns: [1, 5] }],
    });
    expect(logLayout(['Status', 'Owner', 'Status', 'Detail', 'Status'])).toEqual({
      missing: ['Date', 'Deals'],
      repeated: [{ header: 'Status', columns: [0, 2, 4] }],
    });
  });

  it('lets Set up sheets add every header to a log without rows, and only Deals and Detail to one with rows', () => {
    expect(headersSetUpMayAdd(false)).toEqual(HEADER);
    expect(headersSetUpMayAdd(true)).toEqual(['Deals', 'Detail']);
  });
});

describe('what the job and Set up sheets say about a header they cannot read', () => {
  const problem = (missing: string[], repeated: LogHeaderProblem['repeated'] = []) => ({ missing, repeated });

  it('a renamed Owner in a log with rows: type it back; Set up sheets will not add an empty one', () => {
    expect(logHeaderText(problem(['Owner']), true)).toBe(
      'Row 1 of the Reminder Log has no "Owner" header: type it back over its column. Set up sheets adds no new, empty "Owner" column to a log that has rows: the rows there could no longer be read, and today\'s digests would go again.',
    );
  });

  it('a missing Detail, or any header of a log without rows: Set up sheets may add it', () => {
    expect(logHeaderText(problem(['Detail']), true)).toBe(
      'Row 1 of the Reminder Log has no "Detail" header: type it back over its column, or run Deal Pipeline › Set up sheets to add it.',
    );
    expect(logHeaderText(problem(['Date', 'Owner', 'Status']), false)).toBe(
      'Row 1 of the Reminder Log has no "Date", "Owner" or "Status" headers: type them back over their columns, or run Deal Pipeline › Set up sheets to add them.',
    );
  });

  it('several missing in a log with rows: names those Set up sheets will not add', () => {
    expect(logHeaderText(problem(['Date', 'Deals', 'Status']), true)).toBe(
      'Row 1 of the Reminder Log has no "Date", "Deals" or "Status" headers: type them back over their columns. Set up sheets adds no new, empty "Date" or "Status" column to a log that has rows: the rows there could no longer be read, and today\'s digests would go again.',
    );
  });

  it('a repeated header, by its column letters', () => {
    expect(logHeaderText(problem([], [{ header: 'Owner', columns: [1, 27] }]), true)).toBe(
      '"Owner" heads columns B and AB of the Reminder Log: keep one and rename the other.',
    );
    expect(
      logHeaderText(
        problem(
          ['Deals'],
          [
            { header: 'Status', columns: [0, 2, 4] },
            { header: 'Date', columns: [1, 3] },
          ],
        ),
        false,
      ),
    ).toBe(
      [
        'Row 1 of the Reminder Log has no "Deals" header: type it back over its column, or run Deal Pipeline › Set up sheets to add it.',
        '"Status" heads columns A, C and E of the Reminder Log: keep one and rename the others.',
        '"Date" heads columns B and D of the Reminder Log: keep one and rename the other.',
      ].join(' '),
    );
  });

  it('the run says it sent nothing, and why', () => {
    expect(LOG_TROUBLE.unreadable(problem(['Detail']), false)).toBe(
      'No reminder was sent: the Reminder Log is how Deal Pipeline knows who already got today\'s digest, and it cannot be read. Row 1 of the Reminder Log has no "Detail" header: type it back over its column, or run Deal Pipeline › Set up sheets to add it.',
    );
    expect(LOG_TROUBLE.started).toBe(
      "No reminder was sent today: the Reminder Log sheet was missing or empty, so Deal Pipeline could not tell who had already got today's digest. It started a new Reminder Log that lists them as not sent; tomorrow's run sends as usual.",
    );
    expect(DETAIL.logStarted).toBe(
      "Not sent: the Reminder Log was missing or empty, so whether today's digest had already gone was unknown. Tomorrow's run sends as usual.",
    );
  });

  it('lists names with commas and a last "and" or "or"', () => {
    expect(listText([], 'or')).toBe('');
    expect(listText(['A'], 'or')).toBe('A');
    expect(listText(['A', 'B'], 'and')).toBe('A and B');
    expect(listText(['A', 'B', 'C', 'D'], 'or')).toBe('A, B, C or D');
  });
});

describe('one row per owner per day', () => {
  const midnight = startOfDay(TODAY, ZONE);
  const row = (owner: string, status: string, date: unknown = midnight) => [date, owner, 'D-1', status, ''];

  it("knows the row of each owner's deferred row today, the last one when a log has several", () => {
    const state = claimState(
      [
        { row: 2, key: 'ann', status: STATUS.deferred, day: TODAY - 1 },
        { row: 3, key: 'ann', status: STATUS.deferred, day: TODAY },
        { row: 4, key: 'bob', status: STATUS.sent, day: TODAY },
        { row: 5, key: 'ann', status: STATUS.deferred, day: TODAY },
        { row: 6, key: 'cat', status: STATUS.deferred, day: null },
      ],
      TODAY,
    );
    expect([...state.deferredToday]).toEqual([['ann', 5]]);
  });

  it("puts a record over its owner's deferred row of today, and appends the others in order", () => {
    const record = (owner: string): LogRecord => ({
      day: TODAY,
      owner,
      deals: 'D-1',
      status: STATUS.sending,
      detail: '',
    });
    const deferredToday = new Map([
      ['bob@team.example', 7],
      ['team:boss@team.example', 3],
    ]);
    const owners = ['ann@team.example', ' Bob@Team.example', 'Team: boss@team.example', 'cat@team.example'];
    expect(placeRecords(owners.map(record), deferredToday, 20)).toEqual([20, 7, 3, 21]);
    expect(placeRecords([], deferredToday, 20)).toEqual([]);
  });

  it("reads a row back as the claim only when it is still that owner's sending row of today", () => {
    const claim = (cells: unknown[]) => isClaimRow(cells, LAYOUT, 'ann@team.example', TODAY, ZONE);
    expect(claim(row(' Ann@team.example', 'Sending '))).toBe(true);
    expect(claim(row('bob@team.example', 'sending'))).toBe(false);
    expect(claim(row('ann@team.example', 'sent'))).toBe(false);
    expect(claim(row('ann@team.example', 'sending', startOfDay(TODAY - 1, ZONE)))).toBe(false);
    expect(claim([])).toBe(false);
    expect(logEntry(row('  ', 'sent'), 9, LAYOUT, ZONE)).toBeNull();
    expect(logEntry([], 9, LAYOUT, ZONE)).toBeNull();
    expect(logEntry([midnight, 'ann@team.example'], 9, LAYOUT, ZONE)).toEqual({
      row: 9,
      key: 'ann@team.example',
      status: '',
      day: TODAY,
    });
    expect(logEntry(row('ann@team.example', 'sent', 'soon'), 9, LAYOUT, ZONE)).toEqual({
      row: 9,
      key: 'ann@team.example',
      status: 'sent',
      day: null,
    });
  });
});

describe('writing over rows already in the log', () => {
  // Sheet rows 10–14, read just now.
  const values = [
    ['x', 'ann', 'D-1', 'deferred', 'quota'],
    ['x', 'bob', 'D-2', 'sent', 'fine'],
    ['x', 'cat', 'D-3', 'deferred', 'quota'],
    ['x', 'dan', 'D-4', 'deferred', 'quota'],
    ['x', 'eve', 'D-5', 'sent', 'fine'],
  ];
  const changes = (entries: [number, Partial<Record<LogField, string>>][]) => new Map(entries);

  it('writes nothing when every change is already there', () => {
    expect(rewriteBlocks(values, 10, LAYOUT, changes([]))).toEqual([]);
    expect(rewriteBlocks(values, 10, LAYOUT, changes([[12, { deals: 'D-3', status: 'deferred' }]]))).toEqual(
      [],
    );
  });

  it('writes the adjacent columns as one block from the first changed row to the last, rows between as read', () => {
    const blocks = rewriteBlocks(
      values,
      10,
      LAYOUT,
      changes([
        [13, { status: 'sent', detail: 'done' }],
        [11, { status: 'sent', detail: 'fine' }],
        [10, { status: 'sending', detail: 'going' }],
      ]),
    );
    expect(blocks).toEqual([
      {
        row: 10,
        column: 4,
        values: [
          ['sending', 'going'],
          ['sent', 'fine'],
          ['deferred', 'quota'],
          ['sent', 'done'],
        ],
      },
    ]);
  });

  it('keeps a changed row whose other fields are unchanged, and splits columns that are apart', () => {
    const apart = logLayout(['Deals', 'Owner', 'Status', 'Notes', 'Detail', 'Date']) as LogLayout;
    const blocks = rewriteBlocks(
      [
        ['D-1', 'ann', 'deferred', 'n', 'quota'],
        ['D-2', 'bob', 'sent', 'n', 'fine'],
      ],
      3,
      apart,
      changes([
        [3, { deals: 'D-1', status: 'deferred', detail: 'later' }],
        [4, { deals: 'D-9' }],
      ]),
    );
    expect(blocks).toEqual([
      { row: 3, column: 1, values: [['D-1'], ['D-9']] },
      { row: 3, column: 3, values: [['deferred'], ['sent']] },
      { row: 3, column: 5, values: [['later'], ['fine']] },
    ]);
  });

  it('writes the columns of the changed fields in sheet order, whatever order a change names them in', () => {
    expect(rewriteBlocks(values, 10, LAYOUT, changes([[10, { detail: 'later', status: 'sent' }]]))).toEqual([
      { row: 10, column: 4, values: [['sent', 'later']] },
    ]);
  });

  it('writes a blank over a cell it cannot find, and a changed row beyond the rows read', () => {
    expect(
      rewriteBlocks(
        [['x', 'ann', 'D-1', 'deferred', 'q']],
        5,
        LAYOUT,
        changes([
          [5, { status: 'sent' }],
          [7, { status: 'sent' }],
        ]),
      ),
    ).toEqual([{ row: 5, column: 4, values: [['sent'], [''], ['sent']] }]);
    expect(rewriteBlocks([[]], 2, LAYOUT, changes([[3, { status: 'sent' }]]))).toEqual([
      { row: 3, column: 4, values: [['sent']] },
    ]);
    expect(
      rewriteBlocks([['x', 'ann', 'D-1', 'sent', '']], 2, LAYOUT, changes([[2, { detail: 'd' }]])),
    ).toEqual([{ row: 2, column: 5, values: [['d']] }]);
  });
});
