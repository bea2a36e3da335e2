import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { DEFAULT_STAGE_ROWS } from '../../src/core/defaults';
import { DEFAULT_STAGE_TABLE, parseStageTable } from '../../src/core/stage-table';
import { checkTransition, dealIdNumber, formatDealId, nextDealId } from '../../src/core/transitions';
import { aDeal } from './deal-helpers';

const TABLE = DEFAULT_STAGE_TABLE;

describe('moving a deal between stages', () => {
  it('allows a move listed in Next Stages, whatever the case of the names', () => {
    expect(checkTransition('Proposal', 'Negotiation', aDeal(), TABLE)).toEqual({
      allowed: true,
      moved: true,
    });
    expect(checkTransition(' proposal', 'NEGOTIATION ', aDeal(), TABLE)).toEqual({
      allowed: true,
      moved: true,
    });
  });

  it('refuses a move that is not listed, naming the deal, the move and the allowed moves', () => {
    const check = checkTransition('Lead', 'Closed Won', aDeal({ stage: 'Closed Won' }), TABLE);
    expect(check).toEqual({
      allowed: false,
      reason:
        'D-0042 "Acme renewal": Lead → Closed Won is not allowed. From Lead, allowed: Qualified, Closed Lost.',
      allowedMoves: ['Qualified', 'Closed Lost'],
      missingFields: [],
    });
  });

  it('treats staying in the same stage as no move: allowed, nothing for History', () => {
    expect(checkTransition('Closed Won', 'closed won', aDeal({ amount: null }), TABLE)).toEqual({
      allowed: true,
      moved: false,
    });
  });

  it('refuses every move out of a stage whose Next Stages is blank', () => {
    const check = checkTransition('Closed Won', 'Lead', aDeal(), TABLE);
    expect(check).toMatchObject({ allowed: false, allowedMoves: [] });
    expect(check.allowed === false && check.reason).toBe(
      'D-0042 "Acme renewal": Closed Won → Lead is not allowed. From Closed Won, it cannot move anywhere.',
    );
  });

  it('allows any move out of a stage whose Next Stages is *', () => {
    const rows = DEFAULT_STAGE_ROWS.map((row) => [...row]);
    (rows[1] as (string | number)[])[4] = '*';
    const table = parseStageTable(rows).table ?? TABLE;
    expect(checkTransition('Lead', 'Negotiation', aDeal(), table)).toEqual({ allowed: true, moved: true });
    const refused = checkTransition('Lead', 'Nowhere', aDeal(), table);
    expect(refused.allowed === false && refused.allowedMoves).toEqual([
      'Qualified',
      'Proposal',
      'Negotiation',
      'Closed Won',
      'Closed Lost',
    ]);
  });

  it('refuses a move into a stage whose required fields are missing, listing them', () => {
    const deal = aDeal({ stage: 'Proposal', amount: null, closeDate: null });
    expect(checkTransition('Qualified', 'Proposal', deal, TABLE)).toEqual({
      allowed: false,
      reason: 'D-0042 "Acme renewal": Proposal needs Amount, Close Date first.',
      allowedMoves: ['Proposal', 'Lead', 'Closed Lost'],
      missingFields: ['amount', 'closeDate'],
    });
  });

  it('requires a Lost Reason to enter a lost stage', () => {
    const check = checkTransition('Negotiation', 'Closed Lost', aDeal(), TABLE);
    expect(check).toMatchObject({ allowed: false, missingFields: ['lostReason'] });
    expect(
      checkTransition('Negotiation', 'Closed Lost', aDeal({ lostReason: 'Budget' }), TABLE).allowed,
    ).toBe(true);
  });

  it('still says what the target needs when the move itself is not allowed', () => {
    const check = checkTransition('Lead', 'Closed Won', aDeal({ amount: null }), TABLE);
    expect(check).toMatchObject({ allowed: false, missingFields: ['amount'] });
  });

  it('refuses a stage that is not in Settings, and a blank one', () => {
    const unknown = checkTransition('Lead', 'Demo', aDeal(), TABLE);
    expect(unknown.allowed === false && unknown.reason).toBe(
      'D-0042 "Acme renewal": "Demo" is not a stage in Settings. From Lead, allowed: Qualified, Closed Lost.',
    );
    const blank = checkTransition('Lead', '  ', aDeal(), TABLE);
    expect(blank).toMatchObject({
      allowed: false,
      allowedMoves: ['Qualified', 'Closed Lost'],
      missingFields: [],
    });
    expect(blank.allowed === false && blank.reason).toContain('a deal cannot have a blank Stage');
  });

  it('lets a new deal start in any open stage and nowhere else', () => {
    expect(checkTransition(null, 'Negotiation', aDeal(), TABLE)).toEqual({ allowed: true, moved: true });
    expect(checkTransition('', 'Lead', aDeal(), TABLE)).toEqual({ allowed: true, moved: true });
    expect(checkTransition(null, 'Closed Won', aDeal(), TABLE)).toEqual({
      allowed: false,
      reason:
        'D-0042 "Acme renewal": a new deal cannot start in Closed Won; allowed: Lead, Qualified, Proposal, Negotiation.',
      allowedMoves: ['Lead', 'Qualified', 'Proposal', 'Negotiation'],
      missingFields: [],
    });
  });

  it('checks what a new deal needs for the stage it starts in', () => {
    const check = checkTransition(null, 'Lead', aDeal({ company: '', id: '', row: 0 }), TABLE);
    expect(check).toMatchObject({ allowed: false, missingFields: ['company'] });
  });

  it('lets a deal out of a stage that Settings no longer has', () => {
    expect(checkTransition('Discovery', 'Qualified', aDeal(), TABLE)).toEqual({ allowed: true, moved: true });
  });

  it('names a removed stage as it was written, and offers every stage from it', () => {
    const check = checkTransition(' Discovery ', '  ', aDeal(), TABLE);
    expect(check.allowed === false && check.reason).toBe(
      'D-0042 "Acme renewal": a deal cannot have a blank Stage. From Discovery, allowed: Lead, Qualified, Proposal, Negotiation, Closed Won, Closed Lost.',
    );
  });

  it('treats a blank recorded stage as a new deal, and names an unknown stage trimmed', () => {
    expect(checkTransition('  ', 'Lead', aDeal(), TABLE)).toEqual({ allowed: true, moved: true });
    expect(checkTransition(' ', 'Closed Won', aDeal(), TABLE)).toMatchObject({ allowed: false });
    const unknown = checkTransition(null, ' Demo ', aDeal(), TABLE);
    expect(unknown.allowed === false && unknown.reason).toBe(
      'D-0042 "Acme renewal": "Demo" is not a stage in Settings. From a new deal, allowed: Lead, Qualified, Proposal, Negotiation.',
    );
  });

  it('never calls a blank stage "staying put", even for a deal whose recorded stage is unknown', () => {
    expect(checkTransition('Nowhere', '', aDeal(), TABLE)).toMatchObject({ allowed: false });
    expect(checkTransition('Lead', 'lead ', aDeal(), TABLE)).toEqual({ allowed: true, moved: false });
  });
});

describe('deal IDs', () => {
  it('issues D-0001 first', () => {
    expect(nextDealId([], 0)).toBe('D-0001');
  });

  it('issues one past the counter, skipping numbers a cell already holds, ignoring other text', () => {
    expect(nextDealId(['D-0007', 'D-0042', 'd-0003', 'ACME-99', ''], 42)).toBe('D-0043');
    expect(nextDealId(['D-0043', 'd-0044', 'D-0046'], 42)).toBe('D-0045');
  });

  it('never lets a typed ID far past the counter decide the next one', () => {
    expect(nextDealId(['D-999999999', 'D-0002'], 2)).toBe('D-0003');
  });

  it('never reuses a number issued before, even once its deal is deleted', () => {
    expect(nextDealId(['D-0001'], 57)).toBe('D-0058');
    expect(nextDealId(['D-0057'], 57)).toBe('D-0058');
  });

  it('grows past four digits', () => {
    expect(nextDealId([], 9_999)).toBe('D-10000');
    expect(dealIdNumber('D-10000')).toBe(10_000);
    // The first definition, which every other reading must agree with.
    const reference = (id: string) => {
      const match = /^D-(\d+)$/i.exec(id.trim());
      return match ? Number(match[1]) : null;
    };
    const piece = fc.constantFrom('D', 'd', '-', '0', '7', '9', ' ', '\u00a0', 'x', '/', ':', '٣');
    fc.assert(
      fc.property(fc.string({ unit: piece, maxLength: 24 }), (id) => {
        expect(dealIdNumber(id)).toBe(reference(id));
      }),
      { numRuns: 3_000 },
    );
    for (const id of [
      'D-',
      'D-0',
      'd-12',
      ' D-12',
      'D-12 ',
      'D-1234567890123456789',
      'D-999999999999999',
      'E-12',
      'D_12',
      'D-1a',
    ]) {
      expect(dealIdNumber(id)).toBe(reference(id));
    }
  });

  it('reads back the number of every ID it formats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (n) => {
        expect(dealIdNumber(formatDealId(n))).toBe(n);
      }),
    );
  });

  it('issues an ID that is not among the existing ones', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50_000 })), fc.nat(50_000), (numbers, floor) => {
        const existing = numbers.map(formatDealId);
        const next = nextDealId(existing, floor);
        expect(existing).not.toContain(next);
        expect(dealIdNumber(next)).toBeGreaterThan(floor);
      }),
    );
  });
});
