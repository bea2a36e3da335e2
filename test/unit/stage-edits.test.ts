import { describe, expect, it } from 'vitest';
import { judgeStageEdit } from '../../src/core/stage-edits';
import { DEFAULT_STAGE_TABLE } from '../../src/core/settings';
import { aDeal } from './deal-helpers';

const TABLE = DEFAULT_STAGE_TABLE;

describe('judging an edited Stage cell against the stage record', () => {
  it('is no move when the cell says what the record says, whatever the case', () => {
    expect(judgeStageEdit(aDeal({ stage: 'proposal ' }), 'Proposal', false, TABLE)).toEqual({
      kind: 'unchanged',
    });
  });

  it('accepts an allowed move with the stage as Settings spells it', () => {
    expect(judgeStageEdit(aDeal({ stage: 'negotiation' }), 'Proposal', false, TABLE)).toEqual({
      kind: 'moved',
      from: 'Proposal',
      to: 'Negotiation',
      closesToday: false,
    });
  });

  it('puts back a move Settings does not allow, to the recorded stage', () => {
    const edit = judgeStageEdit(aDeal({ stage: 'Lead' }), 'Negotiation', false, TABLE);
    expect(edit).toMatchObject({ kind: 'reverted', restore: 'Negotiation' });
    expect(edit.kind === 'reverted' && edit.message).toContain('Negotiation → Lead is not allowed');
  });

  it('closes today on entering a lost stage without a Close Date; won needs its Close Date first', () => {
    const edit = judgeStageEdit(aDeal({ stage: 'Closed Won', closeDate: null }), 'Negotiation', false, TABLE);
    expect(edit).toMatchObject({ kind: 'reverted' });
    const withDate = judgeStageEdit(
      aDeal({ stage: 'Closed Lost', lostReason: 'Budget' }),
      'Negotiation',
      false,
      TABLE,
    );
    expect(withDate).toMatchObject({ kind: 'moved', closesToday: false });
    const noDate = judgeStageEdit(
      aDeal({ stage: 'Closed Lost', lostReason: 'Budget', closeDate: null }),
      'Negotiation',
      false,
      TABLE,
    );
    expect(noDate).toMatchObject({ kind: 'moved', closesToday: true });
  });

  it('lets a new deal start in an open stage before its required fields, but not in a won one', () => {
    expect(judgeStageEdit(aDeal({ stage: 'Proposal', amount: null }), undefined, false, TABLE)).toMatchObject(
      {
        kind: 'moved',
        from: '',
        to: 'Proposal',
      },
    );
    expect(judgeStageEdit(aDeal({ stage: 'Closed Won' }), undefined, false, TABLE)).toMatchObject({
      kind: 'reverted',
      restore: '',
    });
  });

  it('never puts anything back on a row emptied entirely (a deleted deal)', () => {
    expect(judgeStageEdit(aDeal({ stage: '' }), 'Proposal', true, TABLE)).toEqual({ kind: 'unchanged' });
  });
});
