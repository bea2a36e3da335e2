/**
 * The Settings sheet as the engine sees it: read once per operation and parsed by the core.
 * Whenever the sheet's own stage table cannot be used (no sheet, a renamed tab, an empty sheet,
 * a broken table), the last table that parsed cleanly applies, else the defaults, and the caller
 * gets a notice to show.
 */
import { SHEET } from '../core/columns';
import type { Settings } from '../core/settings';
import { loadSettings } from '../core/settings';
import type { DocumentState } from './document-properties';
import { readLastValidTable } from './document-properties';
import type { HistorySheet } from './history';
import { openHistory } from './history';
import type { Cell, Sheet, Spreadsheet } from './sheets';
import { readAllValues } from './sheets';

/**
 * 3 calls (the sheet and its values), 1 when there is no sheet; 2 more only when the sheet's
 * table cannot be used and no state is given. Writers pass the document state they hold, which
 * keeps a clean table for later; custom functions, which may only read, pass none.
 */
export function readSettings(spreadsheet: Spreadsheet, state?: DocumentState): Settings {
  const sheet = spreadsheet.getSheetByName(SHEET.settings);
  return settingsOf(sheet ? readAllValues(sheet) : null, state);
}

/** The settings of Settings values already read (null: no sheet). 0 calls, or 2 as above. */
export function settingsOf(values: Cell[][] | null, state?: DocumentState): Settings {
  const settings = loadSettings(values);
  if (settings.source === 'defaults') {
    const kept = state ? state.lastValidTable : readLastValidTable();
    return kept ? loadSettings(values, kept) : settings;
  }
  state?.keepValidTable(settings.table);
  return settings;
}

/** What an edit of Deals needs besides the edited rows. */
interface EditSettings {
  readonly settings: Settings;
  readonly history: HistorySheet;
}

const EDIT_CACHE_KEY = 'dealPipeline.editSettings';
/** An edit Deal Pipeline cannot see (a script, another add-on) is trusted for at most an hour. */
const EDIT_CACHE_SECONDS = 3_600;

interface CachedEditSettings {
  readonly shape: string;
  readonly settings: Settings;
  readonly historyHeader: readonly string[];
}

/**
 * Settings and History's header for onEdit, from the document cache, so that an edit reads no
 * sheet but Deals: each of those reads would be a round trip of its own. The cache is dropped
 * when Settings or History's header is edited or set up (forgetEditSettings), and not used when
 * either sheet changed shape since (replaced, rows or columns added or removed), which Sheets
 * reports to no onEdit. 9 calls on a hit; on a miss, readSettings and openHistory, and a put.
 * Without a document cache (CacheService gives none outside a document), both are read.
 */
export function readEditSettings(spreadsheet: Spreadsheet, state: DocumentState): EditSettings {
  const cache = CacheService.getDocumentCache();
  const historySheet = spreadsheet.getSheetByName(SHEET.history);
  const shape = shapeOf(spreadsheet.getSheetByName(SHEET.settings), historySheet);
  const hit = cache && historySheet ? cachedEditSettings(cache.get(EDIT_CACHE_KEY), shape) : undefined;
  if (hit && historySheet) {
    if (hit.settings.source !== 'defaults') state.keepValidTable(hit.settings.table);
    return { settings: hit.settings, history: { sheet: historySheet, header: hit.historyHeader } };
  }
  const settings = readSettings(spreadsheet, state);
  const history = openHistory(spreadsheet);
  if (cache) {
    const entry: CachedEditSettings = {
      // History may have just been set up again: its shape is taken as it now is.
      shape: historySheet ? shape : shapeOf(spreadsheet.getSheetByName(SHEET.settings), history.sheet),
      settings,
      historyHeader: history.header,
    };
    try {
      cache.put(EDIT_CACHE_KEY, JSON.stringify(entry), EDIT_CACHE_SECONDS);
    } catch (error) {
      // A Settings sheet with problems in the thousands is too large to keep: it is read each time.
      console.warn(error);
    }
  }
  return { settings, history };
}

/** After Settings or History's header may have changed. 1–2 calls. */
export function forgetEditSettings(): void {
  const cache = CacheService.getDocumentCache();
  cache?.remove(EDIT_CACHE_KEY);
}

function cachedEditSettings(text: string | null, shape: string): CachedEditSettings | undefined {
  if (text === null) return undefined;
  try {
    const entry = JSON.parse(text) as CachedEditSettings;
    return entry.shape === shape ? entry : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Which Settings and History sheets there are and how large (History's rows grow with every
 * change, so only its columns count). 5 calls.
 */
function shapeOf(settings: Sheet | null, history: Sheet | null): string {
  const settingsShape = settings
    ? `${settings.getSheetId()}:${settings.getLastRow()}:${settings.getLastColumn()}`
    : '-';
  return `${settingsShape}/${history ? `${history.getSheetId()}:${history.getLastColumn()}` : '-'}`;
}
