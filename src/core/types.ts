import type { DealFieldKey } from './columns';

/** Days since 1970-01-01 of a calendar day in the spreadsheet's time zone. See dates.ts. */
export type CalendarDay = number;

export type StageKind = 'open' | 'won' | 'lost';

export const FORECAST_CATEGORIES = ['Pipeline', 'Best Case', 'Commit', 'Closed', 'Omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

export interface Stage {
  readonly name: string;
  /** 0..1 as configured; won and lost stages count 1 and 0 whatever this says. */
  readonly probability: number;
  readonly kind: StageKind;
  readonly forecastCategory: ForecastCategory;
  /** Where a deal may move from here: "*" means anywhere, an empty list nowhere. */
  readonly nextStages: readonly string[] | '*';
  readonly requiredFields: readonly DealFieldKey[];
  /** Days in this stage (or since last contact) after which an open deal is stale; null = never. */
  readonly staleAfterDays: number | null;
}

/** The Settings stage table, in pipeline order. */
export interface StageTable {
  readonly stages: readonly Stage[];
}

export interface Options {
  readonly currency: string;
  /** 0..23, in the spreadsheet's time zone. */
  readonly reminderHour: number;
  readonly reminderLeadDays: number;
  readonly summaryMonths: number;
  readonly quarterlyTarget: number | null;
  /** 1..12 */
  readonly fiscalYearStartMonth: number;
  readonly managerEmail: string | null;
  /** The weekday the weekly forecast snapshot is due: 0 = Sunday .. 6 = Saturday. */
  readonly snapshotDay: number;
}

/** A problem found in a cell: where it is, and what is wrong in words a user can act on. */
export interface CellProblem {
  /** A1 reference with the sheet name, e.g. "Settings!C4". */
  readonly cell: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/**
 * A deal parsed from one Deals row: real numbers, calendar days, trimmed text. Blank cells are
 * '' for text and null for numbers and dates. Parsed once, at the edge (deal-row parsing).
 */
export interface Deal {
  /** 1-based sheet row it was read from; 0 when it did not come from a sheet. */
  readonly row: number;
  readonly id: string;
  readonly deal: string;
  readonly company: string;
  readonly contact: string;
  readonly email: string;
  readonly phone: string;
  readonly owner: string;
  readonly stage: string;
  readonly amount: number | null;
  /** 0..1, or null when blank (the stage's probability applies). */
  readonly probability: number | null;
  readonly closeDate: CalendarDay | null;
  readonly followUp: CalendarDay | null;
  readonly nextStep: string;
  readonly lastContact: CalendarDay | null;
  readonly created: CalendarDay | null;
  /** The instant (ms since epoch) the deal entered its current stage. */
  readonly stageSince: number | null;
  readonly lostReason: string;
  readonly notes: string;
}

export type HistoryVia = 'sidebar' | 'edit' | 'paste' | 'import' | 'setup';

/** One History row: an accepted stage change. `from` is '' when the deal was created. */
export interface HistoryEntry {
  /** ms since epoch */
  readonly timestamp: number;
  readonly id: string;
  readonly deal: string;
  readonly from: string;
  readonly to: string;
  readonly by: string;
  readonly via: string;
}

/** What every date-dependent number needs: the spreadsheet's calendar day and time zone. */
export interface Today {
  readonly today: CalendarDay;
  readonly timeZone: string;
}
