/**
 * Forecast snapshots: the weekly one the reminder job takes when it is due, and one on demand
 * from the menu. Both append the Summary's monthly forecast, for the team and per owner, to
 * Forecast History, and both run under the reminder lock (the one lock the job's context has),
 * so a snapshot from the menu and one from the job never both land on the same day.
 */
import type { DealFieldKey } from '../../core/columns';
import { SHEET } from '../../core/columns';
import { dayOfDate, isoOfDay, msIntoDay } from '../../core/dates';
import { parseDealRows } from '../../core/deal-row';
import { weeklySnapshotDue } from '../../core/forecast-history/due';
import type { SnapshotLine } from '../../core/forecast-history/snapshot';
import { snapshotBlock, snapshotLines } from '../../core/forecast-history/snapshot';
import type { Settings } from '../../core/settings';
import type { Deal, Today } from '../../core/types';
import { countOf } from '../../core/wording';
import { openDealsSheet, readDealFields } from '../deals-sheet';
import { messageOf } from '../errors';
import { withReminderLock } from '../lock';
import { readSettings } from '../settings';
import type { Spreadsheet } from '../sheets';
import { activeSpreadsheet } from '../sheets';
import { todayIn } from '../today';
import { runMenuAction, toast } from '../ui';
import type { ForecastHistorySheet } from './sheet';
import { appendSnapshot, openForecastHistory, readLastTaken } from './sheet';

/** What a snapshot is taken from: the reminder job has read all of it already. */
export interface SnapshotSource {
  readonly spreadsheet: Spreadsheet;
  readonly settings: Settings;
  readonly deals: readonly Deal[];
  readonly today: Today & { readonly now: Date };
}

/** What "Take forecast snapshot" did. */
export interface SnapshotReport {
  /** Rows appended to Forecast History: 0 when a snapshot was already taken today. */
  readonly rows: number;
  readonly message: string;
}

/** The Deals columns a forecast uses. */
const SNAPSHOT_FIELDS: readonly DealFieldKey[] = ['owner', 'stage', 'amount', 'probability', 'closeDate'];

/** Appends the snapshot and says what it wrote. The calls of appendSnapshot. */
function writeSnapshot(history: ForecastHistorySheet, source: SnapshotSource): SnapshotReport {
  const { settings, today } = source;
  const lines = snapshotLines(source.deals, settings.table, today.today, settings.options.summaryMonths);
  appendSnapshot(
    history,
    snapshotBlock(history.header, lines, today.now, today.timeZone, settings.options.currency),
  );
  return { rows: lines.length, message: [...history.repaired, describe(lines)].join(' ') };
}

function describe(lines: readonly SnapshotLine[]): string {
  const months = lines.filter((line) => line.owner === '');
  const owners = lines.length / months.length - 1;
  const label = (line: SnapshotLine) => isoOfDay(line.month).slice(0, 7);
  const span =
    months.length === 1 ? label(months[0]!) : `${label(months[0]!)} to ${label(months[months.length - 1]!)}`;
  return `Forecast snapshot taken: ${countOf(lines.length, 'row')} in ${SHEET.forecastHistory}, for the team and ${countOf(owners, 'owner')}, ${span}.`;
}

/**
 * The reminder job's weekly snapshot, when it is due (core/forecast-history/due.ts), from the
 * Settings and deals the job has read. It never throws: a snapshot that fails is logged, and the
 * reminders go out all the same. 5 calls when none is due, the calls of appendSnapshot more when
 * one is, and 10 or so more when Forecast History must be set up again.
 */
export function takeWeeklySnapshot(source: SnapshotSource): void {
  try {
    const { today } = source;
    const history = openForecastHistory(source.spreadsheet, source.settings.options.currency);
    const last = readLastTaken(history, today.timeZone);
    const lastDay = last === null ? null : dayOfDate(last, today.timeZone);
    if (!weeklySnapshotDue(lastDay, today.today, source.settings.options.snapshotDay)) return;
    console.log(`Deal Pipeline: ${writeSnapshot(history, source).message}`);
  } catch (error) {
    console.warn(`Deal Pipeline forecast snapshot not taken: ${messageOf(error)}`);
  }
}

/**
 * The menu item: a snapshot now, unless one was taken today already (two on one day would count
 * that day twice wherever snapshots are compared). Says what it wrote in a toast.
 */
export function takeSnapshotFromMenu(): SnapshotReport | undefined {
  return runMenuAction(() => {
    const report = withReminderLock(() => {
      const spreadsheet = activeSpreadsheet();
      const settings = readSettings(spreadsheet);
      const today = todayIn(spreadsheet);
      const history = openForecastHistory(spreadsheet, settings.options.currency);
      const last = readLastTaken(history, today.timeZone);
      if (last !== null && dayOfDate(last, today.timeZone) === today.today) {
        const minutes = Math.floor(msIntoDay(last, today.timeZone) / 60_000);
        const at = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        return {
          rows: 0,
          message: `A forecast snapshot was already taken today, at ${at}, so none was added: ${SHEET.forecastHistory} keeps at most one a day.`,
        };
      }
      const dealsSheet = openDealsSheet(spreadsheet, settings.table, ['amount', 'closeDate']);
      const read = readDealFields(dealsSheet, 2, dealsSheet.lastRow - 1, SNAPSHOT_FIELDS);
      const { deals } = parseDealRows(read.rows, 2, read.layout, today.timeZone);
      return writeSnapshot(history, { spreadsheet, settings, deals, today });
    });
    toast(report.message);
    return report;
  });
}
