import { describe, expect, it } from 'vitest';

import { dealField } from '../../../src/core/columns';
import { dayFromParts } from '../../../src/core/dates';
import { describeValue, FORM_FIELDS, readFormValue } from '../../../src/core/sidebar/form-values';

const read = (key: Parameters<typeof dealField>[0], value: unknown) => readFormValue(dealField(key), value);

describe('the fields of a DealForm', () => {
  it('are the Deals columns a person fills in, in Deals order', () => {
    expect(FORM_FIELDS).toEqual([
      'deal',
      'company',
      'contact',
      'email',
      'phone',
      'owner',
      'stage',
      'amount',
      'probability',
      'closeDate',
      'followUp',
      'nextStep',
      'lastContact',
      'lostReason',
      'notes',
    ]);
  });
});

describe('how a message names a value that was sent', () => {
  it('quotes text and names other kinds of values', () => {
    expect(describeValue('ann@')).toBe('"ann@"');
    expect(describeValue(42)).toBe('42');
    expect(describeValue(true)).toBe('true');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue([1])).toBe('a list');
    expect(describeValue({})).toBe('an object');
    expect(describeValue(new Date(0))).toBe('a Date object');
  });
});

describe('reading a text field', () => {
  it('trims text, and reads nothing sent as blank', () => {
    expect(read('deal', '  Acme renewal ')).toEqual({ value: 'Acme renewal' });
    expect(read('phone', '+1 555 0100')).toEqual({ value: '+1 555 0100' });
    expect(read('notes', undefined)).toEqual({ value: '' });
    expect(read('notes', null)).toEqual({ value: '' });
    expect(read('notes', '')).toEqual({ value: '' });
  });

  it('refuses anything but text, saying what it got', () => {
    expect(read('phone', 5550100)).toEqual({ problem: 'must be text, not 5550100' });
    expect(read('email', { to: 'x' })).toEqual({ problem: 'must be text, not an object' });
    expect(read('stage', ['Lead'])).toEqual({ problem: 'must be text, not a list' });
    expect(read('owner', false)).toEqual({ problem: 'must be text, not false' });
  });

  it('keeps text up to what a cell holds, and refuses more', () => {
    expect(read('notes', 'x'.repeat(50_000))).toEqual({ value: 'x'.repeat(50_000) });
    expect(read('notes', 'x'.repeat(50_001))).toEqual({
      problem: 'must be at most 50,000 characters long, not 50001',
    });
  });
});

describe('reading Amount', () => {
  it('takes a number ≥ 0, or text the Amount cells understand', () => {
    expect(read('amount', 12000)).toEqual({ value: 12000 });
    expect(read('amount', 0)).toEqual({ value: 0 });
    expect(read('amount', '12,000')).toEqual({ value: 12000 });
    expect(read('amount', '$1,200.50')).toEqual({ value: 1200.5 });
  });

  it('reads blank as no amount', () => {
    expect(read('amount', null)).toEqual({ value: null });
    expect(read('amount', undefined)).toEqual({ value: null });
    expect(read('amount', '')).toEqual({ value: null });
    expect(read('amount', '  ')).toEqual({ value: null });
  });

  it('refuses a negative amount, text that is no number and values of other kinds', () => {
    expect(read('amount', -5)).toEqual({ problem: 'must be a number ≥ 0, not -5' });
    expect(read('amount', 'lots')).toEqual({ problem: 'must be a number ≥ 0, not "lots"' });
    expect(read('amount', Number.POSITIVE_INFINITY)).toEqual({
      problem: 'must be a number ≥ 0, not Infinity',
    });
    expect(read('amount', {})).toEqual({ problem: 'must be a number ≥ 0, not an object' });
    expect(read('amount', true)).toEqual({ problem: 'must be a number ≥ 0, not true' });
  });
});

describe('reading Probability', () => {
  it('takes a fraction 0–1, or a percentage written with %', () => {
    expect(read('probability', 0.65)).toEqual({ value: 0.65 });
    expect(read('probability', '65%')).toEqual({ value: 0.65 });
    expect(read('probability', 1)).toEqual({ value: 1 });
    expect(read('probability', null)).toEqual({ value: null });
  });

  it('refuses more than 100 %, and values of other kinds, saying what is allowed', () => {
    expect(read('probability', '150%')).toEqual({
      problem: 'must be a percentage from 0 % to 100 % (such as 25% or 0.25), not "150%"',
    });
    expect(read('probability', 65)).toEqual({
      problem: 'must be a percentage from 0 % to 100 % (such as 25% or 0.25), not 65 (6500 %)',
    });
    expect(read('probability', [0.5])).toEqual({
      problem: 'must be a percentage from 0 % to 100 % (such as 25% or 0.25), not a list',
    });
  });
});

describe('reading a date', () => {
  it('takes yyyy-mm-dd text naming a real day', () => {
    expect(read('closeDate', '2025-03-31')).toEqual({ value: dayFromParts(2025, 3, 31) });
    expect(read('followUp', ' 2024-02-29 ')).toEqual({ value: dayFromParts(2024, 2, 29) });
  });

  it('reads blank as no date', () => {
    expect(read('closeDate', '')).toEqual({ value: null });
    expect(read('closeDate', ' ')).toEqual({ value: null });
    expect(read('closeDate', null)).toEqual({ value: null });
    expect(read('closeDate', undefined)).toEqual({ value: null });
  });

  it('refuses a day that does not exist, other spellings, Dates and numbers', () => {
    const problem = (what: string) => ({ problem: `must be a date such as 2025-03-31, not ${what}` });
    expect(read('closeDate', '2025-02-29')).toEqual(problem('"2025-02-29"'));
    expect(read('closeDate', '31/03/2025')).toEqual(problem('"31/03/2025"'));
    expect(read('lastContact', '2025-03-31 10:00')).toEqual(problem('"2025-03-31 10:00"'));
    expect(read('closeDate', new Date(0))).toEqual(problem('a Date object'));
    expect(read('followUp', 45000)).toEqual(problem('45000'));
  });
});
