/** What the Summary tests share. */
import type { DataQuality } from '../../src/core/summary';

/** A pipeline with nothing to report under data quality. */
export const CLEAN_QUALITY: DataQuality = {
  unknownStageDeals: 0,
  noOwner: 0,
  ownerNotEmail: 0,
  ownerExamples: [],
  unreadableCells: 0,
  missingColumns: [],
  skippedHistoryRows: [],
  historyProblem: null,
  settingsNotice: null,
  settingsProblems: [],
};
