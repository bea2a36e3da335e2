import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_TABLE } from '../../src/core/settings';
import {
  allowedNextStages,
  effectiveProbability,
  findStage,
  isBlankField,
  isLost,
  isOpen,
  isWon,
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

  it('tells open, won and lost deals apart; a deal in an unknown stage is none of them', () => {
    expect([isOpen, isWon, isLost].map((is) => is(aDeal({ stage: 'Lead' }), TABLE))).toEqual([
      true,
      false,
      false,
    ]);
    expect([isOpen, isWon, isLost].map((is) => is(aDeal({ stage: 'closed won' }), TABLE))).toEqual([
      false,
      true,
      false,
    ]);
    expect([isOpen, isWon, isLost].map((is) => is(aDeal({ stage: 'Closed Lost' }), TABLE))).toEqual([
      false,
      false,
      true,
    ]);
    expect([isOpen, isWon, isLost].map((is) => is(aDeal({ stage: 'Demo' }), TABLE))).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe('the probability a deal counts at', () => {
  it("is the deal's own Probability when set, else its stage's", () => {
    expect(effectiveProbability(aDeal({ stage: 'Proposal', probability: null }), TABLE)).toBe(0.5);
    expect(effectiveProbability(aDeal({ stage: 'Proposal', probability: 0.35 }), TABLE)).toBe(0.35);
    expect(effectiveProbability(aDeal({ stage: 'Proposal', probability: 0 }), TABLE)).toBe(0);
  });

  it('is 100 % for a won deal and 0 % for a lost one, whatever the cell says', () => {
    expect(effectiveProbability(aDeal({ stage: 'Closed Won', probability: 0.65 }), TABLE)).toBe(1);
    expect(effectiveProbability(aDeal({ stage: 'Closed Lost', probability: 0.65 }), TABLE)).toBe(0);
  });

  it('is never guessed for a deal in an unknown stage', () => {
    expect(effectiveProbability(aDeal({ stage: 'Demo', probability: null }), TABLE)).toBe(0);
    expect(effectiveProbability(aDeal({ stage: 'Demo', probability: 0.2 }), TABLE)).toBe(0.2);
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
