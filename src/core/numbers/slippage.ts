/**
 * Close-date slippage, from History's Close Date rows (issue 13): a push is a Close Date row whose
 * To is later than its From, both dates; the days pushed are To − From in calendar days. A deal's
 * pushes and days are summed over all its History, so the order of the rows does not matter.
 * History records Close Date changes of open deals only (field-changes.ts), and the Summary looks
 * at the deals open now: the most-slipped ones, and per owner the share of open deals pushed at
 * least once.
 */
import { dealField, normalizeHeader } from '../columns';
import { parseIsoDay } from '../dates';
import type { FieldChange } from '../history-rows';
import { findStage } from '../stages';
import type { CalendarDay, Deal, StageTable } from '../types';
import { ownerKey } from './owners';

export interface DealSlippage {
  readonly pushes: number;
  readonly daysPushed: number;
}

export interface SlippedDeal extends DealSlippage {
  readonly id: string;
  readonly deal: string;
  readonly owner: string;
  readonly closeDate: CalendarDay | null;
}

export interface OwnerSlippage {
  /** As first written in Deals (trimmed), or '' for deals with no Owner. */
  readonly owner: string;
  readonly openDeals: number;
  /** Of those, deals pushed at least once. */
  readonly pushed: number;
  /** pushed ÷ openDeals. */
  readonly share: number;
}

export interface SlippageNumbers {
  /** Open deals pushed at least once: most pushes first, then most days, then by ID. */
  readonly slipped: readonly SlippedDeal[];
  /** Owners with open deals, in the order of the Summary's owner table. */
  readonly owners: readonly OwnerSlippage[];
}

/** How a deal ID is matched against History: trimmed, case-insensitive. */
export function slippageKey(id: string): string {
  return id.trim().toUpperCase();
}

const CLOSE_DATE = normalizeHeader(dealField('closeDate').header);

/** Each deal's pushes and days pushed, by slippageKey of its ID; a deal never pushed is absent. */
export function slippageByDeal(changes: readonly FieldChange[]): Map<string, DealSlippage> {
  const byDeal = new Map<string, DealSlippage>();
  for (const change of changes) {
    if (normalizeHeader(change.field) !== CLOSE_DATE) continue;
    const from = parseIsoDay(change.from);
    const to = parseIsoDay(change.to);
    if (from === null || to === null || to <= from) continue;
    const key = slippageKey(change.id);
    const so = byDeal.get(key) ?? { pushes: 0, daysPushed: 0 };
    byDeal.set(key, { pushes: so.pushes + 1, daysPushed: so.daysPushed + (to - from) });
  }
  return byDeal;
}

export function slippageNumbers(
  deals: readonly Deal[],
  table: StageTable,
  changes: readonly FieldChange[],
): SlippageNumbers {
  const byDeal = slippageByDeal(changes);
  const slipped: SlippedDeal[] = [];
  const owners = new Map<string, { owner: string; openDeals: number; pushed: number }>();
  for (const deal of deals) {
    if (findStage(table, deal.stage)?.kind !== 'open') continue;
    const key = ownerKey(deal.owner);
    const tally = owners.get(key) ?? { owner: deal.owner.trim(), openDeals: 0, pushed: 0 };
    owners.set(key, tally);
    tally.openDeals++;
    const slippage = byDeal.get(slippageKey(deal.id));
    if (!slippage) continue;
    tally.pushed++;
    slipped.push({ id: deal.id, deal: deal.deal, owner: deal.owner, closeDate: deal.closeDate, ...slippage });
  }
  slipped.sort((a, b) => b.pushes - a.pushes || b.daysPushed - a.daysPushed || (a.id < b.id ? -1 : 1));
  // As numbersByOwner orders them: by key, deals with no Owner last.
  const keys = [...owners.keys()].filter((key) => key !== '').sort();
  if (owners.has('')) keys.push('');
  return {
    slipped,
    owners: keys.map((key) => {
      const tally = owners.get(key)!;
      return { ...tally, share: tally.pushed / tally.openDeals };
    }),
  };
}
