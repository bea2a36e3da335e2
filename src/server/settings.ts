/**
 * The Settings sheet as the engine sees it: read once per operation, parsed by the core, the
 * defaults when the sheet is missing or its stage table is broken.
 */
import { SHEET } from '../core/columns';
import { loadSettings } from '../core/settings';
import type { Settings } from '../core/settings';
import type { Spreadsheet } from './sheets';
import { readAllValues } from './sheets';

/** 3 calls (sheet, data range, values); 1 when there is no Settings sheet. */
export function readSettings(spreadsheet: Spreadsheet): Settings {
  const sheet = spreadsheet.getSheetByName(SHEET.settings);
  return loadSettings(sheet ? readAllValues(sheet) : null);
}
