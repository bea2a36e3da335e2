/**
 * Import deals (issue 11 §1): another sheet of the spreadsheet, as File › Import leaves a CSV,
 * appended to Deals in one batch — both reference files in one run each.
 */
import { describe, expect, it } from 'vitest';

import type { ImportPreview as Preview, ImportReport as Report } from '../../src/core/import/request';
import { readCsv } from '../fixtures/reference-data';
import { cell, col, history, startWithDeals } from './deals';
import type { Addon } from './harness';
import { startAddon, typeSheet } from './harness';

/** A CSV brought in with File › Import: Sheets parses numbers, percents and ISO dates as it goes. */
function withSource(name: string, rows: string[][]): Addon {
  const started = startAddon();
  startWithDeals(started, []);
  typeSheet(started.emulator, name, rows);
  return started;
}

function errorOf(started: Addon, name: string, ...args: unknown[]): string {
  try {
    started.addon.run(name, ...args);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${name} did not throw`);
}

const snapshot = () => readCsv('pipeline-snapshot-2015.csv');
/** Spreadsheet calls of importing the snapshot, to compare with the larger Maven file. */
let snapshotCalls = 0;
const maven = () => readCsv('maven-crm-sales-pipeline.csv');

describe('importing pipeline-snapshot-2015.csv', () => {
  const started = withSource('Snapshot', snapshot());
  const preview = started.addon.run('previewImport', 'Snapshot') as Preview;
  started.emulator.calls.reset();
  const report = started.addon.run('importDeals', 'Snapshot') as Report;
  snapshotCalls = started.emulator.calls.total(['Spreadsheet', 'Sheet', 'Range']);

  it('proposes the columns and stages, with counts and samples, and writes nothing', () => {
    const target = Object.fromEntries(preview.columns.map((c) => [c.source, c.target]));
    expect(target).toMatchObject({
      'Deal Owner': 'owner',
      Customer: 'company',
      'Sales stage': 'stage',
      'Deal size': 'amount',
      Probability: 'probability',
      'Close Date/Expected Close Date': 'closeDate',
      'Next Steps': 'nextStep',
      Country: '',
    });
    expect(preview.rows).toBe(1_001);
    expect(preview.stages).toEqual([
      { source: 'Identified', count: 355, stage: 'Lead' },
      { source: 'Validated', count: 226, stage: 'Qualified' },
      { source: 'Proposal', count: 145, stage: 'Proposal' },
      { source: 'Qualified', count: 188, stage: 'Qualified' },
      { source: 'Won', count: 53, stage: 'Closed Won' },
      { source: 'Lost', count: 33, stage: 'Closed Lost' },
    ]);
    expect(preview.columns.find((c) => c.source === 'Customer')?.samples).toEqual([
      'Customer 1',
      'Customer 2',
      'Customer 3',
    ]);
  });

  it('imports the 1,000 deals among the 4,841 blank rows, and names the one row it leaves out', () => {
    expect(report.imported).toBe(1_000);
    expect(report.rejected).toEqual([{ row: 3764, reason: 'it has no stage' }]);
    expect(report.firstRow).toBe(2);
    expect(report.lastRow).toBe(1_001);
    expect(report.columnsAdded).toEqual(['Import Key']);
    expect(cell(started, 'id', 2)).toBe('D-0001');
    expect(cell(started, 'id', 1_001)).toBe('D-1000');
    expect(cell(started, 'closeDate', 2)).toBeInstanceOf(Date);
    expect(cell(started, 'probability', 2)).toBe(0.65);
    expect(history(started)).toHaveLength(1_000);
    expect(history(started)[0]?.slice(1)).toEqual([
      'D-0001',
      '',
      '',
      'Lead',
      'owner@example.com',
      'import',
      '',
    ]);
  });

  it('gives the Summary a weighted pipeline equal to Σ Deal size × Probability over the open deals', () => {
    const expected = snapshot()
      .slice(1)
      .filter((row) => ['Identified', 'Validated', 'Qualified', 'Proposal'].includes(row[4]!))
      .reduce((sum, row) => sum + Number(row[5]) * (parseFloat(row[6]!) / 100), 0);
    started.addon.run('refreshSummary');
    const weighted = started.emulator.workbook
      .values('Summary')
      .find((row) => row[0] === 'Weighted pipeline')?.[1];
    expect(weighted).toBeCloseTo(expected, 6);
  });

  it('shows conversion on the funnel right after the import', () => {
    const lead = started.emulator.workbook.values('Summary').find((row) => row[0] === 'Lead');
    expect(lead?.[4]).toBe(1_000 - 0);
    expect(typeof lead?.[5]).toBe('number');
  });

  it('does not import the same deals twice (each row’s content is its key)', () => {
    const again = started.addon.run('importDeals', 'Snapshot') as Report;
    expect(again).toMatchObject({ imported: 0, alreadyImported: 1_000, firstRow: null, columnsAdded: [] });
    expect(history(started)).toHaveLength(1_000);
  });
});

describe('importing maven-crm-sales-pipeline.csv', () => {
  const started = withSource('Maven', maven());
  const report = started.addon.run('importDeals', 'Maven') as Report;

  it('imports all 8,800 deals in one run, keeping opportunity_id and matching on it', () => {
    expect(report).toMatchObject({ imported: 8_800, rejected: [], columnsAdded: ['opportunity_id'] });
    expect(report.matchedBy).toBe('the "opportunity_id" column');
    const header = started.emulator.workbook.values('Deals')[0]!;
    expect(started.emulator.workbook.values('Deals')[1]?.[header.indexOf('opportunity_id')]).toBe('1C1I7A6R');
    expect(cell(started, 'stage', 2)).toBe('Closed Won');
    expect(cell(started, 'deal', 2)).toBe('GTX Plus Basic');
  });

  it('makes the same spreadsheet calls for 8,800 deals as for the 1,000 of the snapshot', () => {
    const again = withSource('Maven', maven());
    again.emulator.calls.reset();
    again.addon.run('importDeals', 'Maven');
    expect(again.emulator.calls.total(['Spreadsheet', 'Sheet', 'Range'])).toBe(snapshotCalls);
  });

  it('keeps a won or lost deal’s source Close Date and takes Created from engage_date', () => {
    const close = cell(started, 'closeDate', 2) as Date;
    const created = cell(started, 'created', 2) as Date;
    expect(started.emulator.Date.prototype.toISOString.call(close).slice(0, 10)).toBe('2017-03-01');
    expect(created.toISOString().slice(0, 10)).toBe('2016-10-20');
  });

  it('has a win rate of 4,238 ÷ 6,711 over all time', () => {
    const stages = started.emulator.spreadsheet
      .scriptRange('Deals', `${col('stage')}2:${col('stage')}8801`)
      .getValues();
    expect(started.addon.run('WIN_RATE', stages)).toBeCloseTo(4_238 / 6_711, 12);
  });

  it('importing it again adds nothing', () => {
    const again = started.addon.run('importDeals', 'Maven') as Report;
    expect(again).toMatchObject({ imported: 0, alreadyImported: 8_800 });
  });
});

describe('what import refuses, and what it keeps as it was written', () => {
  const SOURCE = [
    ['Ref', 'Customer', 'Stage', 'Amount', 'Close'],
    ['R1', '\'=IMPORTXML("http://x","//a")', 'Lead', '100', '2027-01-02'],
    ['R2', 'Globex', 'Parked', '100', ''],
    ['R3', 'Initech', 'Lead', 'lots', ''],
    ['R4', "'+1 555 0100", 'Proposal', '300', '3/1/2027'],
  ];

  it('lists each rejected row with its number and reason, and keeps user text literal', () => {
    const started = withSource('Tracker', SOURCE);
    const preview = started.addon.run('previewImport', 'Tracker') as Preview;
    // A stage nothing says how far along it is goes to the first open stage; here, left out.
    expect(preview.mapping.stages.Parked).toBe('Lead');
    const mapping = { ...preview.mapping, stages: { ...preview.mapping.stages, Parked: '' } };
    const report = started.addon.run('importDeals', 'Tracker', mapping) as Report;
    expect(report.imported).toBe(2);
    expect(report.rejected).toEqual([
      { row: 3, reason: 'its stage "Parked" is not mapped to a stage' },
      { row: 4, reason: 'Amount (from "Amount") cannot be read: lots' },
    ]);
    expect(cell(started, 'company', 2)).toBe('=IMPORTXML("http://x","//a")');
    expect(cell(started, 'company', 3)).toBe('+1 555 0100');
    expect((cell(started, 'closeDate', 3) as Date).getTime()).toBeGreaterThan(0);
  });

  it('takes a corrected mapping: a stage moved, a column left out', () => {
    const started = withSource('Tracker', SOURCE);
    const preview = started.addon.run('previewImport', 'Tracker') as Preview;
    const mapping = {
      ...preview.mapping,
      columns: { ...preview.mapping.columns, Close: '' },
      stages: { ...preview.mapping.stages, Parked: 'Qualified' },
    };
    const report = started.addon.run('importDeals', 'Tracker', mapping) as Report;
    expect(report.imported).toBe(3);
    expect(cell(started, 'stage', 3)).toBe('Qualified');
    expect(cell(started, 'company', 3)).toBe('Globex');
    expect(cell(started, 'closeDate', 2)).toBe('');
  });

  it('refuses a bad request with a message naming what is wrong, and writes nothing', () => {
    const started = withSource('Tracker', SOURCE);
    const before = JSON.stringify(started.emulator.workbook.values('Deals'));
    const preview = started.addon.run('previewImport', 'Tracker') as Preview;
    expect(errorOf(started, 'importDeals', 'Nope')).toBe(
      'There is no sheet named "Nope" in this spreadsheet.',
    );
    expect(errorOf(started, 'importDeals', 'Deals')).toBe(
      '"Deals" is one of Deal Pipeline\'s own sheets: choose the sheet that holds your deals.',
    );
    expect(errorOf(started, 'importDeals', 42)).toBe('Choose the sheet to import from.');
    expect(errorOf(started, 'importDeals', 'Tracker', 'all')).toBe(
      'The mapping must be an object with columns, stages and sourceId.',
    );
    expect(
      errorOf(started, 'importDeals', 'Tracker', { ...preview.mapping, stages: { Lead: 'Nowhere' } }),
    ).toBe('Stage "Lead": "Nowhere" is not a stage in Settings.');
    expect(
      errorOf(started, 'importDeals', 'Tracker', {
        ...preview.mapping,
        columns: { ...preview.mapping.columns, Ref: 'amount' },
      }),
    ).toBe('Two columns go to Amount: choose one.');
    expect(errorOf(started, 'previewImport', 'History')).toContain("one of Deal Pipeline's own sheets");
    expect(JSON.stringify(started.emulator.workbook.values('Deals'))).toBe(before);
    expect(history(started)).toEqual([]);
  });
});
