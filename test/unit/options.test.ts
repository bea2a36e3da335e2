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
