/**
 * Deals that need someone: stale ones (nothing moved or no contact for too long) and overdue
 * follow-ups. The two rules of SPEC §2 are written here once, and the Summary, the per-owner
 * numbers and the reminder digests all ask them. Days are whole calendar days in the
 * spreadsheet's time zone.
 */
import { dayOfDate } from '../dates';
import type { CalendarDay, Deal, Today } from '../types';
import type { PricedDeal } from './pipeline';

/** A row of the Summary's lists: ID, deal, owner, days. */
export interface AttentionItem {
  readonly id: string;
  readonly deal: string;
  readonly owner: string;
  readonly stage: string;
  /** Days stale (since the later of Stage Since and Last Contact), or days overdue. */
  readonly days: number;
  readonly row: number;
}

/**
 * Overdue: an open deal whose Follow-up is before today (one due today is not overdue yet).
 * The days past the Follow-up, or null when the deal is not overdue.
 */
export function daysOverdue(d: PricedDeal, today: CalendarDay): number | null {
  const followUp = d.deal.followUp;
  return d.kind === 'open' && followUp !== null && followUp < today ? today - followUp : null;
}

/**
 * Days since the later of the day the deal entered its stage and its Last Contact, or null when
 * neither is known (nothing to age the deal from, so it is never called stale).
 */
function daysSinceActivity(deal: Deal, today: Today): number | null {
  const since = deal.stageSince === null ? null : dayOfDate(deal.stageSince, today.timeZone);
  const last = Math.max(since ?? -Infinity, deal.lastContact ?? -Infinity);
  return last === -Infinity ? null : today.today - last;
}

/**
 * Stale: an open deal with no activity for longer than its stage's Stale After Days (at exactly
 * that many days it is not stale yet; a blank Stale After Days never goes stale). The days
 * without activity, or null when the deal is not stale.
 */
export function daysStale(d: PricedDeal, today: Today): number | null {
  const limit = d.stage.staleAfterDays;
  if (d.kind !== 'open' || limit === null) return null;
  const days = daysSinceActivity(d.deal, today);
  return days !== null && days > limit ? days : null;
}

const item = (d: PricedDeal, days: number): AttentionItem => ({
  id: d.deal.id,
  deal: d.deal.deal,
  owner: d.deal.owner,
  stage: d.stage.name,
  days,
  row: d.deal.row,
});

/** Most days first, then by ID, so the list does not depend on row order. */
const byDaysThenId = (a: AttentionItem, b: AttentionItem): number =>
  b.days - a.days || (a.id < b.id ? -1 : a.id > b.id ? 1 : a.row - b.row);

export function staleDeals(priced: readonly PricedDeal[], today: Today): AttentionItem[] {
  const items: AttentionItem[] = [];
  for (const d of priced) {
    const days = daysStale(d, today);
    if (days !== null) items.push(item(d, days));
  }
  return items.sort(byDaysThenId);
}

export function overdueFollowUps(priced: readonly PricedDeal[], today: CalendarDay): AttentionItem[] {
  const items: AttentionItem[] = [];
  for (const d of priced) {
    const days = daysOverdue(d, today);
    if (days !== null) items.push(item(d, days));
  }
  return items.sort(byDaysThenId);
}
