/**
 * The `Option | Value` table of the Settings sheet. It is found by its header anywhere in row 1
 * (normally column I, beside the stages). Each option is read on its own: a bad value is reported
 * and that option alone falls back to its default, so a typo in Reminder Hour never costs the
 * team its stage table.
 */
import { normalizeHeader, SHEET } from './columns';
import { DEFAULT_OPTION_ROWS } from './defaults';
import { cellName, quoteValue } from './problems';
import type { CellProblem, Options } from './types';
import type { Reading } from './values';
import { isEmailAddress, isUnreadable, readMoney, readText, readWholeNumber } from './values';

export type SettingsValues = readonly (readonly unknown[])[];

type OptionKey = keyof Options;

interface OptionRule {
  readonly key: OptionKey;
  readonly name: string;
  /** The value, or what is allowed when the cell cannot be used. */
  readonly read: (value: unknown) => Reading<Options[OptionKey]>;
  /** How a message shows the value, where the cell's words differ from the number kept. */
  readonly show?: (value: Options[OptionKey]) => string;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function readMonth(value: unknown): Reading<number> {
  const name = typeof value === 'string' ? value.trim().toLowerCase() : '';
  const byName = name.length >= 3 ? MONTHS.findIndex((month) => month.startsWith(name)) : -1;
  if (byName >= 0) return byName + 1;
  const n = readWholeNumber(value, 1, 12);
  return isUnreadable(n)
    ? { unreadable: `must be a month from 1 to 12 (or its name), not ${quoteValue(value)}` }
    : n;
}

/** Weekday names in the order of DayParts.weekday (0 = Sunday). */
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A weekday by its name or its first three letters, in any case. */
function readWeekday(value: unknown): Reading<number> {
  const name = readText(value).toLowerCase();
  if (name === '') return null;
  const day = WEEKDAYS.findIndex((weekday) => {
    const full = weekday.toLowerCase();
    return name === full || name === full.slice(0, 3);
  });
  return day >= 0
    ? day
    : { unreadable: `must be a day of the week (Monday … Sunday, or Mon … Sun), not ${quoteValue(value)}` };
}

const RULES: readonly OptionRule[] = [
  { key: 'currency', name: 'Currency', read: (value) => readText(value) || null },
  { key: 'reminderHour', name: 'Reminder Hour', read: (value) => readWholeNumber(value, 0, 23) },
  { key: 'reminderLeadDays', name: 'Reminder Lead Days', read: (value) => readWholeNumber(value, 0) },
  { key: 'summaryMonths', name: 'Summary Months', read: (value) => readWholeNumber(value, 1, 36) },
  {
    key: 'quarterlyTarget',
    name: 'Quarterly Target',
    read: (value) => {
      const target = readMoney(value);
      return target === 0 || isUnreadable(target)
        ? { unreadable: `must be an amount above 0, or blank for no target, not ${quoteValue(value)}` }
        : target;
    },
  },
  { key: 'fiscalYearStartMonth', name: 'Fiscal Year Start Month', read: readMonth },
  {
    key: 'managerEmail',
    name: 'Manager Email',
    read: (value) => {
      const address = readText(value);
      if (address === '') return null;
      return isEmailAddress(address)
        ? address
        : { unreadable: `must be an email address, or blank for no team digest, not ${quoteValue(value)}` };
    },
  },
  {
    key: 'snapshotDay',
    name: 'Snapshot Day',
    read: readWeekday,
    show: (value) => String(WEEKDAYS[value as number]),
  },
];

const RULE_BY_NAME = new Map(RULES.map((rule) => [normalizeHeader(rule.name), rule]));

/** Reads an options table; `defaults` fill every option that is missing, blank or wrong. */
function readOptionRows(
  values: SettingsValues,
  defaults: Options | null,
): { options: Options; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const options: Record<string, unknown> = { ...defaults };
  const header = values[0] ?? [];
  const optionColumn = header.findIndex((cell) => normalizeHeader(cell) === 'option');
  const valueColumn =
    optionColumn < 0
      ? -1
      : header.findIndex((cell, i) => i > optionColumn && normalizeHeader(cell) === 'value');
  if (optionColumn < 0 || valueColumn < 0) {
    problems.push({
      cell: cellName(SHEET.settings, 1, optionColumn < 0 ? 8 : optionColumn),
      message: `${SHEET.settings} has no "Option | Value" table in row 1, so the default options apply. Run Deal Pipeline › Set up sheets to add it.`,
      severity: 'warning',
    });
    return { options: options as unknown as Options, problems };
  }
  const seen = new Set<OptionKey>();
  for (let r = 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const name = readText(row[optionColumn]);
    if (name === '') continue;
    const rule = RULE_BY_NAME.get(normalizeHeader(name));
    const where = cellName(SHEET.settings, r + 1, optionColumn);
    if (!rule) {
      const known = RULES.map((option) => option.name).join(', ');
      problems.push({
        cell: where,
        message: `${where}: "${name}" is not an option and is ignored. Options: ${known}.`,
        severity: 'warning',
      });
      continue;
    }
    if (seen.has(rule.key)) {
      problems.push({
        cell: where,
        message: `${where}: ${rule.name} is listed twice; the first one applies.`,
        severity: 'warning',
      });
      continue;
    }
    seen.add(rule.key);
    const cell = row[valueColumn];
    const reading = rule.read(cell);
    if (isUnreadable(reading)) {
      const at = cellName(SHEET.settings, r + 1, valueColumn);
      const kept = defaults?.[rule.key] ?? null;
      const shown = kept === null ? 'none' : (rule.show?.(kept) ?? kept);
      const fallback = defaults ? `; using ${quoteValue(shown)} until it is fixed` : '';
      problems.push({
        cell: at,
        message: `${at}: ${rule.name} ${reading.unreadable}${fallback}.`,
        severity: 'error',
      });
    } else if (reading !== null || options[rule.key] === undefined) {
      // A blank value keeps the default; where the default is "none" (target, manager) it is none.
      options[rule.key] = reading;
    }
  }
  return { options: options as unknown as Options, problems };
}

function defaultOptions(): Options {
  const { options, problems } = readOptionRows(DEFAULT_OPTION_ROWS, null);
  const incomplete = RULES.filter((rule) => options[rule.key] === undefined);
  if (problems.length > 0 || incomplete.length > 0) throw new Error('DEFAULT_OPTION_ROWS do not parse');
  return options;
}

/** The options of SPEC §1, parsed from the same rows "Set up sheets" writes. */
export const DEFAULT_OPTIONS: Options = defaultOptions();

/** The options table of a Settings sheet's values; every problem names its cell. */
export function parseOptions(values: SettingsValues): { options: Options; problems: CellProblem[] } {
  return readOptionRows(values, DEFAULT_OPTIONS);
}
