import { describe, expect, it } from 'vitest';

import { dayFromParts } from '../../../src/core/dates';
import { changedFields, judgeNewDeal, judgeUpdate } from '../../../src/core/sidebar/changes';
import { NO_DEAL } from '../../../src/core/sidebar/form';
import { DEFAULT_STAGE_TABLE } from '../../../src/core/stage-table';
import { aDeal } from '../deal-helpers';

const TABLE = DEFAULT_STAGE_TABLE;
const TODAY = dayFromParts(2025, 6, 15);

describe('the fields a form changes', () => {
  it('are those it gives a different value', () => {
    expect(changedFields(aDeal(), { amount: 12000, notes: 'hot', closeDate: null }, [])).toEqual([
      'notes',
      'closeDate',
    ]);
    expect(changedFields(aDeal(), {}, [])).toEqual([]);
  });

  it('include those whose cell could not be read, whatever the value given', () => {
    expect(changedFields(aDeal({ amount: null }), { amount: null, notes: '' }, ['amount'])).toEqual([
      'amount',
    ]);
  });
});

describe('judging a new deal', () => {
  it('gives the deal as the form describes it', () => {
    expect(
      judgeNewDeal(
        {
          deal: ' Acme ',
          company: 'Acme',
          owner: 'sam@seller.example',
          stage: 'qualified',
          email: 'a@b.example',
          amount: '5,000',
        },
        TABLE,
        TODAY,
      ),
    ).toEqual({
      ok: true,
      value: {
        ...NO_DEAL,
        deal: 'Acme',
        company: 'Acme',
        owner: 'sam@seller.example',
        stage: 'Qualified',
        email: 'a@b.example',
        amount: 5000,
      },
    });
  });

  it('refuses it with every problem in one message that names the deal', () => {
    expect(judgeNewDeal({ deal: 'Acme', stage: 'Lead', email: 'a@', amount: -3 }, TABLE, TODAY)).toEqual({
      ok: false,
      message:
        'New deal "Acme": Company is required in stage Lead. Email must be an email address such as ana@example.com, not "a@". ' +
        'Owner is required in stage Lead. Amount must be a number ≥ 0, not -3.',
    });
    expect(judgeNewDeal(undefined, TABLE, TODAY)).toEqual({
      ok: false,
      message:
        'New deal: A new deal must be given as fields, such as {deal: "Acme renewal", stage: "Lead"}, not undefined.',
    });
  });

  it('does not refuse it for a warning', () => {
    const form = {
      deal: 'Acme',
      company: 'Acme',
      owner: 'sam@seller.example',
      stage: 'Lead',
      closeDate: '2020-01-01',
    };
    expect(judgeNewDeal(form, TABLE, TODAY).ok).toBe(true);
  });
});

describe('judging changes to a deal', () => {
  it('gives the deal as it will be, and the fields that change', () => {
    expect(
      judgeUpdate(aDeal(), [], { followUp: '2025-07-08', lastContact: '2025-06-10' }, TABLE, TODAY),
    ).toEqual({
      ok: true,
      value: { deal: aDeal({ followUp: dayFromParts(2025, 7, 8) }), changed: ['followUp'] },
    });
  });

  it('counts a field whose cell could not be read as changed', () => {
    const judged = judgeUpdate(aDeal(), ['lastContact'], { lastContact: '2025-06-10' }, TABLE, TODAY);
    expect(judged.ok && judged.value.changed).toEqual(['lastContact']);
  });

  it('refuses a stage, and what the deal’s stage requires left blank, naming the deal', () => {
    expect(judgeUpdate(aDeal(), [], { stage: 'Negotiation', email: '' }, TABLE, TODAY)).toEqual({
      ok: false,
      message:
        'D-0042 "Acme renewal": Email is required in stage Proposal. Stage changes only with a move: use Move to change the stage.',
    });
  });

  it('refuses changes that are not fields', () => {
    expect(judgeUpdate(aDeal(), [], 42, TABLE, TODAY)).toEqual({
      ok: false,
      message:
        'D-0042 "Acme renewal": The changes to a deal must be given as fields, such as {deal: "Acme renewal", stage: "Lead"}, not 42.',
    });
  });
});
