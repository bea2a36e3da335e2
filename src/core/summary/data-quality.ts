/**
 * What the numbers could not use, so nothing is dropped silently: deals in an unknown stage,
 * owners reminders cannot reach, Deals columns that are missing, cells and History rows that
 * cannot be read, and a Settings sheet whose stage table is not the one in use.
 */
import type { DealFieldKey } from '../columns';
import { dealField, HISTORY_HEADERS, SHEET } from '../columns';
import type { ParsedHistory } from '../history-rows';
import type { CellProblem, Deal } from '../types';
import { isEmailAddress } from '../values';
import { wordFor } from '../wording';
import type { GridBuilder } from './grid';
import { UNKNOWN } from './grid';

/** Examples named in a note; the counts cover every deal. */
const EXAMPLES = 3;

export interface DataQuality {
  readonly unknownStageDeals: number;
  readonly noOwner: number;
  /** Deals whose Owner is set but is not an email address, and a few of those owners. */
  readonly ownerNotEmail: number;
  readonly ownerExamples: readonly string[];
  /** Deals cells of the wrong type (read as blank). */
  readonly unreadableCells: number;
  /** Headers of expected Deals columns the sheet lacks (their fields read blank). */
  readonly missingColumns: readonly string[];
  /** 1-based History rows skipped because their Timestamp or ID cannot be read. */
  readonly skippedHistoryRows: readonly number[];
  /** Why History could not be read in full (no sheet, missing columns); null when it could. */
  readonly historyProblem: string | null;
  /** Settings' notice when its stage table is not the one in use. */
  readonly settingsNotice: string | null;
  /** Every Settings problem: the stage table's, which the notice counts, and the options'. */
  readonly settingsProblems: readonly string[];
}

export interface DataQualityInput {
  readonly deals: readonly Deal[];
  readonly unknownStageDeals: number;
  readonly unreadableCells: number;
  /** Expected Deals columns the sheet lacks. */
  readonly missingColumns: readonly DealFieldKey[];
  /** Null when there is no History sheet. */
  readonly history: ParsedHistory | null;
  readonly settings: { readonly notice: string | null; readonly problems: readonly CellProblem[] };
}

export function dataQuality(input: DataQualityInput): DataQuality {
  let noOwner = 0;
  let ownerNotEmail = 0;
  const examples = new Set<string>();
  for (const deal of input.deals) {
    const owner = deal.owner.trim();
    if (owner === '') noOwner++;
    else if (!isEmailAddress(owner)) {
      ownerNotEmail++;
      if (examples.size < EXAMPLES) examples.add(owner);
    }
  }
  const { history, settings } = input;
  let historyProblem: string | null = null;
  if (!history) {
    historyProblem = `There is no ${SHEET.history} sheet, so conversion and days in stage are unknown. Run Deal Pipeline › Set up sheets to create it.`;
  } else if (history.missingHeaders.length > 0) {
    historyProblem = `The ${SHEET.history} sheet has no ${history.missingHeaders.map((h) => `"${h}"`).join(', ')} column; its header row should be ${HISTORY_HEADERS.join(' | ')}.`;
  }
  return {
    unknownStageDeals: input.unknownStageDeals,
    noOwner,
    ownerNotEmail,
    ownerExamples: [...examples],
    unreadableCells: input.unreadableCells,
    missingColumns: input.missingColumns.map((key) => dealField(key).header),
    skippedHistoryRows: history?.skippedRows ?? [],
    historyProblem,
    settingsNotice: settings.notice,
    settingsProblems: settings.problems.map((p) => p.message),
  };
}

function rowsText(rows: readonly number[]): string {
  if (rows.length === 0) return '';
  const shown = rows.slice(0, EXAMPLES).join(', ');
  return `rows ${shown}${rows.length > EXAMPLES ? '…' : ''}`;
}

export function addDataQuality(grid: GridBuilder, quality: DataQuality): void {
  const c = grid.cells;
  grid.boldRow('Data quality');
  grid.row(
    'Deals in a stage not in Settings',
    c.count(quality.unknownStageDeals),
    'left out of every number: fix their Stage, or add the stage to Settings',
  );
  grid.row('Deals with no owner', c.count(quality.noOwner), 'no one gets reminders for them');
  grid.row(
    'Owners that are not an email address',
    c.count(quality.ownerNotEmail),
    quality.ownerExamples.length === 0 ? '' : `e.g. ${quality.ownerExamples.join(', ')}`,
  );
  if (quality.missingColumns.length > 0) {
    const them = wordFor(quality.missingColumns.length, 'it', 'them');
    grid.row(
      `${SHEET.deals} columns missing`,
      c.count(quality.missingColumns.length),
      `${quality.missingColumns.join(', ')}: counted as blank; run Set up sheets to add ${them}`,
    );
  }
  grid.row(
    'Deal cells that cannot be read',
    c.count(quality.unreadableCells),
    'counted as blank, e.g. text in Amount or a date that is not a date',
  );
  grid.row(
    'History rows skipped as unreadable',
    c.count(quality.skippedHistoryRows.length),
    rowsText(quality.skippedHistoryRows),
  );
  if (quality.historyProblem) grid.row(SHEET.history, UNKNOWN, quality.historyProblem);
  if (quality.settingsNotice) grid.row(SHEET.settings, UNKNOWN, quality.settingsNotice);
  if (quality.settingsProblems.length > 0) {
    grid.row(
      'Settings problems',
      c.count(quality.settingsProblems.length),
      quality.settingsProblems[0] ?? '',
    );
  }
}
