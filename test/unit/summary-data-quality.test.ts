import { describe, expect, it } from 'vitest';

import type { ParsedHistory } from '../../src/core/history-rows';
import { summaryNumbers } from '../../src/core/numbers';
import type { DataQualityInput } from '../../src/core/summary';
import { dataQuality, summaryLayout } from '../../src/core/summary';
import { deal, OPTIONS, TABLE, TODAY } from './numbers/fixtures';

const HISTORY: ParsedHistory = { entries: [], fieldChanges: [], skippedRows: [], missingHeaders: [] };
const SETTINGS = { notice: null, problems: [] };

function qualityOf(input: Partial<DataQualityInput>) {
  return dataQuality({
    deals: [],
    unknownStageDeals: 0,
    unreadableCells: 0,
    missingColumns: [],
    history: HISTORY,
    settings: SETTINGS,
    ...input,
  });
}

describe('data quality', () => {
  it('counts deals with no owner and owners that are not an email address, naming a few', () => {
    const deals = [
      deal({ owner: '' }),
      deal({ owner: '   ' }),
      deal({ owner: 'Sam Seller' }),
      deal({ owner: 'sam' }),
      deal({ owner: 'Sam Seller' }),
      deal({ owner: 'ann@example.com' }),
      deal({ owner: ' bo@example.com ' }),
      deal({ owner: 'x@' }),
      deal({ owner: 'Jo Rep' }),
    ];
    const quality = qualityOf({ deals });
    expect(quality.noOwner).toBe(2);
    expect(quality.ownerNotEmail).toBe(5);
    expect(quality.ownerExamples).toEqual(['Sam Seller', 'sam', 'x@']);
  });

  it('keeps the counts it is given: unknown stages, unreadable cells, skipped History rows', () => {
    const quality = qualityOf({
      unknownStageDeals: 3,
      unreadableCells: 2,
      history: { ...HISTORY, skippedRows: [4, 9, 12, 30] },
    });
    expect(quality).toMatchObject({
      unknownStageDeals: 3,
      unreadableCells: 2,
      skippedHistoryRows: [4, 9, 12, 30],
    });
    expect(quality.historyProblem).toBeNull();
  });

  it('words the History problem exactly, and has no skipped rows without History', () => {
    expect(qualityOf({ history: { ...HISTORY, missingHeaders: ['To', 'Via'] } }).historyProblem).toBe(
      'The History sheet has no "To", "Via" column; its header row should be Timestamp | ID | Deal | From | To | By | Via | Field.',
    );
    expect(qualityOf({ history: null }).historyProblem).toBe(
      'There is no History sheet, so conversion and days in stage are unknown. Run Deal Pipeline › Set up sheets to create it.',
    );
    expect(qualityOf({ history: null }).skippedHistoryRows).toEqual([]);
  });

  it('says when there is no History sheet, or it lacks columns', () => {
    expect(qualityOf({ history: null }).historyProblem).toContain('There is no History sheet');
    expect(qualityOf({ history: { ...HISTORY, missingHeaders: ['To'] } }).historyProblem).toContain(
      'has no "To" column',
    );
  });

  it("carries Settings' notice and every one of its problems", () => {
    const problem = {
      cell: 'Settings!J5',
      message: 'Settings!J5: Summary Months must be 1 to 24.',
      severity: 'error',
    } as const;
    expect(qualityOf({ settings: { notice: 'Using the defaults.', problems: [problem] } })).toMatchObject({
      settingsNotice: 'Using the defaults.',
      settingsProblems: [problem.message],
    });
    expect(qualityOf({ settings: { notice: null, problems: [problem] } })).toMatchObject({
      settingsNotice: null,
      settingsProblems: [problem.message],
    });
  });

  it('names the missing Deals columns by their headers', () => {
    expect(qualityOf({ missingColumns: ['owner', 'followUp'] }).missingColumns).toEqual([
      'Owner',
      'Follow-up',
    ]);
  });
});

describe('the data quality block of the Summary', () => {
  const numbers = summaryNumbers([], [], TABLE, OPTIONS, { today: TODAY, timeZone: 'UTC' });
  const layoutWith = (input: Partial<DataQualityInput>) =>
    summaryLayout({
      numbers,
      currency: 'USD',
      today: TODAY,
      refreshed: 'Refreshed',
      quality: qualityOf(input),
      slippage: { slipped: [], owners: [] },
      accuracy: { team: [], owners: [], notes: [] },
    });
  const block = (values: unknown[][]) => {
    const at = values.findIndex((line) => line[0] === 'Data quality');
    const end = values.findIndex((line, i) => i > at && line[0] === '');
    return values.slice(at + 1, end).map((line) => line.slice(0, 3));
  };

  it('shows each count with a note saying what it means', () => {
    const values = layoutWith({
      deals: [deal({ owner: '' }), deal({ owner: 'Sam' })],
      unknownStageDeals: 1,
      history: { ...HISTORY, skippedRows: [4, 9, 12, 30] },
    }).values;
    expect(block(values)).toEqual([
      [
        'Deals in a stage not in Settings',
        1,
        'left out of every number: fix their Stage, or add the stage to Settings',
      ],
      ['Deals with no owner', 1, 'no one gets reminders for them'],
      ['Owners that are not an email address', 1, 'e.g. Sam'],
      [
        'Deal cells that cannot be read',
        0,
        'counted as blank, e.g. text in Amount or a date that is not a date',
      ],
      ['History rows skipped as unreadable', 4, 'rows 4, 9, 12…'],
    ]);
  });

  it('adds the History problem, the Settings notice and the first Settings problem when there are any', () => {
    const values = layoutWith({
      history: null,
      settings: {
        notice: 'The Settings stage table has 2 problems.',
        problems: [
          { cell: 'Settings!B3', message: 'Settings!B3: Probability is wrong.', severity: 'error' },
          { cell: 'Settings!C4', message: 'Settings!C4: Kind is wrong.', severity: 'error' },
        ],
      },
    }).values;
    const rows = block(values);
    expect(rows.map((line) => line[0])).toContain('History');
    expect(rows.slice(-2)).toEqual([
      ['Settings', '—', 'The Settings stage table has 2 problems.'],
      ['Settings problems', 2, 'Settings!B3: Probability is wrong.'],
    ]);
  });

  it('leaves a note blank when there is nothing to name, and lists up to three rows without "…"', () => {
    const rows = block(layoutWith({ history: { ...HISTORY, skippedRows: [4, 9, 12] } }).values);
    expect(rows.find((line) => line[0] === 'Owners that are not an email address')).toEqual([
      'Owners that are not an email address',
      0,
      '',
    ]);
    expect(rows.find((line) => line[0] === 'History rows skipped as unreadable')).toEqual([
      'History rows skipped as unreadable',
      3,
      'rows 4, 9, 12',
    ]);
    const none = block(layoutWith({}).values);
    expect(none.find((line) => line[0] === 'History rows skipped as unreadable')).toEqual([
      'History rows skipped as unreadable',
      0,
      '',
    ]);
    expect(none.map((line) => line[0])).not.toContain('Settings problems');
  });

  it('lists the missing Deals columns after the owners, saying they count as blank', () => {
    const rowsWith = (missingColumns: DataQualityInput['missingColumns']) =>
      block(layoutWith({ missingColumns }).values).filter((line) => line[0] === 'Deals columns missing');
    expect(rowsWith([])).toEqual([]);
    expect(rowsWith(['owner'])).toEqual([
      ['Deals columns missing', 1, 'Owner: counted as blank; run Set up sheets to add it'],
    ]);
    expect(rowsWith(['owner', 'stageSince'])).toEqual([
      ['Deals columns missing', 2, 'Owner, Stage Since: counted as blank; run Set up sheets to add them'],
    ]);
    const labels = block(layoutWith({ missingColumns: ['owner'] }).values).map((line) => line[0]);
    expect(labels.indexOf('Deals columns missing')).toBe(
      labels.indexOf('Owners that are not an email address') + 1,
    );
  });
});
