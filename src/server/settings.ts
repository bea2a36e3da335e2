/**
 * The Settings sheet as the engine sees it: read once per operation and parsed by the core. When
 * the stage table is broken, the last table that parsed cleanly (kept in document properties)
 * applies until it is fixed, else the defaults; the caller gets a notice to show.
 */
import { SHEET } from '../core/columns';
import { loadSettings } from '../core/settings';
import type { Settings } from '../core/settings';
import type { StageTable } from '../core/types';
import type { Spreadsheet } from './sheets';
import { readAllValues } from './sheets';

const LAST_VALID_KEY = 'dealPipeline.lastValidStageTable';

/**
 * 5 calls (the sheet, its values, the last valid table); 1 more when a writer keeps a changed
 * table. Custom functions may only read, so only writers pass `keepValidTable`.
 */
export function readSettings(spreadsheet: Spreadsheet, keepValidTable = false): Settings {
  const sheet = spreadsheet.getSheetByName(SHEET.settings);
  const properties = PropertiesService.getDocumentProperties();
  const kept = properties.getProperty(LAST_VALID_KEY);
  const settings = loadSettings(sheet ? readAllValues(sheet) : null, parseTable(kept));
  if (keepValidTable && settings.source === 'sheet') {
    const text = JSON.stringify(settings.table);
    if (text !== kept) properties.setProperty(LAST_VALID_KEY, text);
  }
  return settings;
}

function parseTable(text: string | null): StageTable | undefined {
  if (!text) return undefined;
  try {
    const table = JSON.parse(text) as StageTable;
    return Array.isArray(table.stages) && table.stages.length > 0 ? table : undefined;
  } catch {
    return undefined;
  }
}
