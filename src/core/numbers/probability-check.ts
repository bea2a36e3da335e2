/**
 * Do the team's probabilities tell the truth? For each open stage, the share of deals that
 * entered it and were later won, beside the probability configured in Settings.
 *
 * The share is won ÷ decided: of the deals that entered the stage, those won later, over those
 * whose outcome is known (won later, or lost now). Deals still open are left out rather than
 * counted as not won: the configured probability is the chance of winning in the end, and a
 * young pipeline would otherwise make every probability look too high.
 */
import type { StageTable } from '../types';
import type { HistoryFlow } from './history';

export interface StageProbabilityCheck {
  readonly stage: string;
  /** As configured in Settings (0..1). */
  readonly configured: number;
  readonly entered: number;
  /** Deals that entered the stage and are now decided (the sample size), and those won. */
  readonly decided: number;
  readonly won: number;
  /** won ÷ decided, null when nothing decided yet. */
  readonly observed: number | null;
  /** observed − configured. */
  readonly difference: number | null;
  /** False under `minSample` decided deals: the Summary says "too few deals" instead. */
  readonly enoughDeals: boolean;
}

export const DEFAULT_PROBABILITY_SAMPLE = 20;

export function probabilityCheck(
  flow: HistoryFlow,
  table: StageTable,
  minSample: number = DEFAULT_PROBABILITY_SAMPLE,
): StageProbabilityCheck[] {
  const checks: StageProbabilityCheck[] = [];
  table.stages.forEach((stage, i) => {
    if (stage.kind !== 'open') return;
    const f = flow.stages[i];
    const decided = f?.decided ?? 0;
    const won = f?.wonLater ?? 0;
    const observed = decided > 0 ? won / decided : null;
    checks.push({
      stage: stage.name,
      configured: stage.probability,
      entered: f?.entered ?? 0,
      decided,
      won,
      observed,
      difference: observed === null ? null : observed - stage.probability,
      enoughDeals: decided >= minSample,
    });
  });
  return checks;
}
