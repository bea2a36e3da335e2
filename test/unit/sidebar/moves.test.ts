import { describe, expect, it } from 'vitest';

import { dayFromParts } from '../../../src/core/dates';
import { asEntering } from '../../../src/core/sidebar/entering';
import { judgeMove, movesOf } from '../../../src/core/sidebar/moves';
import { DEFAULT_STAGE_TABLE } from '../../../src/core/stage-table';
import { aDeal } from '../deal-helpers';

const TABLE = DEFAULT_STAGE_TABLE;
const TODAY = dayFromParts(2025, 6, 15);
const stage = (name: string) => TABLE.stages.find((s) => s.name === name)!;
const ALLOWED = 'From Proposal, allowed: Negotiation, Qualified, Closed Lost.';

const move = (
  to: unknown,
  fields: unknown,
  deal = aDeal(),
  recorded = deal.stage,
  unreadable: string[] = [],
) => judgeMove(deal, unreadable as never, recorded, to, fields, TABLE, TODAY);

describe('a deal entering a stage', () => {
  it('closes today when it enters a won or lost stage with no Close Date', () => {
    const open = aDeal({ closeDate: null });
    expect(asEntering(open, stage('Closed Won'), TODAY)).toEqual({
      ...open,
      stage: 'Closed Won',
      closeDate: TODAY,
    });
    expect(asEntering(open, stage('Closed Lost'), TODAY).closeDate).toBe(TODAY);
  });

  it('keeps its Close Date otherwise', () => {
    expect(asEntering(aDeal({ closeDate: null }), stage('Negotiation'), TODAY).closeDate).toBeNull();
    expect(asEntering(aDeal(), stage('Closed Won'), TODAY).closeDate).toBe(aDeal().closeDate);
  });
});

describe('the moves a deal may make', () => {
  it('are its stage’s Next Stages in table order, each with what the deal lacks for it', () => {
    expect(movesOf(aDeal(), 'Proposal', TABLE, TODAY)).toEqual({
      moves: ['Qualified', 'Negotiation', 'Closed Lost'],
      needs: { Qualified: [], Negotiation: [], 'Closed Lost': ['lostReason'] },
    });
  });

  it('need no Close Date to close, since closing sets it', () => {
    const deal = aDeal({ stage: 'Negotiation', closeDate: null });
    expect(movesOf(deal, 'Negotiation', TABLE, TODAY).needs).toEqual({
      'Closed Won': [],
      Proposal: ['closeDate'],
      'Closed Lost': ['lostReason'],
    });
  });

  it('are none from a stage with no Next Stages', () => {
    expect(movesOf(aDeal({ stage: 'Closed Won' }), 'Closed Won', TABLE, TODAY)).toEqual({
      moves: [],
      needs: {},
    });
  });

  it('are the open stages for a deal with no stage yet', () => {
    const deal = aDeal({ stage: '', email: '' });
    expect(movesOf(deal, '', TABLE, TODAY)).toEqual({
      moves: ['Lead', 'Qualified', 'Proposal', 'Negotiation'],
      needs: { Lead: [], Qualified: ['email'], Proposal: ['email'], Negotiation: ['email'] },
    });
  });

  it('go anywhere from a stage no longer in Settings', () => {
    expect(movesOf(aDeal({ stage: 'Archived' }), 'Archived', TABLE, TODAY).moves).toEqual(
      TABLE.stages.map((s) => s.name),
    );
  });
});

describe('judging a move', () => {
  it('moves the deal with the fields that go with it', () => {
    expect(move('closed lost', { lostReason: 'Price' })).toEqual({
      ok: true,
      value: {
        deal: aDeal({ stage: 'Closed Lost', lostReason: 'Price' }),
        from: 'Proposal',
        to: 'Closed Lost',
        changed: ['lostReason', 'stage'],
      },
    });
  });

  it('closes the deal today when it is won or lost without a Close Date', () => {
    const deal = aDeal({ stage: 'Negotiation', closeDate: null });
    const judged = move('Closed Won', undefined, deal);
    expect(judged).toEqual({
      ok: true,
      value: {
        deal: { ...deal, stage: 'Closed Won', closeDate: TODAY },
        from: 'Negotiation',
        to: 'Closed Won',
        changed: ['stage', 'closeDate'],
      },
    });
  });

  it('writes only the fields whose value changes, and those whose cell could not be read', () => {
    const same = move('Negotiation', { amount: 12000, notes: 'hot' });
    expect(same.ok && same.value.changed).toEqual(['notes', 'stage']);
    const unread = move('Negotiation', { amount: 12000 }, aDeal(), 'Proposal', ['amount']);
    expect(unread.ok && unread.value.changed).toEqual(['amount', 'stage']);
  });

  it('judges from the last accepted stage, not the Stage cell', () => {
    const judged = move('Negotiation', {}, aDeal({ stage: 'Qualified' }), 'Proposal');
    expect(judged.ok && judged.value.from).toBe('Proposal');
  });

  it('refuses a move the stage table forbids, naming the deal, the move and the moves allowed', () => {
    expect(move('Lead', {})).toEqual({
      ok: false,
      message: `D-0042 "Acme renewal": Proposal → Lead is not allowed. ${ALLOWED}`,
    });
    expect(move('Closed Won', { amount: '' })).toEqual({
      ok: false,
      message: `D-0042 "Acme renewal": Proposal → Closed Won is not allowed. ${ALLOWED} Closed Won also needs Amount.`,
    });
  });

  it('refuses a stage that does not exist', () => {
    expect(move('Won', {})).toEqual({
      ok: false,
      message: `D-0042 "Acme renewal": "Won" is not a stage in Settings. ${ALLOWED}`,
    });
  });

  it('refuses a stage that is not a name, listing the moves the deal may make', () => {
    const what = (value: string) => ({
      ok: false,
      message: `D-0042 "Acme renewal": the stage to move to must be one of Qualified, Negotiation, Closed Lost, not ${value}.`,
    });
    expect(move(null, {})).toEqual(what('null'));
    expect(move('  ', {})).toEqual(what('"  "'));
    expect(move({ name: 'Lead' }, {})).toEqual(what('an object'));
    const won = aDeal({ stage: 'Closed Won' });
    expect(move(undefined, {}, won)).toEqual({
      ok: false,
      message:
        'D-0042 "Acme renewal": the stage to move to must be a stage, but it cannot move anywhere, not undefined.',
    });
  });

  it('refuses staying where the deal is', () => {
    expect(move(' proposal ', {})).toEqual({
      ok: false,
      message: 'D-0042 "Acme renewal" is already in Proposal.',
    });
    const archived = aDeal({ stage: 'Archived' });
    expect(move(' archived', {}, archived)).toEqual({
      ok: false,
      message: 'D-0042 "Acme renewal" is already in archived.',
    });
  });

  it('writes a Close Date it sets once, even over a cell that could not be read', () => {
    const deal = aDeal({ stage: 'Negotiation', closeDate: null });
    const judged = move('Closed Won', { closeDate: '' }, deal, 'Negotiation', ['closeDate']);
    expect(judged.ok && judged.value.changed).toEqual(['closeDate', 'stage']);
  });

  it('refuses an allowed move while a field it needs is blank, naming the field', () => {
    expect(move('Closed Lost', null)).toEqual({
      ok: false,
      message: 'D-0042 "Acme renewal": Lost Reason is required in stage Closed Lost.',
    });
    const noStage = aDeal({ stage: '', company: '' });
    expect(move('Lead', {}, noStage, '')).toEqual({
      ok: false,
      message: 'D-0042 "Acme renewal": Company is required in stage Lead.',
    });
  });

  it('refuses fields it cannot read before judging the move', () => {
    expect(move('Lead', { lostReason: 5 })).toEqual({
      ok: false,
      message: 'D-0042 "Acme renewal": Lost Reason must be text, not 5.',
    });
  });

  it('refuses a field the move makes wrong', () => {
    expect(move('Negotiation', { email: 'ana@' })).toEqual({
      ok: false,
      message: 'D-0042 "Acme renewal": Email must be an email address such as ana@example.com, not "ana@".',
    });
  });
});
