/** Settings sheets for the core's unit tests, as "Set up sheets" writes them. */
import type { SettingsCell } from '../../src/core/defaults';
import { DEFAULT_OPTION_ROWS, DEFAULT_STAGE_ROWS } from '../../src/core/defaults';

export type Row = SettingsCell[];

/** The default Settings sheet as "Set up sheets" writes it: stages from A1, options from I1. */
export function settingsSheet(stageRows = DEFAULT_STAGE_ROWS, optionRows = DEFAULT_OPTION_ROWS): Row[] {
  const height = Math.max(stageRows.length, optionRows.length);
  return Array.from({ length: height }, (_, r) => {
    const stage = [...(stageRows[r] ?? ['', '', '', '', '', '', ''])];
    return [...stage, '', ...(optionRows[r] ?? ['', ''])];
  });
}

/** The default stage rows with one cell changed (row and column 0-based, header = row 0). */
export function withCell(row: number, column: number, value: SettingsCell): Row[] {
  const rows = DEFAULT_STAGE_ROWS.map((r) => [...r]);
  (rows[row] as Row)[column] = value;
  return rows;
}

/** The default stage rows with a second "Lead" row appended (row 8 of the sheet). */
export function withDuplicateLead(): Row[] {
  return [...DEFAULT_STAGE_ROWS.map((r) => [...r]), ['lead', 0.1, 'open', 'Pipeline', '', '', '']];
}
