/**
 * The Settings sheet: the stage table from A1 and the options table beside it. Set-up writes the
 * team's last valid stage table (the defaults if none was ever kept) and the default options into
 * a new or empty sheet; on an existing one it only adds options that are missing, never changes a
 * value the team set.
 */
import {
  normalizeHeader,
  OPTION_TABLE_COLUMN,
  OPTION_TABLE_HEADERS,
  SHEET,
  STAGE_TABLE_HEADERS,
} from '../../core/columns';
import { DEFAULT_OPTION_ROWS, DEFAULT_STAGE_ROWS } from '../../core/defaults';
import { PERCENT_FORMAT } from '../../core/formats';
import { stageTableRows } from '../../core/settings';
import type { StageTable } from '../../core/types';
import { FORECAST_CATEGORIES } from '../../core/types';
import { countOf, wordFor } from '../../core/wording';
import type { Cell, Sheet } from '../sheets';
import { readAllValues, writeBlock } from '../sheets';
import type { SetUpReport, Spreadsheet } from './sheet-structure';
import { ensureSheet } from './sheet-structure';

export interface SettingsSetUp {
  sheet: Sheet;
  /** The Settings values as they stand after set-up. */
  values: Cell[][];
}

/** `lastValid`: the stage table kept from the last time Settings parsed cleanly, if any. */
export function setUpSettingsSheet(
  spreadsheet: Spreadsheet,
  report: SetUpReport,
  lastValid: StageTable | undefined,
): SettingsSetUp {
  const { sheet } = ensureSheet(spreadsheet, SHEET.settings, report);
  const values = readAllValues(sheet);
  const header = values[0] ?? [];
  const stageHeaderAt = header.findIndex(
    (cell) => normalizeHeader(cell) === normalizeHeader(STAGE_TABLE_HEADERS[0]),
  );

  if (isBlank(values)) {
    writeBlock(sheet, 1, 1, lastValid ? stageTableRows(lastValid) : DEFAULT_STAGE_ROWS);
    writeBlock(sheet, 1, OPTION_TABLE_COLUMN, DEFAULT_OPTION_ROWS);
    formatStageTable(sheet);
    sheet.setFrozenRows(1);
    if (lastValid) {
      report.repaired.push(
        `${SHEET.settings}: restored the last valid stage table (${countOf(lastValid.stages.length, 'stage')}) and wrote the default options`,
      );
    } else if (!report.created.includes(SHEET.settings)) {
      report.repaired.push(`${SHEET.settings}: wrote the default stages and options`);
    }
    return { sheet, values: readAllValues(sheet) };
  }

  if (stageHeaderAt !== 0) {
    const applies = lastValid ? 'the last valid stage table applies' : 'the default stages apply';
    report.repaired.push(
      `${SHEET.settings}: cell A1 should read "${STAGE_TABLE_HEADERS[0]}" to start the stage table; ${applies} until it does`,
    );
  }
  const added = addMissingOptions(sheet, values);
  if (added.length > 0)
    report.repaired.push(
      `${SHEET.settings}: added the ${wordFor(added.length, 'option')} ${added.join(', ')}`,
    );
  return { sheet, values: added.length > 0 ? readAllValues(sheet) : values };
}

function isBlank(values: readonly (readonly Cell[])[]): boolean {
  return values.every((row) => row.every((cell) => cell === ''));
}

/** Kind and Forecast Category dropdowns and the percent format on Probability. 6 calls. */
function formatStageTable(sheet: Sheet): void {
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  sheet.getRange(1, 1, 1, STAGE_TABLE_HEADERS.length).setFontWeight('bold');
  sheet.getRange(1, OPTION_TABLE_COLUMN, 1, OPTION_TABLE_HEADERS.length).setFontWeight('bold');
  sheet.getRange(2, 2, rows, 1).setNumberFormat(PERCENT_FORMAT);
  const list = (values: readonly string[], help: string) =>
    SpreadsheetApp.newDataValidation()
      .requireValueInList([...values], true)
      .setAllowInvalid(false)
      .setHelpText(help)
      .build();
  sheet.getRange(2, 3, rows, 1).setDataValidation(list(['open', 'won', 'lost'], 'Kind: open, won or lost.'));
  sheet
    .getRange(2, 4, rows, 1)
    .setDataValidation(list(FORECAST_CATEGORIES, `Forecast Category: ${FORECAST_CATEGORIES.join(', ')}.`));
}

/**
 * Adds the default options the options table lacks, below its last row. Writes a whole new
 * table when there is none and its columns are free. 0–2 calls.
 */
function addMissingOptions(sheet: Sheet, values: readonly (readonly Cell[])[]): string[] {
  const header = values[0] ?? [];
  const optionAt = header.findIndex(
    (cell) => normalizeHeader(cell) === normalizeHeader(OPTION_TABLE_HEADERS[0]),
  );
  const defaults = DEFAULT_OPTION_ROWS.slice(1);
  if (optionAt < 0) {
    const column = firstFreeColumnPair(values, OPTION_TABLE_COLUMN - 1);
    writeBlock(sheet, 1, column + 1, DEFAULT_OPTION_ROWS);
    sheet.getRange(1, column + 1, 1, OPTION_TABLE_HEADERS.length).setFontWeight('bold');
    return defaults.map((row) => String(row[0]));
  }
  const present = new Set<string>();
  let lastRow = 0;
  values.forEach((row, index) => {
    const name = normalizeHeader(row[optionAt]);
    if (index > 0 && name !== '') {
      present.add(name);
      lastRow = index;
    }
  });
  const missing = defaults.filter((row) => !present.has(normalizeHeader(row[0])));
  const target = values.slice(lastRow + 1, lastRow + 1 + missing.length);
  const free = target.every((row) => (row[optionAt] ?? '') === '' && (row[optionAt + 1] ?? '') === '');
  if (missing.length === 0 || !free) return [];
  writeBlock(sheet, lastRow + 2, optionAt + 1, missing);
  return missing.map((row) => String(row[0]));
}

/** The first 0-based column from `from` on where this column and the next are empty in every row. */
function firstFreeColumnPair(values: readonly (readonly Cell[])[], from: number): number {
  const used = (column: number) => values.some((row) => (row[column] ?? '') !== '');
  let column = from;
  while (used(column) || used(column + 1)) column += 1;
  return column;
}
