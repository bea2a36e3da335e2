import { describe, expect, it } from 'vitest';

import { IMPORT_FIELDS, judgeMapping, targetText, toRequest } from '../../../src/core/import/request';
import { DEFAULT_STAGE_TABLE } from '../../../src/core/stage-table';

const HEADERS = ['Ref', 'Customer', 'Stage', 'Amount', 'Country'];
const GOOD = {
  columns: { Ref: 'keep', Customer: 'company', Stage: 'stage', Amount: 'amount', Country: '' },
  stages: { Identified: 'lead', Parked: '' },
  sourceId: 'Ref',
};
const judge = (request: unknown) => judgeMapping(request, HEADERS, DEFAULT_STAGE_TABLE);

describe('the mapping a person sends back', () => {
  it('becomes the mapping import uses, stages spelled as Settings spells them', () => {
    expect(judge(GOOD)).toEqual({
      ok: true,
      mapping: {
        columns: {
          Ref: { keep: true },
          Customer: { field: 'company' },
          Stage: { field: 'stage' },
          Amount: { field: 'amount' },
          Country: null,
        },
        stages: { Identified: 'Lead', Parked: null },
        sourceId: 'Ref',
      },
    });
    expect(judge({ ...GOOD, sourceId: '' })).toMatchObject({ ok: true, mapping: { sourceId: null } });
    expect(judge({ ...GOOD, sourceId: undefined })).toMatchObject({ ok: true, mapping: { sourceId: null } });
    expect(
      judge({ ...GOOD, columns: { ...GOOD.columns, Country: null }, stages: { X: null } }),
    ).toMatchObject({
      ok: true,
      mapping: { columns: { Country: null }, stages: { X: null } },
    });
  });

  it('refuses what is not a mapping', () => {
    const shape = 'The mapping must be an object with columns, stages and sourceId.';
    for (const bad of [null, 'all', 3, [GOOD]]) expect(judge(bad)).toEqual({ ok: false, message: shape });
    const parts = 'The mapping needs columns and stages, each by source name.';
    expect(judge({ columns: GOOD.columns })).toEqual({ ok: false, message: parts });
    expect(judge({ stages: GOOD.stages, columns: [] })).toEqual({ ok: false, message: parts });
    expect(judge({ columns: null, stages: {} })).toEqual({ ok: false, message: parts });
  });

  it('names a column the source lacks, a target that is not a field, and a field taken twice', () => {
    expect(judge({ ...GOOD, columns: { ...GOOD.columns, Region: 'notes' } })).toEqual({
      ok: false,
      message: 'Column "Region" is not in the source sheet.',
    });
    expect(judge({ ...GOOD, columns: { ...GOOD.columns, Country: 'id' } })).toEqual({
      ok: false,
      message: 'Column "Country": "id" is not a Deals field.',
    });
    expect(judge({ ...GOOD, columns: { ...GOOD.columns, Country: 7 } })).toEqual({
      ok: false,
      message: 'Column "Country": 7 is not a Deals field.',
    });
    expect(judge({ ...GOOD, columns: { ...GOOD.columns, Country: 'amount' } })).toEqual({
      ok: false,
      message: 'Two columns go to Amount: choose one.',
    });
  });

  it('needs a Stage column, stages of the table, and a kept source ID', () => {
    expect(judge({ ...GOOD, columns: { ...GOOD.columns, Stage: '' } })).toEqual({
      ok: false,
      message: 'Choose the column that holds the Stage.',
    });
    expect(judge({ ...GOOD, stages: { Identified: 'Nowhere' } })).toEqual({
      ok: false,
      message: 'Stage "Identified": "Nowhere" is not a stage in Settings.',
    });
    expect(judge({ ...GOOD, stages: { Identified: 3 } })).toEqual({
      ok: false,
      message: 'Stage "Identified": 3 is not a stage in Settings.',
    });
    expect(judge({ ...GOOD, sourceId: 'Customer' })).toEqual({
      ok: false,
      message: 'sourceId "Customer" must be a column that is kept.',
    });
    expect(judge({ ...GOOD, sourceId: 'Country' })).toEqual({
      ok: false,
      message: 'sourceId "Country" must be a column that is kept.',
    });
    expect(judge({ ...GOOD, sourceId: 'Elsewhere' })).toEqual({
      ok: false,
      message: 'sourceId "Elsewhere" must be a column that is kept.',
    });
    expect(judge({ ...GOOD, sourceId: 5 })).toEqual({
      ok: false,
      message: 'sourceId 5 must be a column that is kept.',
    });
  });
});

describe('the proposal as the sidebar shows it', () => {
  it('writes targets as field keys, keep or blank, and stages as names or blank', () => {
    expect(targetText(null)).toBe('');
    expect(targetText({ keep: true })).toBe('keep');
    expect(targetText({ field: 'owner' })).toBe('owner');
    expect(
      toRequest({
        columns: { A: { field: 'deal' }, B: null, C: { keep: true } },
        stages: { X: 'Lead', Y: null },
        sourceId: null,
      }),
    ).toEqual({ columns: { A: 'deal', B: '', C: 'keep' }, stages: { X: 'Lead', Y: '' }, sourceId: '' });
    expect(toRequest({ columns: {}, stages: {}, sourceId: 'C' }).sourceId).toBe('C');
  });

  it('offers every Deals field but ID and Stage Since', () => {
    expect(IMPORT_FIELDS.map((f) => f.key)).not.toContain('id');
    expect(IMPORT_FIELDS.map((f) => f.key)).not.toContain('stageSince');
    expect(IMPORT_FIELDS).toHaveLength(16);
  });
});
