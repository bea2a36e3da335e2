import { describe, expect, it } from 'vitest';

import { DEFAULT_STAGE_ROWS } from '../../src/core/defaults';
import { DEFAULT_OPTIONS, parseOptions } from '../../src/core/options';
import { settingsSheet } from './settings-helpers';

describe('the default options', () => {
  it('has the default options of SPEC §1', () => {
    expect(DEFAULT_OPTIONS).toEqual({
      currency: 'USD',
      reminderHour: 8,
      reminderLeadDays: 0,
      summaryMonths: 6,
      quarterlyTarget: null,
      fiscalYearStartMonth: 1,
      managerEmail: null,
      snapshotDay: 1,
    });
  });
});

describe('reading the options', () => {
  it('finds the Option | Value table by its header anywhere in row 1', () => {
    const rows = DEFAULT_STAGE_ROWS.map((row, r) => [
      ...row,
      '',
      '',
      '',
      ...(r === 0 ? ['option', 'VALUE'] : r === 1 ? ['Reminder Hour', 17] : ['', '']),
    ]);
    const { options, problems } = parseOptions(rows);
    expect(problems).toEqual([]);
    expect(options.reminderHour).toBe(17);
    expect(options.currency).toBe('USD');
  });

  it('reads every option of SPEC §1', () => {
    const { options, problems } = parseOptions(
      settingsSheet(DEFAULT_STAGE_ROWS, [
        ['Option', 'Value'],
        ['Currency', 'EUR'],
        ['Reminder Hour', 7],
        ['Reminder Lead Days', 2],
        ['Summary Months', 12],
        ['Quarterly Target', '$250,000'],
        ['Fiscal Year Start Month', 'April'],
        ['Manager Email', 'boss@example.com'],
        ['Snapshot Day', 'Thursday'],
      ]),
    );
    expect(problems).toEqual([]);
    expect(options).toEqual({
      currency: 'EUR',
      reminderHour: 7,
      reminderLeadDays: 2,
      summaryMonths: 12,
      quarterlyTarget: 250_000,
      fiscalYearStartMonth: 4,
      managerEmail: 'boss@example.com',
      snapshotDay: 4,
    });
  });

  it('keeps the default of an option that is missing or blank', () => {
    const { options } = parseOptions(
      settingsSheet(DEFAULT_STAGE_ROWS, [
        ['Option', 'Value'],
        ['Currency', ''],
      ]),
    );
    expect(options).toEqual(DEFAULT_OPTIONS);
  });

  it('reports a bad value at its cell and keeps that option at its default', () => {
    const { options, problems } = parseOptions(
      settingsSheet(DEFAULT_STAGE_ROWS, [
        ['Option', 'Value'],
        ['Reminder Hour', 25],
        ['Manager Email', 'the boss'],
        ['Quarterly Target', 0],
      ]),
    );
    expect(options).toEqual(DEFAULT_OPTIONS);
    expect(problems.map((p) => [p.cell, p.severity])).toEqual([
      ['Settings!J2', 'error'],
      ['Settings!J3', 'error'],
      ['Settings!J4', 'error'],
    ]);
    expect(problems[0]?.message).toBe(
      'Settings!J2: Reminder Hour must be a whole number from 0 to 23, not 25; using 8 until it is fixed.',
    );
  });

  it('warns about an option it does not know and about a repeated one', () => {
    const { problems } = parseOptions(
      settingsSheet(DEFAULT_STAGE_ROWS, [
        ['Option', 'Value'],
        ['Colour', 'blue'],
        ['Currency', 'EUR'],
        ['currency', 'GBP'],
      ]),
    );
    expect(problems.map((p) => [p.cell, p.severity])).toEqual([
      ['Settings!I2', 'warning'],
      ['Settings!I4', 'warning'],
    ]);
  });

  it('warns, and uses the default options, when there is no options table', () => {
    const { options, problems } = parseOptions(DEFAULT_STAGE_ROWS);
    expect(options).toEqual(DEFAULT_OPTIONS);
    expect(problems).toEqual([expect.objectContaining({ cell: 'Settings!I1', severity: 'warning' })]);
  });
});

describe('the Snapshot Day option', () => {
  const snapshotDay = (value: unknown) =>
    parseOptions(
      settingsSheet(DEFAULT_STAGE_ROWS, [
        ['Option', 'Value'],
        ['Snapshot Day', value as string],
      ]),
    );

  it.each([
    ['Sunday', 0],
    ['monday', 1],
    [' TUESDAY ', 2],
    ['Wed', 3],
    ['thu', 4],
    ['FRI', 5],
    ['Saturday', 6],
  ])('reads %j as weekday %i', (value, weekday) => {
    const { options, problems } = snapshotDay(value);
    expect(problems).toEqual([]);
    expect(options.snapshotDay).toBe(weekday);
  });

  it('keeps Monday when the cell is blank', () => {
    expect(snapshotDay('').options.snapshotDay).toBe(1);
    expect(snapshotDay('  ').problems).toEqual([]);
  });

  it.each(['Funday', 'Tues', 'Mo', 3, 'Weekly'])(
    'refuses %j at its cell, naming the days allowed, and keeps Monday',
    (value) => {
      const { options, problems } = snapshotDay(value);
      expect(options.snapshotDay).toBe(1);
      expect(problems).toEqual([
        {
          cell: 'Settings!J2',
          severity: 'error',
          message: `Settings!J2: Snapshot Day must be a day of the week (Monday … Sunday, or Mon … Sun), not ${
            typeof value === 'string' ? `"${value}"` : String(value)
          }; using "Monday" until it is fixed.`,
        },
      ]);
    },
  );
});

describe('every option’s message, word for word', () => {
  const options = (...rows: [string, unknown][]) =>
    parseOptions(settingsSheet(DEFAULT_STAGE_ROWS, [['Option', 'Value'], ...(rows as [string, string][])]));
  const messages = (...rows: [string, unknown][]) => options(...rows).problems.map((p) => p.message);

  it('names the cell, the option, what is allowed and the default it keeps', () => {
    expect(
      messages(
        ['Reminder Hour', 'noon'],
        ['Reminder Lead Days', -1],
        ['Summary Months', 40],
        ['Quarterly Target', 'lots'],
        ['Fiscal Year Start Month', 'Smarch'],
        ['Manager Email', 'the boss'],
        ['Snapshot Day', 'Someday'],
      ),
    ).toEqual([
      'Settings!J2: Reminder Hour must be a whole number from 0 to 23, not "noon"; using 8 until it is fixed.',
      'Settings!J3: Reminder Lead Days must be a whole number ≥ 0, not -1; using 0 until it is fixed.',
      'Settings!J4: Summary Months must be a whole number from 1 to 36, not 40; using 6 until it is fixed.',
      'Settings!J5: Quarterly Target must be an amount above 0, or blank for no target, not "lots"; using "none" until it is fixed.',
      'Settings!J6: Fiscal Year Start Month must be a month from 1 to 12 (or its name), not "Smarch"; using 1 until it is fixed.',
      'Settings!J7: Manager Email must be an email address, or blank for no team digest, not "the boss"; using "none" until it is fixed.',
      'Settings!J8: Snapshot Day must be a day of the week (Monday … Sunday, or Mon … Sun), not "Someday"; using "Monday" until it is fixed.',
    ]);
  });

  it('lists the options there are when one is unknown, and names a repeated one', () => {
    expect(messages(['Colour', 'blue'], ['Currency', 'EUR'], ['CURRENCY', 'GBP'])).toEqual([
      'Settings!I2: "Colour" is not an option and is ignored. Options: Currency, Reminder Hour, Reminder Lead Days, Summary Months, Quarterly Target, Fiscal Year Start Month, Manager Email, Snapshot Day.',
      'Settings!I4: Currency is listed twice; the first one applies.',
    ]);
    expect(options(['Currency', 'EUR'], ['CURRENCY', 'GBP']).options.currency).toBe('EUR');
  });

  it('says where the table should be when row 1 has an Option but no Value after it', () => {
    const rows = DEFAULT_STAGE_ROWS.map((row, r) => [
      ...row,
      '',
      ...(r === 0 ? ['Value', 'Option'] : ['', '']),
    ]);
    expect(parseOptions(rows).problems).toEqual([
      {
        cell: 'Settings!J1',
        message:
          'Settings has no "Option | Value" table in row 1, so the default options apply. Run Deal Pipeline › Set up sheets to add it.',
        severity: 'warning',
      },
    ]);
    // An Option in column A has its Value found after it, past any other column.
    const first = [
      ['Option', 'Notes', 'Value'],
      ['Reminder Hour', 'mornings', 9],
    ];
    expect(parseOptions(first)).toEqual({ options: { ...DEFAULT_OPTIONS, reminderHour: 9 }, problems: [] });
    // An Option in column A with no Value is named where it is.
    expect(parseOptions([['Option', 'Notes']]).problems.map((p) => p.cell)).toEqual(['Settings!A1']);
  });

  it('reads months by number or by three letters or more of their name', () => {
    const month = (value: unknown) =>
      options(['Fiscal Year Start Month', value]).options.fiscalYearStartMonth;
    expect([month('jan'), month(' October '), month('Sep'), month('4'), month(12)]).toEqual([
      1, 10, 9, 4, 12,
    ]);
    expect(options(['Fiscal Year Start Month', 'January']).problems).toEqual([]);
    expect(options(['Fiscal Year Start Month', 'ju']).problems).toHaveLength(1);
    expect(options(['Fiscal Year Start Month', 'une']).problems).toHaveLength(1);
    expect(options(['Fiscal Year Start Month', 0]).problems).toHaveLength(1);
  });

  it('skips rows with no option name, and keeps blank values at their default', () => {
    const { options: read, problems } = options(['', 'stray'], ['Summary Months', ''], ['Currency', 'GBP']);
    expect(problems).toEqual([]);
    expect(read.summaryMonths).toBe(6);
    expect(read.currency).toBe('GBP');
  });
});
