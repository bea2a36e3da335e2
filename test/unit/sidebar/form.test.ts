import { describe, expect, it } from 'vitest';

import { dayFromParts } from '../../../src/core/dates';
import { checkDealForm, formErrors, judgeForm, NO_DEAL, refusal } from '../../../src/core/sidebar/form';
import { DEFAULT_STAGE_TABLE } from '../../../src/core/stage-table';
import { aDeal } from '../deal-helpers';

const TABLE = DEFAULT_STAGE_TABLE;
const TODAY = dayFromParts(2025, 6, 15);
const ADD = { kind: 'add' } as const;
const OPEN = 'choose one of Lead, Qualified, Proposal, Negotiation.';
const LEAD = { deal: 'Acme renewal', company: 'Acme', owner: 'sam@seller.example', stage: 'Lead' };

const errorsOf = (form: unknown, mode: Parameters<typeof checkDealForm>[3] = ADD) =>
  checkDealForm(form, TABLE, TODAY, mode).errors;

describe('checking a new deal', () => {
  it('finds nothing wrong with a lead that has what Lead requires', () => {
    expect(checkDealForm(LEAD, TABLE, TODAY, ADD)).toEqual({ errors: {}, warnings: {} });
  });

  it('puts the deal in the stage as Settings spells it', () => {
    expect(judgeForm({ ...LEAD, stage: ' lead ' }, NO_DEAL, TABLE, TODAY, ADD).deal.stage).toBe('Lead');
  });

  it('requires a stage, and one a new deal may start in', () => {
    expect(errorsOf({ ...LEAD, stage: '' })).toEqual({ stage: `Stage is required: ${OPEN}` });
    expect(errorsOf({ deal: 'Acme renewal' })).toEqual({ stage: `Stage is required: ${OPEN}` });
    expect(errorsOf({ ...LEAD, stage: 'Won' })).toEqual({
      stage: `Stage "Won" is not a stage in Settings: ${OPEN}`,
    });
    expect(errorsOf({ ...LEAD, stage: 'closed won' })).toEqual({
      stage: `A new deal cannot start in Closed Won: ${OPEN}`,
    });
  });

  it('asks for the fields the chosen stage requires, and only those', () => {
    expect(errorsOf({ deal: 'Acme renewal', stage: 'Proposal' })).toEqual({
      company: 'Company is required in stage Proposal.',
      email: 'Email is required in stage Proposal.',
      owner: 'Owner is required in stage Proposal.',
      amount: 'Amount is required in stage Proposal.',
      closeDate: 'Close Date is required in stage Proposal.',
    });
  });

  it('refuses an address that is not one, in Email and Owner', () => {
    expect(errorsOf({ ...LEAD, email: 'ann@' })).toEqual({
      email: 'Email must be an email address such as ana@example.com, not "ann@".',
    });
    expect(errorsOf({ ...LEAD, owner: 'Sam' })).toEqual({
      owner: `Owner must be the salesperson's email address (reminders go there), not "Sam".`,
    });
  });

  it('refuses values of the wrong kind, naming the field and what is allowed', () => {
    expect(
      errorsOf({ ...LEAD, amount: -1, probability: '150%', closeDate: '2025-13-01', phone: 5550100 }),
    ).toEqual({
      phone: 'Phone must be text, not 5550100.',
      amount: 'Amount must be a number ≥ 0, not -1.',
      probability: 'Probability must be a percentage from 0 % to 100 % (such as 25% or 0.25), not "150%".',
      closeDate: 'Close Date must be a date such as 2025-03-31, not "2025-13-01".',
    });
  });

  it('says a required field sent in the wrong form is wrong, not missing', () => {
    expect(errorsOf({ deal: 'Acme renewal', company: 'Acme', owner: 7, stage: 'Lead' })).toEqual({
      owner: 'Owner must be text, not 7.',
    });
  });

  it('refuses the fields the add-on fills and names it does not know', () => {
    expect(errorsOf({ ...LEAD, id: 'D-0001', created: '2025-01-01', stageSince: '', colour: 'red' })).toEqual(
      {
        id: 'ID is filled in by Deal Pipeline and cannot be set.',
        created: 'Created is filled in by Deal Pipeline and cannot be set.',
        stageSince: 'Stage Since is filled in by Deal Pipeline and cannot be set.',
        colour:
          '"colour" is not a field of a deal; the fields are deal, company, contact, email, phone, owner, stage, ' +
          'amount, probability, closeDate, followUp, nextStep, lastContact, lostReason, notes.',
      },
    );
  });

  it('refuses anything that is not a set of fields, and judges nothing else', () => {
    const what = (value: string) =>
      `A new deal must be given as fields, such as {deal: "Acme renewal", stage: "Lead"}, not ${value}.`;
    expect(errorsOf(null)).toEqual({ form: what('null') });
    expect(errorsOf(undefined)).toEqual({ form: what('undefined') });
    expect(errorsOf([LEAD])).toEqual({ form: what('a list') });
    expect(errorsOf('Acme')).toEqual({ form: what('"Acme"') });
    expect(checkDealForm(null, TABLE, TODAY, ADD).warnings).toEqual({});
  });

  it('warns of a Close Date that has passed, without refusing the deal', () => {
    expect(checkDealForm({ ...LEAD, closeDate: '2025-06-14' }, TABLE, TODAY, ADD)).toEqual({
      errors: {},
      warnings: {
        closeDate:
          'Close Date 2025-06-14 has passed while the deal is open; move the date or close the deal.',
      },
    });
    expect(checkDealForm({ ...LEAD, closeDate: '2025-06-15' }, TABLE, TODAY, ADD).warnings).toEqual({});
  });

  it('lists problems in the order of the form, whatever the order they were sent in', () => {
    const errors = errorsOf({ zebra: 1, notes: 4, email: 'x', stage: 'Lead' });
    expect(Object.keys(errors)).toEqual(['deal', 'company', 'email', 'owner', 'notes', 'zebra']);
  });
});

describe('checking changes to a deal', () => {
  const UPDATE = { kind: 'update', stage: 'Lead' } as const;

  it('refuses a Stage: a deal changes stage with a move', () => {
    expect(errorsOf({ stage: 'Qualified' }, UPDATE)).toEqual({
      stage: 'Stage changes only with a move: use Move to change the stage.',
    });
  });

  it('judges only the fields it changes, so an incomplete deal can still be worked', () => {
    expect(errorsOf({ followUp: '2025-07-01', lastContact: '2025-06-15' }, UPDATE)).toEqual({});
    expect(errorsOf({}, UPDATE)).toEqual({});
  });

  it('refuses clearing a field the deal’s stage requires', () => {
    expect(errorsOf({ company: '' }, UPDATE)).toEqual({ company: 'Company is required in stage Lead.' });
    expect(errorsOf({ notes: '' }, UPDATE)).toEqual({});
  });

  it('refuses a Probability that contradicts a won stage', () => {
    expect(errorsOf({ probability: 0.5 }, { kind: 'update', stage: 'Closed Won' })).toEqual({
      probability:
        'Probability is 50 % but the deal is won (Closed Won counts 100 %); set 100 % or clear it.',
    });
  });

  it('names the deal and the changes when they are not fields', () => {
    expect(errorsOf(7, UPDATE)).toEqual({
      form: 'The changes to a deal must be given as fields, such as {deal: "Acme renewal", stage: "Lead"}, not 7.',
    });
  });

  it('on the server, judges the change against the deal as it is', () => {
    const judged = judgeForm({ amount: '13,000', notes: ' call back ' }, aDeal(), TABLE, TODAY, {
      kind: 'update',
      stage: 'Proposal',
    });
    expect(judged.values).toEqual({ amount: 13000, notes: 'call back' });
    expect(judged.deal).toEqual(aDeal({ amount: 13000, notes: 'call back' }));
    expect(formErrors(judged)).toEqual({});
    const cleared = judgeForm({ amount: '' }, aDeal(), TABLE, TODAY, { kind: 'update', stage: 'Proposal' });
    expect(formErrors(cleared)).toEqual({ amount: 'Amount is required in stage Proposal.' });
  });
});

describe('checking the fields of a move', () => {
  const TO_LOST = { kind: 'move', to: 'Closed Lost', needs: ['lostReason'] } as const;

  it('requires what the deal lacks to enter the stage, and nothing it already has', () => {
    expect(errorsOf({}, TO_LOST)).toEqual({ lostReason: 'Lost Reason is required in stage Closed Lost.' });
    expect(errorsOf({ lostReason: '  ' }, TO_LOST)).toEqual({
      lostReason: 'Lost Reason is required in stage Closed Lost.',
    });
    expect(errorsOf({ lostReason: 'Price' }, TO_LOST)).toEqual({});
  });

  it('asks no Close Date for a won or lost stage: the move closes the deal today', () => {
    const toWon = { kind: 'move', to: 'Closed Won', needs: ['amount'] } as const;
    expect(errorsOf({ amount: 5000, closeDate: '' }, toWon)).toEqual({});
  });

  it('judges the fields in the stage the deal moves to', () => {
    const toWon = { kind: 'move', to: 'Closed Won', needs: [] } as const;
    expect(errorsOf({ probability: '50%' }, toWon)).toEqual({
      probability:
        'Probability is 50 % but the deal is won (Closed Won counts 100 %); set 100 % or clear it.',
    });
  });

  it('refuses a Stage among the fields', () => {
    expect(errorsOf({ stage: 'Closed Lost', lostReason: 'Price' }, TO_LOST)).toEqual({
      stage: 'Stage is the stage to move to, given apart from the fields that go with the move.',
    });
  });

  it('refuses fields that are not a set of fields', () => {
    expect(errorsOf('Price', TO_LOST)).toEqual({
      form: 'The fields of a move must be given as fields, such as {deal: "Acme renewal", stage: "Lead"}, not "Price".',
    });
  });

  it('names a stage that does not exist', () => {
    expect(errorsOf({}, { kind: 'move', to: 'Nowhere', needs: [] })).toEqual({
      stage:
        'Stage "Nowhere" is not a stage in Settings; choose one of Lead, Qualified, Proposal, Negotiation, Closed Won, Closed Lost.',
    });
  });
});

describe('the message of a refusal', () => {
  it('names the deal once, then each problem', () => {
    expect(refusal(aDeal(), { email: 'Email is bad.', amount: 'Amount is bad.' })).toBe(
      'D-0042 "Acme renewal": Email is bad. Amount is bad.',
    );
    expect(refusal({ ...NO_DEAL, deal: 'Acme' }, { stage: 'Stage is required.' })).toBe(
      'New deal "Acme": Stage is required.',
    );
  });
});
