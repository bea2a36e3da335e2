/**
 * The Settings sheet as the engine sees it: read once per operation and parsed by the core. When
 * the stage table is broken, the last table that parsed cleanly applies until it is fixed, else
 * the defaults; the caller gets a notice to show.
 */
import { SHEET } from '../core/columns';
import { loadSettings } from '../core/settings';
import type { Settings } from '../core/settings';
import { readLastValidTable } from './document-properties';
import type { DocumentState } from './document-properties';
import type { Spreadsheet } from './sheets';
import { readAllValues } from './sheets';

/**
 * 3 calls (the sheet and its values); 2 more only when the table is broken and no state is
 * given. Writers pass the document state they hold, which keeps a clean table for later; custom
 * functions, which may only read, pass none.
 */
export function readSettings(spreadsheet: Spreadsheet, state?: DocumentState): Settings {
  const sheet = spreadsheet.getSheetByName(SHEET.settings);
  const values = sheet ? readAllValues(sheet) : null;
  const settings = loadSettings(values);
  if (settings.source === 'defaults') {
    const kept = state ? state.lastValidTable : readLastValidTable();
    return kept ? loadSettings(values, kept) : settings;
  }
  if (state && settings.source === 'sheet') state.keepValidTable(settings.table);
  return settings;
}
