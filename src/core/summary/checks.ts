/**
 * How far to trust the forecast: the probability check (do deals that enter a stage win as often
 * as Settings says?) and the forecast range (P10 / P50 / P90).
 */
import type { ForecastRange, SummaryNumbers } from '../numbers';
import { DEFAULT_PROBABILITY_SAMPLE } from '../numbers';
import type { GridBuilder } from './grid';
import { wholeNumberText } from './grid';
import { rangeText } from './kpis';

const PROBABILITY_CHECK_HEADERS = [
  'Stage',
  'Probability in Settings',
  'Observed win rate',
  'Difference',
  'Won later',
  'Decided (sample)',
  'Note',
] as const;

const TOO_FEW_DEALS = `too few deals (under ${DEFAULT_PROBABILITY_SAMPLE} decided)`;

export function addProbabilityCheck(grid: GridBuilder, numbers: SummaryNumbers): void {
  const c = grid.cells;
  grid.boldRow('Probability check');
  grid.boldRow(...PROBABILITY_CHECK_HEADERS);
  for (const check of numbers.probabilityCheck) {
    grid.row(
      check.stage,
      c.percent(check.configured),
      c.percent(check.observed),
      c.percent(check.difference),
      c.count(check.won),
      c.count(check.decided),
      check.enoughDeals ? '' : TOO_FEW_DEALS,
    );
  }
  grid.row(
    'Observed: of the deals that entered the stage and are now won or lost (History), the share won. Deals still open are not counted.',
  );
}

const FORECAST_RANGE_HEADERS = [
  'Forecast range',
  'P10',
  'P50',
  'P90',
  'Expected',
  'If only sure deals close',
  'If every deal closes',
] as const;

/** Whether the engine had to approximate enough for the Summary to say so. */
function isApproximate(range: ForecastRange): boolean {
  return range.approximatedDeals > 0 || range.amountError >= 0.5 || range.probabilityError >= 0.0005;
}

export function addForecastRange(grid: GridBuilder, numbers: SummaryNumbers): void {
  const c = grid.cells;
  const line = (label: string, range: ForecastRange): number =>
    grid.row(
      label,
      c.money(range.p10),
      c.money(range.p50),
      c.money(range.p90),
      c.money(range.mean),
      c.money(range.least),
      c.money(range.most),
    );
  grid.boldRow(...FORECAST_RANGE_HEADERS);
  line('Open pipeline', numbers.pipelineRange);
  line(`This quarter (${rangeText(numbers.quarter.quarter)})`, numbers.quarterRange);
  grid.row(
    'P10: a 10% chance of less; P90: a 10% chance of more. Each deal wins its full Amount with its probability, independently; this quarter adds what is already won.',
  );
  for (const [label, range] of [
    ['Open pipeline', numbers.pipelineRange],
    ['This quarter', numbers.quarterRange],
  ] as const) {
    if (!isApproximate(range)) continue;
    grid.row(
      `${label}: approximate, each P within ${wholeNumberText(range.amountError)} of the exact amount and ${(range.probabilityError * 100).toFixed(2)}% of its level (${range.approximatedDeals} deals taken as a normal total).`,
    );
  }
}
