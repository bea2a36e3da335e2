/**
 * Funnel by stage: where the deals are now (count, amount, weighted amount) and how they flow
 * (conversion, days in stage, from History), plus the bottleneck.
 */
import type { StageKind, StageTable } from '../types';
import type { HistoryFlow } from './history';
import type { PricedDeal } from './pipeline';

export interface FunnelStage {
  readonly stage: string;
  readonly kind: StageKind;
  /** Deals in the stage now, their Σ Amount and Σ weighted value. */
  readonly deals: number;
  readonly amount: number;
  readonly weighted: number;
  /** Deals that ever entered the stage (History) and how many of them went further along. */
  readonly entered: number;
  readonly advanced: number;
  /** advanced ÷ entered; null for won and lost stages (nowhere further to go) or when none entered. */
  readonly conversion: number | null;
  /** Mean days of finished visits; null when none finished. */
  readonly averageDays: number | null;
  readonly visits: number;
  /** Deals in the stage now, whose visit is not counted in averageDays. */
  readonly openVisits: number;
}

export interface Bottleneck {
  /**
   * The rule: among open stages with at least `minSample` deals entered (for conversion) or
   * finished visits (for days), the lowest conversion and the longest average stay; ties go to
   * the stage earlier in the table. Either is null when no stage has enough History.
   */
  readonly minSample: number;
  readonly lowestConversion: { readonly stage: string; readonly conversion: number } | null;
  readonly longestStay: { readonly stage: string; readonly days: number } | null;
}

export interface Funnel {
  readonly stages: readonly FunnelStage[];
  readonly bottleneck: Bottleneck;
}

const DEFAULT_MIN_SAMPLE = 5;

export function funnel(
  priced: readonly PricedDeal[],
  flow: HistoryFlow,
  table: StageTable,
  minSample: number = DEFAULT_MIN_SAMPLE,
): Funnel {
  const now = table.stages.map(() => ({ deals: 0, amount: 0, weighted: 0 }));
  for (const d of priced) {
    const cell = now[d.stageIndex];
    if (!cell) continue;
    cell.deals++;
    cell.amount += d.amount;
    cell.weighted += d.weighted;
  }
  const stages = table.stages.map((stage, i): FunnelStage => {
    const f = flow.stages[i];
    const entered = f?.entered ?? 0;
    const advanced = f?.advanced ?? 0;
    const visits = f?.visits ?? 0;
    return {
      stage: stage.name,
      kind: stage.kind,
      ...(now[i] as { deals: number; amount: number; weighted: number }),
      entered,
      advanced,
      conversion: stage.kind === 'open' && entered > 0 ? advanced / entered : null,
      averageDays: visits > 0 ? (f?.totalDays ?? 0) / visits : null,
      visits,
      openVisits: f?.openVisits ?? 0,
    };
  });
  return { stages, bottleneck: bottleneck(stages, minSample) };
}

function bottleneck(stages: readonly FunnelStage[], minSample: number): Bottleneck {
  let lowestConversion: Bottleneck['lowestConversion'] = null;
  let longestStay: Bottleneck['longestStay'] = null;
  for (const s of stages) {
    if (s.kind !== 'open') continue;
    if (s.conversion !== null && s.entered >= minSample) {
      if (!lowestConversion || s.conversion < lowestConversion.conversion) {
        lowestConversion = { stage: s.stage, conversion: s.conversion };
      }
    }
    if (s.averageDays !== null && s.visits >= minSample) {
      if (!longestStay || s.averageDays > longestStay.days)
        longestStay = { stage: s.stage, days: s.averageDays };
    }
  }
  return { minSample, lowestConversion, longestStay };
}
