import { describe, expect, it } from 'vitest';

import { dayFromParts } from '../../src/core/dates';
import { judgeStageEdit } from '../../src/core/stage-edits';
import { DEFAULT_STAGE_TABLE } from '../../src/core/stage-table';
import { aDeal } from './deal-helpers';

const TABLE = DEFAULT_STAGE_TABLE;
const TODAY = dayFromParts(2026, 11, 27);

describe('judging an edited Stage cell against the stage record', () => {
  it('is no move when the cell says what the record says, whatever the case and spaces', () => {
    expect(judgeStageEdit(aDeal({ stage: 'proposal ' }), 'Proposal', TABLE, TODAY)).toEqual({
      kind: 'unchanged',
    });
    expect(judgeStageEdit(aDeal({ stage: 'Proposal' }), ' Proposal ', TABLE, TODAY)).toEqual({
      kind: 'unchanged',
    });
  });

  it('is no move for a new row whose Stage is blank', () => {
    expect(judgeStageEdit(aDeal({ stage: '' }), undefined, TABLE, TODAY)).toEqual({ kind: 'unchanged' });
    expect(judgeStageEdit(aDeal({ stage: '  ' }), undefined, TABLE, TODAY)).toEqual({ kind: 'unchanged' });
  });

  it('accepts an allowed move with the stage as Settings spells it', () => {
    expect(judgeStageEdit(aDeal({ stage: 'negotiation' }), 'Proposal', TABLE, TODAY)).toEqual({
      kind: 'moved',
      from: 'Proposal',
      to: 'Negotiation',
      closesToday: false,
    });
  });

  it('puts back a move Settings does not allow, to the recorded stage, naming the moves allowed', () => {
    expect(judgeStageEdit(aDeal({ stage: 'Lead' }), 'Negotiation', TABLE, TODAY)).toEqual({
      kind: 'reverted',
      restore: 'Negotiation',
      message:
        'D-0042 "Acme renewal": Negotiation → Lead is not allowed. From Negotiation, allowed: Closed Won, Proposal, Closed Lost.',
    });
  });

  it('names what the target stage would also need when the move is not allowed either', () => {
    expect(
      judgeStageEdit(aDeal({ stage: 'Negotiation', email: '', amount: null }), 'Lead', TABLE, TODAY),
    ).toEqual({
      kind: 'reverted',
      restore: 'Lead',
      message:
        'D-0042 "Acme renewal": Lead → Negotiation is not allowed. From Lead, allowed: Qualified, Closed Lost. Negotiation also needs Email, Amount.',
    });
  });

  it('names the missing fields once when they are the only reason', () => {
    expect(judgeStageEdit(aDeal({ stage: 'Negotiation', amount: null }), 'Proposal', TABLE, TODAY)).toEqual({
      kind: 'reverted',
      restore: 'Proposal',
      message: 'D-0042 "Acme renewal": Negotiation needs Amount first.',
    });
  });

  it('puts back a stage Settings does not have, for a known deal and a new one', () => {
    expect(judgeStageEdit(aDeal({ stage: 'Nowhere' }), 'Lead', TABLE, TODAY)).toEqual({
      kind: 'reverted',
      restore: 'Lead',
      message:
        'D-0042 "Acme renewal": "Nowhere" is not a stage in Settings. From Lead, allowed: Qualified, Closed Lost.',
    });
    expect(judgeStageEdit(aDeal({ stage: 'Nowhere' }), undefined, TABLE, TODAY)).toMatchObject({
      kind: 'reverted',
      restore: '',
    });
  });

  it('closes today on entering a won or lost stage without a Close Date, which it then does not lack', () => {
    const won = judgeStageEdit(aDeal({ stage: 'Closed Won', closeDate: null }), 'Negotiation', TABLE, TODAY);
    expect(won).toEqual({ kind: 'moved', from: 'Negotiation', to: 'Closed Won', closesToday: true });
    const dated = judgeStageEdit(
      aDeal({ stage: 'Closed Lost', lostReason: 'Budget' }),
      'Negotiation',
      TABLE,
      TODAY,
    );
    expect(dated).toEqual({ kind: 'moved', from: 'Negotiation', to: 'Closed Lost', closesToday: false });
    const noReason = judgeStageEdit(
      aDeal({ stage: 'Closed Lost', closeDate: null }),
      'Negotiation',
      TABLE,
      TODAY,
    );
    expect(noReason).toEqual({
      kind: 'reverted',
      restore: 'Negotiation',
      message: 'D-0042 "Acme renewal": Closed Lost needs Lost Reason first.',
    });
  });

  it('does not close today on entering an open stage without a Close Date', () => {
    expect(judgeStageEdit(aDeal({ stage: 'Qualified', closeDate: null }), 'Lead', TABLE, TODAY)).toEqual({
      kind: 'moved',
      from: 'Lead',
      to: 'Qualified',
      closesToday: false,
    });
  });

  it('lets a new deal start in an open stage before its required fields, but not in a won one', () => {
    expect(judgeStageEdit(aDeal({ stage: 'proposal', amount: null }), undefined, TABLE, TODAY)).toEqual({
      kind: 'moved',
      from: '',
      to: 'Proposal',
      closesToday: false,
    });
    expect(judgeStageEdit(aDeal({ stage: 'Closed Won' }), undefined, TABLE, TODAY)).toEqual({
      kind: 'reverted',
      restore: '',
      message:
        'D-0042 "Acme renewal": a new deal cannot start in Closed Won; allowed: Lead, Qualified, Proposal, Negotiation.',
    });
  });
});
