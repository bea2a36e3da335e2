/**
 * The numbers per salesperson. Owners are grouped trimmed and case-insensitively (an address is
 * the same person however it is cased) and shown as first written; deals with no Owner form their
 * own group ('').
 */
import type { CalendarDay, StageKind } from '../types';
import { daysOverdue } from './attention';
import type { PricedDeal } from './pipeline';
import type { Period } from './quarter';
import { inRange } from './value';
import { type ClosedWindow, winRate } from './win-rate';

export interface OwnerNumbers {
  /** The owner as first written in Deals (trimmed), or '' for deals with no Owner. */
  readonly owner: string;
  readonly openDeals: number;
  readonly openPipeline: number;
  readonly weightedPipeline: number;
  readonly wonThisQuarter: number;
  readonly wonDealsThisQuarter: number;
  /** Over the same closed-deals window as the team's win rate. */
  readonly winRate: number | null;
  readonly overdueFollowUps: number;
}

interface Tally {
  shownAs: string;
  openDeals: number;
  openPipeline: number;
  weightedPipeline: number;
  wonThisQuarter: number;
  wonDealsThisQuarter: number;
  closedKinds: StageKind[];
  overdueFollowUps: number;
}

export function ownerKey(owner: string): string {
  return owner.trim().toLowerCase();
}

export function numbersByOwner(
  priced: readonly PricedDeal[],
  today: CalendarDay,
  quarter: Period,
  window: ClosedWindow,
): OwnerNumbers[] {
  const tallies = new Map<string, Tally>();
  for (const d of priced) {
    const key = ownerKey(d.deal.owner);
    let t = tallies.get(key);
    if (!t) {
      t = {
        shownAs: d.deal.owner.trim(),
        openDeals: 0,
        openPipeline: 0,
        weightedPipeline: 0,
        wonThisQuarter: 0,
        wonDealsThisQuarter: 0,
        closedKinds: [],
        overdueFollowUps: 0,
      };
      tallies.set(key, t);
    }
    const close = d.deal.closeDate;
    if (d.kind === 'open') {
      t.openDeals++;
      t.openPipeline += d.amount;
      t.weightedPipeline += d.weighted;
      if (daysOverdue(d, today) !== null) t.overdueFollowUps++;
      continue;
    }
    if (inRange(close, window)) t.closedKinds.push(d.kind);
    if (d.kind === 'won' && close !== null && close >= quarter.from && close <= quarter.to) {
      t.wonThisQuarter += d.amount;
      t.wonDealsThisQuarter++;
    }
  }
  const owners = [...tallies.keys()].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
  return owners.map((owner) => {
    const t = tallies.get(owner) as Tally;
    return {
      owner: t.shownAs,
      openDeals: t.openDeals,
      openPipeline: t.openPipeline,
      weightedPipeline: t.weightedPipeline,
      wonThisQuarter: t.wonThisQuarter,
      wonDealsThisQuarter: t.wonDealsThisQuarter,
      winRate: winRate(t.closedKinds),
      overdueFollowUps: t.overdueFollowUps,
    };
  });
}
