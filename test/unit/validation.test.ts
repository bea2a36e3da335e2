import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { dayFromParts } from '../../src/core/dates';
import { DEFAULT_STAGE_TABLE, parseStageTable } from '../../src/core/stage-table';
import type { Deal } from '../../src/core/types';
import { validateDeal, validateDeals } from '../../src/core/validation';
import { aDeal, parseDeals, SNAPSHOT_STAGE_ROWS, snapshotSheet } from './deal-helpers';

const TABLE = DEFAULT_STAGE_TABLE;
const TODAY = dayFromParts(2025, 6, 15);

const messages = (deal: Deal): string[] => validateDeal(deal, TABLE, TODAY).map((p) => p.message);

describe('validating one deal', () => {
  it('finds nothing wrong with a complete deal', () => {
    expect(validateDeal(aDeal(), TABLE, TODAY)).toEqual([]);
  });

  it('requires the fields its stage requires, each at its own column', () => {
    const problems = validateDeal(aDeal({ email: '', amount: null }), TABLE, TODAY);
    expect(problems).toEqual([
      {
        row: 2,
        field: 'email',
        message: 'D-0042 "Acme renewal": Email is required in stage Proposal.',
        severity: 'error',
      },
      {
        row: 2,
        field: 'amount',
        message: 'D-0042 "Acme renewal": Amount is required in stage Proposal.',
        severity: 'error',
      },
    ]);
  });

  it('requires only what the stage requires: a Lead needs no Amount', () => {
    expect(messages(aDeal({ stage: 'Lead', amount: null, email: '', closeDate: null }))).toEqual([]);
  });

  it('finds the stage however the user cased or spaced it', () => {
    expect(messages(aDeal({ stage: '  proposal ' }))).toEqual([]);
  });

  it('refuses a stage that is not in Settings, or none, listing the stages', () => {
    const list = 'Lead, Qualified, Proposal, Negotiation, Closed Won, Closed Lost';
    expect(messages(aDeal({ stage: 'Demo' }))).toEqual([
      `D-0042 "Acme renewal": Stage "Demo" is not a stage in Settings; choose one of ${list}.`,
    ]);
    expect(messages(aDeal({ stage: '' }))).toEqual([
      `D-0042 "Acme renewal": Stage is missing; choose one of ${list}.`,
    ]);
  });

  it('checks the contact email and the owner address', () => {
    expect(messages(aDeal({ email: 'ana at acme', owner: 'Sam' }))).toEqual([
      'D-0042 "Acme renewal": Email must be an email address such as ana@example.com, not "ana at acme".',
      'D-0042 "Acme renewal": Owner must be the salesperson\'s email address (reminders go there), not "Sam".',
    ]);
  });

  it('refuses a negative amount and a probability outside 0–100 %', () => {
    expect(messages(aDeal({ amount: -5, probability: 1.5 }))).toEqual([
      'D-0042 "Acme renewal": Amount must be a number ≥ 0, not -5.',
      'D-0042 "Acme renewal": Probability must be a percentage from 0 % to 100 %, not 150 %.',
    ]);
  });

  it('flags a won deal whose probability is not 100 %', () => {
    expect(messages(aDeal({ stage: 'Closed Won', probability: 0.65 }))).toEqual([
      'D-0042 "Acme renewal": Probability is 65 % but the deal is won (Closed Won counts 100 %); set 100 % or clear it.',
    ]);
    expect(messages(aDeal({ stage: 'Closed Won', probability: 1 }))).toEqual([]);
    expect(messages(aDeal({ stage: 'Closed Won', probability: null }))).toEqual([]);
  });

  it('flags a lost deal above 0 %', () => {
    const lost = aDeal({ stage: 'Closed Lost', lostReason: 'Budget', probability: 0.1 });
    expect(validateDeal(lost, TABLE, TODAY)).toEqual([
      expect.objectContaining({ field: 'probability', severity: 'error' }),
    ]);
    expect(messages({ ...lost, probability: 0 })).toEqual([]);
  });

  it('requires a Lost Reason of a lost deal, once, even where Settings does not list it', () => {
    expect(messages(aDeal({ stage: 'Closed Lost' }))).toEqual([
      'D-0042 "Acme renewal": Lost Reason is required in stage Closed Lost.',
    ]);
    const rows = parseStageTable([
      [
        'Stage',
        'Probability',
        'Kind',
        'Forecast Category',
        'Next Stages',
        'Required Fields',
        'Stale After Days',
      ],
      ['Open', 0.5, 'open', 'Pipeline', 'Gone', '', ''],
      ['Gone', 0, 'lost', 'Omitted', '', 'Deal', ''],
    ]);
    const lenient = rows.table ?? TABLE;
    expect(validateDeal(aDeal({ stage: 'Gone' }), lenient, TODAY)).toEqual([
      expect.objectContaining({
        field: 'lostReason',
        message: 'D-0042 "Acme renewal": Lost Reason is required in stage Gone.',
      }),
    ]);
  });

  it('warns, without erring, about an open deal whose close date has passed', () => {
    const late = aDeal({ closeDate: dayFromParts(2025, 6, 14) });
    expect(validateDeal(late, TABLE, TODAY)).toEqual([
      {
        row: 2,
        field: 'closeDate',
        message:
          'D-0042 "Acme renewal": Close Date 2025-06-14 has passed while the deal is open; move the date or close the deal.',
        severity: 'warning',
      },
    ]);
    expect(messages(aDeal({ closeDate: TODAY }))).toEqual([]);
    expect(messages(aDeal({ stage: 'Closed Won', closeDate: dayFromParts(2025, 1, 3) }))).toEqual([]);
  });

  it('refuses dates that are not calendar days', () => {
    expect(validateDeal(aDeal({ followUp: 20_000.5 }), TABLE, TODAY)).toEqual([
      expect.objectContaining({ field: 'followUp', severity: 'error' }),
    ]);
  });

  it('names a deal without an ID by its row, and a deal from the sidebar as new', () => {
    expect(messages(aDeal({ id: '', amount: -1 }))[0]).toMatch(/^Row 2 "Acme renewal": Amount/);
    expect(messages(aDeal({ id: '', row: 0, deal: '' }))).toEqual([
      'New deal: Deal is required in stage Proposal.',
    ]);
  });
});

describe('validating every deal', () => {
  it('flags every deal sharing an ID, naming the other rows', () => {
    const deals = [aDeal({ row: 2 }), aDeal({ row: 3, id: 'D-0043' }), aDeal({ row: 9, deal: 'Copy' })];
    expect(validateDeals(deals, TABLE, TODAY)).toEqual([
      {
        row: 2,
        field: 'id',
        message:
          'D-0042 "Acme renewal": ID D-0042 is also used by row 9; IDs must be unique. Clear the ID of the copy and a new one will be assigned.',
        severity: 'error',
      },
      expect.objectContaining({ row: 2, field: 'company', severity: 'warning' }),
      expect.objectContaining({ row: 3, field: 'company', severity: 'warning' }),
      expect.objectContaining({ row: 9, field: 'id', severity: 'error' }),
      expect.objectContaining({ row: 9, field: 'company', severity: 'warning' }),
    ]);
  });

  it('warns about likely duplicates: same company and contact email among open deals', () => {
    const deals = [
      aDeal({ row: 2, id: 'D-0001' }),
      aDeal({ row: 3, id: 'D-0002', company: 'ACME', email: 'Ana@Acme.example' }),
      aDeal({ row: 4, id: 'D-0003', stage: 'Closed Won' }),
      aDeal({ row: 5, id: 'D-0004', email: 'bob@acme.example' }),
    ];
    const problems = validateDeals(deals, TABLE, TODAY);
    expect(problems).toEqual([
      {
        row: 2,
        field: 'company',
        message:
          'D-0001 "Acme renewal": looks like a duplicate of row 3 (same Company and Email, both open).',
        severity: 'warning',
      },
      {
        row: 3,
        field: 'company',
        message:
          'D-0002 "Acme renewal": looks like a duplicate of row 2 (same Company and Email, both open).',
        severity: 'warning',
      },
    ]);
  });

  it('includes the cell problems from reading, without calling an unreadable cell missing', () => {
    const sheet = [
      [
        'ID',
        'Deal',
        'Company',
        'Email',
        'Owner',
        'Stage',
        'Amount',
        'Close Date',
        'Follow-up',
        'Created',
        'Stage Since',
      ],
      [
        'D-0001',
        'Acme',
        'Acme',
        'ana@acme.example',
        'sam@seller.example',
        'Proposal',
        'abc',
        '2025-09-30',
        '',
        '',
        '',
      ],
    ];
    const { deals, problems: cellProblems } = parseDeals(sheet, 'UTC', TABLE);
    expect(validateDeals(deals, TABLE, TODAY, cellProblems)).toEqual([
      {
        row: 2,
        field: 'amount',
        message: 'D-0001 "Acme": Amount must be a number ≥ 0, not "abc".',
        severity: 'error',
      },
    ]);
  });

  it('gives the same problems whatever the order of the rows', () => {
    const deals = [
      aDeal({ row: 2, id: 'D-0001' }),
      aDeal({ row: 3, id: 'D-0001', amount: -3 }),
      aDeal({ row: 4, id: 'D-0002', stage: 'Closed Lost', probability: 0.3 }),
      aDeal({ row: 5, id: 'D-0003', email: 'x' }),
      aDeal({ row: 6, id: 'D-0004', closeDate: dayFromParts(2025, 1, 1) }),
      aDeal({ row: 7, id: 'D-0005', company: 'Other' }),
    ];
    const expected = validateDeals(deals, TABLE, TODAY);
    fc.assert(
      fc.property(fc.shuffledSubarray(deals, { minLength: deals.length }), (shuffled) => {
        expect(validateDeals(shuffled, TABLE, TODAY)).toEqual(expected);
      }),
    );
  });

  it('flags what the 2015 snapshot gets wrong: won deals below 100 %, a lost deal without reason', () => {
    const table = parseStageTable(SNAPSHOT_STAGE_ROWS).table ?? TABLE;
    const { deals, problems } = parseDeals(snapshotSheet('UTC'), 'UTC', table);
    const found = validateDeals(deals, table, dayFromParts(2015, 1, 5), problems).filter(
      (p) => p.severity === 'error',
    );
    expect(found.map((p) => [p.row, p.field])).toEqual([
      [11, 'probability'],
      [24, 'probability'],
      [24, 'lostReason'],
      [26, 'probability'],
      [28, 'probability'],
    ]);
    expect(found[0]?.message).toBe(
      'D-0010 "Customer 10 deal": Probability is 75 % but the deal is won (Won counts 100 %); set 100 % or clear it.',
    );
  });
});

describe('what each problem carries, and the edges of each rule', () => {
  const fields = (deal: Deal) => validateDeal(deal, TABLE, TODAY).map((p) => [p.field, p.severity]);

  it('puts each problem on the field it is about', () => {
    expect(fields(aDeal({ stage: 'Demo' }))).toEqual([['stage', 'error']]);
    expect(fields(aDeal({ email: 'x', owner: 'Sam', amount: -1, probability: 2 }))).toEqual([
      ['email', 'error'],
      ['owner', 'error'],
      ['amount', 'error'],
      ['probability', 'error'],
    ]);
  });

  it('accepts an amount of 0, and refuses a negative probability', () => {
    expect(messages(aDeal({ amount: 0 }))).toEqual([]);
    expect(messages(aDeal({ probability: -0.1 }))).toEqual([
      'D-0042 "Acme renewal": Probability must be a percentage from 0 % to 100 %, not -10 %.',
    ]);
    expect(messages(aDeal({ probability: 0 }))).toEqual([]);
  });

  it('says a lost deal with a probability counts 0 %', () => {
    expect(messages(aDeal({ stage: 'Closed Lost', lostReason: 'Budget', probability: 0.1 }))).toEqual([
      'D-0042 "Acme renewal": Probability is 10 % but the deal is lost (Closed Lost counts 0 %); set 0 % or clear it.',
    ]);
  });

  it('judges the probability of a deal in an unknown stage only by its range', () => {
    expect(fields(aDeal({ stage: 'Demo', probability: 0.5 }))).toEqual([['stage', 'error']]);
  });

  it('reports a blank owner once, as required, not also as a bad address', () => {
    expect(messages(aDeal({ stage: 'Lead', owner: '' }))).toEqual([
      'D-0042 "Acme renewal": Owner is required in stage Lead.',
    ]);
  });

  it('refuses dates and a Stage Since that a sidebar or import got wrong', () => {
    expect(messages(aDeal({ followUp: 20_000.5 }))).toEqual([
      'D-0042 "Acme renewal": Follow-up must be a date such as 2025-03-31.',
    ]);
    expect(validateDeal(aDeal({ stageSince: Number.NaN }), TABLE, TODAY)).toEqual([
      {
        row: 2,
        field: 'stageSince',
        message: 'D-0042 "Acme renewal": Stage Since must be a date and time.',
        severity: 'error',
      },
    ]);
  });
});

describe('duplicates and the order of problems', () => {
  it('never calls deals without an ID duplicates of each other', () => {
    const deals = [aDeal({ row: 2, id: '' }), aDeal({ row: 3, id: '', company: 'Other' })];
    expect(validateDeals(deals, TABLE, TODAY).map((p) => p.field)).toEqual([]);
  });

  it('names every other row with the same ID, in row order', () => {
    const deals = [aDeal({ row: 9 }), aDeal({ row: 2, company: 'B' }), aDeal({ row: 5, company: 'C' })];
    const ids = validateDeals(deals, TABLE, TODAY).filter((p) => p.field === 'id');
    expect(ids.map((p) => [p.row, p.message.split('used by ')[1]?.split(';')[0]])).toEqual([
      [2, 'rows 5, 9'],
      [5, 'rows 2, 9'],
      [9, 'rows 2, 5'],
    ]);
  });

  it('warns of a likely duplicate only with the same Company and Email, both given, both open', () => {
    const warned = (other: Partial<Deal>) =>
      validateDeals(
        [aDeal({ row: 2, id: 'D-1' }), aDeal({ row: 3, id: 'D-2', ...other })],
        TABLE,
        TODAY,
      ).filter((p) => p.severity === 'warning').length;
    expect(warned({})).toBe(2);
    expect(warned({ company: 'Other' })).toBe(0);
    expect(warned({ email: 'bob@acme.example' })).toBe(0);
    expect(warned({ stage: 'Demo' })).toBe(0);
    const blank = (fields: Partial<Deal>) =>
      validateDeals(
        [aDeal({ row: 2, id: 'D-1', ...fields }), aDeal({ row: 3, id: 'D-2', ...fields })],
        TABLE,
        TODAY,
      ).filter((p) => p.severity === 'warning').length;
    expect(blank({ company: '', stage: 'Lead' })).toBe(0);
    expect(blank({ email: '', stage: 'Lead' })).toBe(0);
  });

  it('sorts by row, then column, then errors before warnings, then message', () => {
    const late = aDeal({ row: 4, email: 'x', amount: -1, closeDate: 20_000.5 });
    expect(validateDeals([late], TABLE, TODAY).map((p) => [p.field, p.severity])).toEqual([
      ['email', 'error'],
      ['amount', 'error'],
      ['closeDate', 'error'],
      ['closeDate', 'warning'],
    ]);
    const cell = (message: string) => ({
      row: 3,
      field: 'notes' as const,
      message,
      severity: 'error' as const,
    });
    expect(validateDeals([], TABLE, TODAY, [cell('b'), cell('a'), cell('b')]).map((p) => p.message)).toEqual([
      'a',
      'b',
      'b',
    ]);
  });

  it('drops only the problems of a cell that could not be read', () => {
    const deal = aDeal({ amount: null, email: '' });
    const unreadable = {
      row: 2,
      field: 'amount' as const,
      message: 'Amount is "abc".',
      severity: 'error' as const,
    };
    expect(validateDeals([deal], TABLE, TODAY, [unreadable]).map((p) => p.message)).toEqual([
      'D-0042 "Acme renewal": Email is required in stage Proposal.',
      'Amount is "abc".',
    ]);
  });
});
