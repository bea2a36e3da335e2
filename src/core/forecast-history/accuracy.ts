/**
 * How good the forecast was: for each of the last closed months, what the Weighted Forecast said
 * of it 12, 8 and 4 weeks before its first day (from the Forecast History snapshot taken nearest
 * each point, within a week), beside what was actually won in it, for the team and per owner.
 */
import { SHEET } from '../columns';
import { addMonths, isoOfDay, monthStart } from '../dates';
import { ownerKey } from '../numbers/owners';
import { priceDeals } from '../numbers/pipeline';
import { stageLookup } from '../numbers/stage-lookup';
import type { CalendarDay, Deal, StageTable } from '../types';
import type { ParsedForecastHistory, SnapshotEntry } from './rows';

/** How far ahead each forecast was taken, in weeks: the furthest first. */
export const LEAD_WEEKS = [12, 8, 4] as const;
/** The calendar months before the current one that are compared. */
export const CLOSED_MONTHS = 6;
/** A snapshot further than this from the point it stands for is no forecast for it. */
const TOLERANCE_DAYS = 7;

interface LeadForecast {
  readonly weeks: number;
  /** The Weighted Forecast of the snapshot used; null when none was taken near enough. */
  readonly forecast: number | null;
  /** 1 − |forecast − actual| ÷ actual; null without a forecast, or when nothing was won. */
  readonly accuracy: number | null;
}

export interface AccuracyRow {
  /** The first day of the month. */
  readonly month: CalendarDay;
  /** "yyyy-mm" */
  readonly label: string;
  /** '' for the team; else the owner as first written (Deals first, then Forecast History). */
  readonly owner: string;
  /** One per LEAD_WEEKS, in that order. */
  readonly leads: readonly LeadForecast[];
  /** Σ Amount of deals won with a Close Date in the month, as Deals stand today. */
  readonly actual: number;
}

export interface ForecastAccuracy {
  /** The team, one row per month, oldest first. */
  readonly team: readonly AccuracyRow[];
  /** Per owner (alphabetical), one row per month, oldest first. */
  readonly owners: readonly AccuracyRow[];
  /** What the reader should know: no Forecast History sheet, rows left out. */
  readonly notes: readonly string[];
}

/** 1 − |forecast − actual| ÷ actual, or null when nothing was won (no ratio to take). */
function accuracyOf(forecast: number, actual: number): number | null {
  return actual > 0 ? 1 - Math.abs(forecast - actual) / actual : null;
}

/**
 * The entry taken nearest to `target` within a week, by calendar day; on a tie the earlier day
 * (a forecast made before the point, not after), and within a day the latest taken.
 */
function nearest(entries: readonly SnapshotEntry[], target: CalendarDay): SnapshotEntry | null {
  const distance = (entry: SnapshotEntry) => Math.abs(entry.takenDay - target);
  const near = entries.filter((entry) => distance(entry) <= TOLERANCE_DAYS);
  near.sort((a, b) => distance(a) - distance(b) || a.takenDay - b.takenDay || b.taken - a.taken);
  return near[0] ?? null;
}

/** One month of the team or one owner: what was won in it, and the snapshot rows for it. */
interface MonthTally {
  won: number;
  readonly entries: SnapshotEntry[];
}

interface OwnerTally {
  readonly shownAs: string;
  /** Only the months compared have a tally. */
  readonly months: Map<CalendarDay, MonthTally>;
}

/** A month's row from its tally (one owner's, or the team's). */
function accuracyRow(month: CalendarDay, owner: string, tally: MonthTally): AccuracyRow {
  const leads = LEAD_WEEKS.map((weeks) => {
    const used = nearest(tally.entries, month - weeks * 7);
    const forecast = used ? used.weighted : null;
    return { weeks, forecast, accuracy: forecast === null ? null : accuracyOf(forecast, tally.won) };
  });
  return { month, label: isoOfDay(month).slice(0, 7), owner, leads, actual: tally.won };
}

/**
 * The accuracy of the last CLOSED_MONTHS months before `today`'s. `history` is null when there is
 * no Forecast History sheet. Owners are matched trimmed and case-insensitively, as on the rest of
 * the Summary; an owner has rows when they won a deal in one of the months or have a snapshot row
 * for one. Deals without an Owner count for the team only.
 */
export function forecastAccuracy(
  history: ParsedForecastHistory | null,
  deals: readonly Deal[],
  table: StageTable,
  today: CalendarDay,
): ForecastAccuracy {
  const current = monthStart(today);
  const months = Array.from({ length: CLOSED_MONTHS }, (_, i) => addMonths(current, i - CLOSED_MONTHS));
  const tally = (shownAs: string): OwnerTally => ({
    shownAs,
    months: new Map(months.map((month) => [month, { won: 0, entries: [] }])),
  });
  const team = tally('');
  const owners = new Map<string, OwnerTally>();
  /** The owner's tally, made on first sight; the team's for no Owner. */
  const tallyOf = (owner: string): OwnerTally => {
    const key = ownerKey(owner);
    if (key === '') return team;
    if (!owners.has(key)) owners.set(key, tally(owner.trim()));
    return owners.get(key)!;
  };

  for (const d of priceDeals(deals, stageLookup(table)).priced) {
    if (d.kind !== 'won' || d.deal.closeDate === null) continue;
    const month = monthStart(d.deal.closeDate);
    const teamMonth = team.months.get(month);
    if (!teamMonth) continue;
    teamMonth.won += d.amount;
    const owner = tallyOf(d.deal.owner);
    if (owner !== team) owner.months.get(month)!.won += d.amount;
  }
  if (history) {
    for (const entry of history.entries) {
      if (team.months.has(entry.month)) tallyOf(entry.owner).months.get(entry.month)!.entries.push(entry);
    }
  }

  const rowsOf = (owner: OwnerTally) =>
    months.map((month) => accuracyRow(month, owner.shownAs, owner.months.get(month)!));
  const notes = history
    ? history.problems
    : [
        `There is no ${SHEET.forecastHistory} sheet, so no forecast can be compared. Run Deal Pipeline › Set up sheets to create it; a snapshot is then taken each week.`,
      ];
  return {
    team: rowsOf(team),
    owners: [...owners.keys()].sort().flatMap((key) => rowsOf(owners.get(key)!)),
    notes,
  };
}
