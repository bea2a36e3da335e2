/**
 * Deals priced once against the stage table, and the pipeline totals. Every number module takes
 * PricedDeal[] so the stage lookup and p are worked out once per deal, not once per number.
 */
import { probabilityInStage } from '../stages';
import type { Deal, Stage, StageKind } from '../types';
import type { StageLookup } from './stage-lookup';

export interface PricedDeal {
  readonly deal: Deal;
  readonly stage: Stage;
  /** Position of the stage in the table. */
  readonly stageIndex: number;
  readonly kind: StageKind;
  /** Amount, with a blank counted 0 in sums (means use deal.amount to tell blank from 0). */
  readonly amount: number;
  /** p: won 1, lost 0, else the deal's Probability or its stage's. */
  readonly probability: number;
  readonly weighted: number;
}

export interface PricedDeals {
  readonly priced: readonly PricedDeal[];
  /**
   * Deals whose Stage is not in the table (blank, misspelt, or a stage since removed). They are
   * left out of every number because nothing says whether they are open, won or lost; validation
   * marks them, and the Summary can say how many there are.
   */
  readonly unknownStage: readonly Deal[];
}

export function priceDeals(deals: readonly Deal[], lookup: StageLookup): PricedDeals {
  const priced: PricedDeal[] = [];
  const unknownStage: Deal[] = [];
  for (const deal of deals) {
    const info = lookup.find(deal.stage);
    if (!info) {
      unknownStage.push(deal);
      continue;
    }
    const amount = deal.amount ?? 0;
    const probability = probabilityInStage(info.stage, deal.probability);
    priced.push({
      deal,
      stage: info.stage,
      stageIndex: info.index,
      kind: info.stage.kind,
      amount,
      probability,
      weighted: amount * probability,
    });
  }
  return { priced, unknownStage };
}

export interface PipelineTotals {
  readonly openDeals: number;
  /** Σ Amount over open deals. */
  readonly openPipeline: number;
  /** Σ Amount × p over open deals. */
  readonly weightedPipeline: number;
}

export function pipelineTotals(priced: readonly PricedDeal[]): PipelineTotals {
  let openDeals = 0;
  let openPipeline = 0;
  let weightedPipeline = 0;
  for (const d of priced) {
    if (d.kind !== 'open') continue;
    openDeals++;
    openPipeline += d.amount;
    weightedPipeline += d.weighted;
  }
  return { openDeals, openPipeline, weightedPipeline };
}
