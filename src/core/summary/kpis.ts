/**
 * The KPI block from A1: label in column A, value in B, what the value is taken over in C.
 */
import { isoOfDay } from '../dates';
import type { DayRange, SummaryNumbers } from '../numbers';
import type { GridBuilder } from './grid';
import { countText, percentText, wholeNumberText } from './grid';

/** The labels of SPEC §1, in order; Target coverage only when a Quarterly Target is set. */
const KPI_LABELS = {
  openPipeline: 'Open pipeline',
  weightedPipeline: 'Weighted pipeline',
  dealsOpen: 'Deals open',
  wonThisQuarter: 'Won this quarter',
  winRate: 'Win rate',
  averageDealSize: 'Average deal size',
  averageSalesCycle: 'Average sales cycle (days)',
  salesVelocity: 'Sales velocity (per day)',
  followUpsOverdue: 'Follow-ups overdue',
  staleDeals: 'Stale deals',
  targetCoverage: 'Target coverage',
} as const;

/** "2026-10-01 to 2026-12-31", or '' for a range open at either end. */
export function rangeText(range: DayRange): string {
  return range.from === null || range.to === null ? '' : `${isoOfDay(range.from)} to ${isoOfDay(range.to)}`;
}

/** "last 12 months (2025-11-28 to 2026-11-27)": the window the win rate is taken over. */
function windowText(numbers: SummaryNumbers): string {
  const { window } = numbers.closed;
  const dates = rangeText(window);
  return dates === '' ? window.label : `${window.label} (${dates})`;
}

export function addKpis(grid: GridBuilder, numbers: SummaryNumbers): void {
  const c = grid.cells;
  const { kpis, closed, quarter } = numbers;
  const window = windowText(numbers);
  grid.row(KPI_LABELS.openPipeline, c.money(kpis.openPipeline), 'Σ Amount of open deals');
  grid.row(
    KPI_LABELS.weightedPipeline,
    c.money(kpis.weightedPipeline),
    'Σ Amount × probability of open deals',
  );
  grid.row(KPI_LABELS.dealsOpen, c.count(kpis.dealsOpen), '');
  grid.row(
    KPI_LABELS.wonThisQuarter,
    c.money(kpis.wonThisQuarter),
    `${countText(quarter.wonDeals, 'won deal')} closing ${rangeText(quarter.quarter)}`,
  );
  grid.row(KPI_LABELS.winRate, c.percent(kpis.winRate), `${window}: ${closed.won} won, ${closed.lost} lost`);
  grid.row(KPI_LABELS.averageDealSize, c.money(kpis.averageDealSize), `won deals, ${window}`);
  grid.row(
    KPI_LABELS.averageSalesCycle,
    c.days(kpis.averageSalesCycleDays),
    `Created to Close Date of ${countText(closed.cycleDeals, 'won deal')}, ${window}`,
  );
  grid.row(
    KPI_LABELS.salesVelocity,
    c.money(kpis.salesVelocityPerDay),
    'open deals × average deal size × win rate ÷ sales cycle',
  );
  grid.row(KPI_LABELS.followUpsOverdue, c.count(kpis.followUpsOverdue), 'open deals whose Follow-up is past');
  grid.row(
    KPI_LABELS.staleDeals,
    c.count(kpis.staleDeals),
    "open deals with no stage change or contact for longer than the stage's Stale After Days",
  );
  const target = kpis.targetCoverage;
  if (target) {
    const won = `${percentText(target.attainment)} won, ${percentText(target.expectedAttainment)} expected`;
    grid.row(
      KPI_LABELS.targetCoverage,
      target.targetMet ? c.text('Target met') : c.ratio(target.coverage),
      `open pipeline closing this quarter ÷ target not yet won (target ${wholeNumberText(target.target)}: ${won})`,
    );
  }
}
