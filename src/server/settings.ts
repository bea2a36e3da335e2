/**
 * The Settings sheet as the engine sees it: read once per operation and parsed by the core.
 * Whenever the sheet's own stage table cannot be used (no sheet, a renamed tab, an empty sheet,
 * a broken table), the last table that parsed cleanly applies, else the defaults, and the caller
 * gets a notice to show.
 */
import { SHEET } from '../core/columns';
import { loadSettings } from '../core/settings';
import type { Settings } from '../core/settings';
import { readLastValidTable } from './document-properties';
import type { DocumentState } from './document-properties';
import type { Spreadsheet } from './sheets';
import { readAllValues } from './sheets';

/**
 * 3 calls (the sheet and its values), 1 when there is no sheet; 2 more only when the sheet's
 * table cannot be used and no state is given. Writers pass the document state they hold, which
 * keeps a clean table for later; custom functions, which may only read, pass none.
 */
export function readSettings(spreadsheet: Spreadsheet, state?: DocumentState): Settings {
  const sheet = spreadsheet.getSheetByName(SHEET.settings);
  const values = sheet ? readAllValues(sheet) : null;
  const settings = loadSettings(values);
  if (settings.source === 'defaults') {
    const kept = state ? state.lastValidTable : readLastValidTable();
    return kept ? loadSettings(values, kept) : settings;
  }
  state?.keepValidTable(settings.table);
  return settings;
}
