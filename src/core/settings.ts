/**
 * The settings in force: the Settings sheet's stage table (see stage-table.ts) and its options.
 * Whenever the sheet's own table cannot be used — the tab is missing or renamed, the sheet is
 * empty, or its table is broken — the last valid table the caller kept applies (else the
 * defaults), and a notice says so: a team's rules never quietly become the defaults.
 */
import { SHEET } from './columns';
import type { SettingsValues } from './options';
import { DEFAULT_OPTIONS, parseOptions } from './options';
import { DEFAULT_STAGE_TABLE, parseStageTable } from './stage-table';
import type { CellProblem, Options, StageTable } from './types';
import { isBlankCell } from './values';
import { countOf, wordFor } from './wording';

export type { SettingsValues } from './options';
export { stageTableRows } from './stage-table';

/**
 * Which stage table is in use: the sheet's own; the last valid one the caller kept, because the
 * sheet's cannot be used; or the defaults, because it cannot and none was ever kept.
 */
export type SettingsSource = 'sheet' | 'last-valid' | 'defaults';

export interface Settings {
  readonly table: StageTable;
  readonly options: Options;
  /** Every problem of the sheet, each with its cell; none when there is no sheet or it is empty. */
  readonly problems: readonly CellProblem[];
  readonly source: SettingsSource;
  /**
   * What to tell the user when the sheet's stage table is not the one in use, without repeating
   * the problems (shown beside it); null when it is in use.
   */
  readonly notice: string | null;
}

const SET_UP = 'Deal Pipeline › Set up sheets';

function isBlankSheet(values: SettingsValues): boolean {
  return values.every((row) => row.every(isBlankCell));
}

/** Why the sheet gives no stage table at all, and how to get one back. */
function noTableNotice(values: SettingsValues | null, applies: string, kept: boolean): string {
  if (values === null) {
    const fix = kept ? 'write that table into a new one' : 'create it';
    return `There is no ${SHEET.settings} sheet, so ${applies}, with the default options. Rename the tab back to "${SHEET.settings}", or run ${SET_UP} to ${fix}.`;
  }
  const fix = kept ? 'write that table back' : 'write the default stages and options';
  return `The ${SHEET.settings} sheet is empty, so ${applies}, with the default options. Run ${SET_UP} to ${fix}.`;
}

/**
 * The settings in force, from the Settings sheet's values (null when there is no such sheet).
 * `lastValid` is the table the caller kept from the last time the sheet parsed cleanly.
 */
export function loadSettings(values: SettingsValues | null, lastValid?: StageTable): Settings {
  const fallback = {
    table: lastValid ?? DEFAULT_STAGE_TABLE,
    source: lastValid ? ('last-valid' as const) : ('defaults' as const),
  };
  const applies = lastValid ? 'the last valid stage table applies' : 'the default stages apply';
  if (values === null || isBlankSheet(values)) {
    return {
      ...fallback,
      options: DEFAULT_OPTIONS,
      problems: [],
      notice: noTableNotice(values, applies, lastValid !== undefined),
    };
  }
  const stageTable = parseStageTable(values);
  const { options, problems: optionProblems } = parseOptions(values);
  const problems = [...stageTable.problems, ...optionProblems];
  if (stageTable.table) return { table: stageTable.table, options, problems, source: 'sheet', notice: null };
  const count = stageTable.problems.length;
  return {
    ...fallback,
    options,
    problems,
    notice: `The ${SHEET.settings} stage table has ${countOf(count, 'problem')}, so ${applies} until ${wordFor(count, 'it is', 'they are')} fixed.`,
  };
}
