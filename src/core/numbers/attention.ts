/**
 * Deals that need someone: stale ones (nothing moved or no contact for too long) and overdue
 * follow-ups. Days are whole calendar days in the spreadsheet's time zone.
 */
import { dayOfDate } from '../dates';
import type { CalendarDay, Deal, Stage, Today } from '../types';
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

/** Follow-up before today; a follow-up due today is not overdue yet. */
export function isOverdue(followUp: CalendarDay | null, today: CalendarDay): boolean {
  return followUp !== null && followUp < today;
}

/**
 * Days since the later of the day the deal entered its stage and its Last Contact, or null when
 * neither is known (nothing to age the deal from, so it is never called stale).
 */
export function daysSinceActivity(deal: Deal, today: Today): number | null {
  const since = deal.stageSince === null ? null : dayOfDate(deal.stageSince, today.timeZone);
  const last = Math.max(since ?? -Infinity, deal.lastContact ?? -Infinity);
  return last === -Infinity ? null : today.today - last;
}

/** Older than the stage's Stale After Days: at exactly that many days the deal is not stale yet. */
export function isStale(deal: Deal, stage: Stage, today: Today): boolean {
  if (stage.kind !== 'open' || stage.staleAfterDays === null) return false;
  const days = daysSinceActivity(deal, today);
  return days !== null && days > stage.staleAfterDays;
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
    if (d.kind !== 'open' || d.stage.staleAfterDays === null) continue;
    const days = daysSinceActivity(d.deal, today);
    if (days !== null && days > d.stage.staleAfterDays) items.push(item(d, days));
  }
  return items.sort(byDaysThenId);
}

export function overdueFollowUps(priced: readonly PricedDeal[], today: CalendarDay): AttentionItem[] {
  const items: AttentionItem[] = [];
  for (const d of priced) {
    const followUp = d.deal.followUp;
    if (d.kind === 'open' && followUp !== null && followUp < today) items.push(item(d, today - followUp));
  }
  return items.sort(byDaysThenId);
}
