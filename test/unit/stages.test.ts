import { describe, expect, it } from 'vitest';

import { DEFAULT_STAGE_TABLE } from '../../src/core/stage-table';
import {
  allowedNextStages,
  findStage,
  isBlankField,
  missingFields,
  openStageNames,
  stageIndex,
  stageNames,
} from '../../src/core/stages';
import { aDeal } from './deal-helpers';

const TABLE = DEFAULT_STAGE_TABLE;

describe('finding stages', () => {
  it('finds a stage by name, trimmed and case-insensitive', () => {
    expect(findStage(TABLE, ' closed WON ')?.name).toBe('Closed Won');
    expect(findStage(TABLE, 'Demo')).toBeUndefined();
  });

  it('orders stages as the table does: further along is a higher index', () => {
    expect(stageIndex(TABLE, 'Lead')).toBe(0);
    expect(stageIndex(TABLE, 'negotiation')).toBe(3);
    expect(stageIndex(TABLE, 'Demo')).toBe(-1);
    expect(stageNames(TABLE)).toHaveLength(6);
    expect(openStageNames(TABLE)).toEqual(['Lead', 'Qualified', 'Proposal', 'Negotiation']);
  });

  it('tells open, won and lost stages apart; an unknown stage has no kind', () => {
    expect(['Lead', 'closed won', 'Closed Lost', 'Demo'].map((name) => findStage(TABLE, name)?.kind)).toEqual(
      ['open', 'won', 'lost', undefined],
    );
  });
});

describe('where a deal may go and what it needs', () => {
  it('lists the next stages in the order Settings gives them', () => {
    expect(allowedNextStages(TABLE, 'Qualified')).toEqual(['Proposal', 'Lead', 'Closed Lost']);
    expect(allowedNextStages(TABLE, 'Closed Won')).toEqual([]);
    expect(allowedNextStages(TABLE, 'Demo')).toEqual([]);
  });

  it('lists the blank required fields, and Lost Reason for a lost stage', () => {
    const lost = findStage(TABLE, 'Closed Lost');
    expect(lost && missingFields(aDeal({ company: '' }), lost)).toEqual(['company', 'lostReason']);
    expect(isBlankField(aDeal({ amount: 0 }), 'amount')).toBe(false);
    expect(isBlankField(aDeal({ amount: null }), 'amount')).toBe(true);
  });
});
