import { describe, expect, it } from 'vitest';

import type { StageInfo } from '../../src/core/sidebar/contract';
import { DEFAULT_STAGE_TABLE } from '../../src/core/stage-table';
import type { FormKey } from '../../src/sidebar/form';
import { dealFormOf, fieldOfMessage, formProblems, requiredKeys } from '../../src/sidebar/form';

const ALL: FormKey[] = ['deal', 'company', 'email', 'owner', 'stage', 'amount', 'closeDate', 'lostReason'];
const DATA = { table: DEFAULT_STAGE_TABLE, today: '2026-11-27' };

describe('which field a server message is about', () => {
  it('is the field whose header starts the message, followed by a colon', () => {
    expect(fieldOfMessage('Email: "ann@" is not an email address.', ALL)).toBe('email');
  });

  it('is the field whose header follows the deal the message names', () => {
    expect(fieldOfMessage('D-0042 "Acme: renewal": Amount must be a number ≥ 0, not -5.', ALL)).toBe(
      'amount',
    );
    expect(fieldOfMessage('New deal: Close Date must be a date such as 2025-03-31.', ALL)).toBe('closeDate');
  });

  it('is none when the header is followed by a name, not a word about the field', () => {
    expect(fieldOfMessage('Deal D-0099 was not found.', ALL)).toBeNull();
    expect(fieldOfMessage('Stage Closed Won allows no moves.', ALL)).toBeNull();
  });

  it('is none when the form does not show that field', () => {
    expect(fieldOfMessage('Lost Reason is required in stage Closed Lost.', ['deal', 'amount'])).toBeNull();
    expect(fieldOfMessage('Lost Reason is required in stage Closed Lost.', ['lostReason'])).toBe(
      'lostReason',
    );
  });
});

describe('what a form sends', () => {
  it('sends the trimmed values of the fields shown and leaves blanks out', () => {
    const values = { deal: '  Acme renewal ', company: '', email: 'ann@acme.com', notes: 'not shown' };
    expect(dealFormOf(values, ['deal', 'company', 'email'])).toEqual({
      deal: 'Acme renewal',
      email: 'ann@acme.com',
    });
  });
});

describe('the fields a stage requires', () => {
  const stage = (kind: StageInfo['kind'], required: string[]): StageInfo => ({
    name: 'X',
    kind,
    probability: 0,
    required,
  });

  it('are its Required Fields in Deals order', () => {
    expect(requiredKeys(stage('open', ['owner', 'deal', 'amount']))).toEqual(['deal', 'owner', 'amount']);
  });

  it('include a Lost Reason for a lost stage whatever the table lists', () => {
    expect(requiredKeys(stage('lost', ['deal']))).toEqual(['deal', 'lostReason']);
  });

  it('are none before a stage is chosen', () => {
    expect(requiredKeys(undefined)).toEqual([]);
  });
});

describe('the problems shown as a person types', () => {
  it('puts each problem of a new deal beside its field, as the server words it', () => {
    const problems = formProblems({ stage: 'Lead', email: 'ann@', owner: 'rep@team.example' }, ALL, DATA, {
      kind: 'add',
    });
    expect(Object.keys(problems.errors).sort()).toEqual(['company', 'deal', 'email']);
    expect(problems.errors.email).toMatch(/^Email must be an email address/);
    expect(problems.other).toEqual([]);
  });

  it('finds nothing wrong with a complete lead', () => {
    const values = { stage: 'Lead', deal: 'Acme', company: 'Acme', owner: 'rep@team.example' };
    expect(formProblems(values, ALL, DATA, { kind: 'add' })).toEqual({ errors: {}, warnings: {}, other: [] });
  });

  it('keeps a problem of a field the form does not show apart', () => {
    const values = { stage: 'Lead', deal: 'Acme', company: 'Acme' };
    const problems = formProblems(values, ['stage', 'deal', 'company'], DATA, { kind: 'add' });
    expect(problems.errors).toEqual({});
    expect(problems.other).toEqual([expect.stringMatching(/^Owner is required/)]);
  });

  it('warns, without refusing, about a Close Date that has passed', () => {
    const values = {
      stage: 'Lead',
      deal: 'Acme',
      company: 'Acme',
      owner: 'rep@team.example',
      closeDate: '2026-01-02',
    };
    const problems = formProblems(values, ALL, DATA, { kind: 'add' });
    expect(problems.errors).toEqual({});
    expect(problems.warnings.closeDate).toMatch(/has passed/);
  });

  it('asks a move for the fields the target stage needs', () => {
    const move = { kind: 'move', to: 'Closed Lost', needs: ['lostReason'] } as const;
    expect(formProblems({}, ['lostReason'], DATA, move).errors.lostReason).toMatch(
      /^Lost Reason is required/,
    );
    expect(formProblems({ lostReason: 'Budget' }, ['lostReason'], DATA, move).errors).toEqual({});
  });
});
