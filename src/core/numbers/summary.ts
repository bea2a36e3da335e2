/**
 * Everything the Summary sheet shows, in one call: each number module runs once over the priced
 * deals, and History is read once.
 */
import type { Deal, HistoryEntry, Options, StageTable, Today } from '../types';
import { type AttentionItem, overdueFollowUps, staleDeals } from './attention';
import { type MonthlyForecast, monthlyForecast } from './forecast';
import { type ForecastRange, forecastRange } from './forecast-range';
import { type Funnel, funnel } from './funnel';
import { historyFlow } from './history';
import { numbersByOwner, type OwnerNumbers } from './owners';
import { pipelineTotals, priceDeals } from './pipeline';
import { probabilityCheck, type StageProbabilityCheck } from './probability-check';
import { type QuarterNumbers, quarterNumbers, type TargetCoverage, targetCoverage } from './quarter';
import { stageLookup } from './stage-lookup';
import { salesVelocity } from './velocity';
import { type ClosedDealStats, closedDealStats, type ClosedWindow, lastTwelveMonths } from './win-rate';

/** The KPI block, one field per Summary label. */
export interface SummaryKpis {
  readonly openPipeline: number;
  readonly weightedPipeline: number;
  readonly dealsOpen: number;
  /** Σ Amount of deals won with a Close Date in this fiscal quarter. */
  readonly wonThisQuarter: number;
  /** Win rate, average deal size and sales cycle are over `closed.window` (label it). */
  readonly winRate: number | null;
  readonly averageDealSize: number | null;
  readonly averageSalesCycleDays: number | null;
  readonly salesVelocityPerDay: number | null;
  readonly followUpsOverdue: number;
  readonly staleDeals: number;
  /** Null when no Quarterly Target is set: the row is left out. */
  readonly targetCoverage: TargetCoverage | null;
}

export interface SummaryNumbers {
  readonly kpis: SummaryKpis;
  readonly closed: ClosedDealStats;
  readonly quarter: QuarterNumbers;
  readonly forecast: MonthlyForecast;
  readonly owners: readonly OwnerNumbers[];
  readonly funnel: Funnel;
  readonly probabilityCheck: readonly StageProbabilityCheck[];
  /** P10/P50/P90 of what all open deals will bring in. */
  readonly pipelineRange: ForecastRange;
  /** P10/P50/P90 of this quarter's total: won so far plus open deals closing this quarter. */
  readonly quarterRange: ForecastRange;
  readonly stale: readonly AttentionItem[];
  readonly overdue: readonly AttentionItem[];
  /** Deals whose Stage is not in the table, left out of every number. */
  readonly unknownStageDeals: number;
}

export function summaryNumbers(
  deals: readonly Deal[],
  history: readonly HistoryEntry[],
  table: StageTable,
  options: Options,
  today: Today,
  window: ClosedWindow = lastTwelveMonths(today.today),
): SummaryNumbers {
  const lookup = stageLookup(table);
  const { priced, unknownStage } = priceDeals(deals, lookup);
  const totals = pipelineTotals(priced);
  const closed = closedDealStats(priced, window);
  const quarter = quarterNumbers(priced, today.today, options.fiscalYearStartMonth);
  const stale = staleDeals(priced, today);
  const overdue = overdueFollowUps(priced, today.today);
  const flow = historyFlow(history, lookup, deals);

  const openAmounts: number[] = [];
  const openProbabilities: number[] = [];
  // This quarter's range: deals won this quarter count as sure (p = 1).
  const quarterAmounts: number[] = [];
  const quarterProbabilities: number[] = [];
  for (const d of priced) {
    if (d.kind === 'open') {
      openAmounts.push(d.amount);
      openProbabilities.push(d.probability);
    }
    const close = d.deal.closeDate;
    if (d.kind !== 'lost' && close !== null && close >= quarter.quarter.from && close <= quarter.quarter.to) {
      quarterAmounts.push(d.amount);
      quarterProbabilities.push(d.probability);
    }
  }

  return {
    kpis: {
      openPipeline: totals.openPipeline,
      weightedPipeline: totals.weightedPipeline,
      dealsOpen: totals.openDeals,
      wonThisQuarter: quarter.wonAmount,
      winRate: closed.winRate,
      averageDealSize: closed.averageDealSize,
      averageSalesCycleDays: closed.salesCycleDays,
      salesVelocityPerDay: salesVelocity(
        totals.openDeals,
        closed.averageDealSize,
        closed.winRate,
        closed.salesCycleDays,
      ),
      followUpsOverdue: overdue.length,
      staleDeals: stale.length,
      targetCoverage: targetCoverage(quarter, options.quarterlyTarget),
    },
    closed,
    quarter,
    forecast: monthlyForecast(priced, today.today, options.summaryMonths),
    owners: numbersByOwner(priced, today.today, quarter.quarter, window),
    funnel: funnel(priced, flow, table),
    probabilityCheck: probabilityCheck(flow, table),
    pipelineRange: forecastRange(openAmounts, openProbabilities),
    quarterRange: forecastRange(quarterAmounts, quarterProbabilities),
    stale,
    overdue,
    unknownStageDeals: unknownStage.length,
  };
}
