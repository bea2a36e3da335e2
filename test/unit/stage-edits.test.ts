import { describe, expect, it } from 'vitest';
import { judgeStageEdit } from '../../src/core/stage-edits';
import { DEFAULT_STAGE_TABLE } from '../../src/core/settings';
import { aDeal } from './deal-helpers';
import { dayFromParts } from '../../src/core/dates';

const TABLE = DEFAULT_STAGE_TABLE;
const TODAY = dayFromParts(2026, 11, 27);

describe('judging an edited Stage cell against the stage record', () => {
  it('is no move when the cell says what the record says, whatever the case', () => {
    expect(judgeStageEdit(aDeal({ stage: 'proposal ' }), 'Proposal', false, TABLE, TODAY)).toEqual({
      kind: 'unchanged',
    });
  });

  it('accepts an allowed move with the stage as Settings spells it', () => {
    expect(judgeStageEdit(aDeal({ stage: 'negotiation' }), 'Proposal', false, TABLE, TODAY)).toEqual({
      kind: 'moved',
      from: 'Proposal',
      to: 'Negotiation',
      closesToday: false,
    });
  });

  it('puts back a move Settings does not allow, to the recorded stage', () => {
    const edit = judgeStageEdit(aDeal({ stage: 'Lead' }), 'Negotiation', false, TABLE, TODAY);
    expect(edit).toMatchObject({ kind: 'reverted', restore: 'Negotiation' });
    expect(edit.kind === 'reverted' && edit.message).toContain('Negotiation → Lead is not allowed');
  });

  it('closes today on entering a won or lost stage without a Close Date, which it then does not lack', () => {
    const won = judgeStageEdit(
      aDeal({ stage: 'Closed Won', closeDate: null }),
      'Negotiation',
      false,
      TABLE,
      TODAY,
    );
    expect(won).toMatchObject({ kind: 'moved', to: 'Closed Won', closesToday: true });
    const dated = judgeStageEdit(
      aDeal({ stage: 'Closed Lost', lostReason: 'Budget' }),
      'Negotiation',
      false,
      TABLE,
      TODAY,
    );
    expect(dated).toMatchObject({ kind: 'moved', closesToday: false });
    const noReason = judgeStageEdit(
      aDeal({ stage: 'Closed Lost', closeDate: null }),
      'Negotiation',
      false,
      TABLE,
      TODAY,
    );
    expect(noReason).toMatchObject({ kind: 'reverted' });
    expect(noReason.kind === 'reverted' && noReason.message).toContain('Lost Reason');
  });

  it('lets a new deal start in an open stage before its required fields, but not in a won one', () => {
    expect(
      judgeStageEdit(aDeal({ stage: 'Proposal', amount: null }), undefined, false, TABLE, TODAY),
    ).toMatchObject({
      kind: 'moved',
      from: '',
      to: 'Proposal',
    });
    expect(judgeStageEdit(aDeal({ stage: 'Closed Won' }), undefined, false, TABLE, TODAY)).toMatchObject({
      kind: 'reverted',
      restore: '',
    });
  });

  it('never puts anything back on a row emptied entirely (a deleted deal)', () => {
    expect(judgeStageEdit(aDeal({ stage: '' }), 'Proposal', true, TABLE, TODAY)).toEqual({
      kind: 'unchanged',
    });
  });
});
