import { describe, expect, it } from 'vitest';

import type { ImportReport, MappingRequest } from '../../src/core/import/request';
import {
  countShown,
  keptColumns,
  reportSummary,
  stageColumn,
  withTarget,
} from '../../src/sidebar/import-mapping';

const MAPPING: MappingRequest = {
  columns: { 'Deal ID': 'keep', Customer: 'company', Stage: 'stage', Value: 'amount', Size: '', Ref: 'keep' },
  stages: { Won: 'Closed Won' },
  sourceId: 'Deal ID',
};

const REPORT: ImportReport = {
  imported: 0,
  alreadyImported: 0,
  rejected: [],
  firstRow: null,
  lastRow: null,
  columnsAdded: [],
  matchedBy: 'the "Deal ID" column',
};

describe('correcting where a column goes', () => {
  it('gives a Deals field to one column: the column that had it is no longer imported, and named', () => {
    const change = withTarget(MAPPING, 'Size', 'amount');
    expect(change.displaced).toBe('Value');
    expect(change.mapping.columns).toMatchObject({ Size: 'amount', Value: '' });
    expect(change.mapping.stages).toBe(MAPPING.stages);
  });

  it('lets any number of columns be kept or left out, displacing none', () => {
    expect(withTarget(MAPPING, 'Size', 'keep')).toMatchObject({ displaced: null });
    expect(withTarget(MAPPING, 'Customer', '').mapping.columns).toEqual({ ...MAPPING.columns, Customer: '' });
  });

  it('stops matching deals on a column that is no longer kept, and keeps matching on one that is', () => {
    expect(withTarget(MAPPING, 'Deal ID', '').mapping.sourceId).toBe('');
    expect(withTarget(MAPPING, 'Deal ID', 'deal').mapping.sourceId).toBe('');
    expect(withTarget(MAPPING, 'Ref', '').mapping.sourceId).toBe('Deal ID');
  });

  it('offers the kept columns to identify a deal, and finds the Stage column', () => {
    expect(keptColumns(MAPPING)).toEqual(['Deal ID', 'Ref']);
    expect(stageColumn(MAPPING)).toBe('Stage');
    expect(stageColumn(withTarget(MAPPING, 'Stage', '').mapping)).toBeNull();
  });
});

describe('the report in one sentence', () => {
  it('says how many were imported, into which rows, skipped and left out', () => {
    expect(
      reportSummary({
        ...REPORT,
        imported: 1_000,
        firstRow: 2,
        lastRow: 1_001,
        alreadyImported: 3,
        rejected: [{ row: 9, reason: 'it has no stage' }],
      }),
    ).toBe(
      'Imported 1,000 deals into rows 2–1001 of Deals. 3 deals already imported: skipped. 1 row left out.',
    );
  });

  it('names the one row of a single deal, and says when nothing new came in', () => {
    expect(reportSummary({ ...REPORT, imported: 1, firstRow: 7, lastRow: 7 })).toBe(
      'Imported 1 deal into row 7 of Deals.',
    );
    expect(reportSummary({ ...REPORT, alreadyImported: 1 })).toBe(
      'No new deals imported. 1 deal already imported: skipped.',
    );
  });

  it('counts with thousands separated', () => {
    expect(countShown(8_800, 'deal')).toBe('8,800 deals');
    expect(countShown(1, 'more row')).toBe('1 more row');
  });
});
