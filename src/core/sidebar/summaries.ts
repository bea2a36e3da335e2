/**
 * Deals as the sidebar lists them, and everything it shows when it opens: the stage table, the
 * team's owners, the current user's day and the pipeline at a glance. Dates leave as `yyyy-mm-dd`
 * text: google.script.run cannot carry a Date.
 */
import { isoOfDay } from '../dates';
import { ownerKey } from '../numbers/owners';
import type { PricedDeal } from '../numbers/pipeline';
import { pipelineTotals, priceDeals } from '../numbers/pipeline';
import { quarterNumbers } from '../numbers/quarter';
import { stageLookup } from '../numbers/stage-lookup';
import { closedDealStats, lastTwelveMonths } from '../numbers/win-rate';
import type { ReminderReason } from '../reminders/digests';
import { byUrgency, reminderFor } from '../reminders/digests';
import type { Settings } from '../settings';
import { missingFields } from '../stages';
import type { CalendarDay, Deal, StageTable, Today } from '../types';
import { isEmailAddress } from '../values';
import type { DayText, DealSummary, SidebarData, StageInfo } from './contract';
import { NO_DEAL } from './form';
import { movesOf } from './moves';

function dayText(day: CalendarDay | null): DayText {
  return day === null ? '' : isoOfDay(day);
}

/** A deal as the sidebar lists it; `days` overdue or without activity, 0 otherwise. */
export function dealSummary(deal: Deal, table: StageTable, today: CalendarDay, days = 0): DealSummary {
  const { moves, needs } = movesOf(deal, deal.stage, table, today);
  return {
    id: deal.id,
    row: deal.row,
    deal: deal.deal,
    company: deal.company,
    owner: deal.owner,
    stage: deal.stage,
    amount: deal.amount,
    closeDate: dayText(deal.closeDate),
    followUp: dayText(deal.followUp),
    nextStep: deal.nextStep,
    days,
    moves,
    needs,
  };
}

/** Each stage with the fields a deal needs to be in it (a lost stage's Lost Reason included). */
function stageInfos(table: StageTable): StageInfo[] {
  return table.stages.map((stage) => ({
    name: stage.name,
    kind: stage.kind,
    probability: stage.probability,
    required: missingFields(NO_DEAL, stage),
  }));
}

/** Owners that are addresses, each once however it is cased (as first written), sorted. */
function ownersOf(deals: readonly Deal[]): string[] {
  const owners = new Map<string, string>();
  for (const deal of deals) {
    const owner = deal.owner.trim();
    if (isEmailAddress(owner) && !owners.has(ownerKey(owner))) owners.set(ownerKey(owner), owner);
  }
  return [...owners.values()].sort((a, b) => ownerKey(a).localeCompare(ownerKey(b)));
}

const MY_DAY_LISTS: Readonly<Record<ReminderReason, keyof SidebarData['myDay']>> = {
  overdue: 'overdue',
  due: 'dueToday',
  stale: 'stale',
};

/**
 * The user's deals as their reminder digest has them on the day (reminders/digests.ts), with no
 * lead days: each under its most urgent reason, most urgent first.
 */
function myDay(
  priced: readonly PricedDeal[],
  user: string,
  table: StageTable,
  today: Today,
): SidebarData['myDay'] {
  const day: SidebarData['myDay'] = { overdue: [], dueToday: [], stale: [] };
  if (user.trim() === '') return day;
  const items = priced
    .filter((d) => ownerKey(d.deal.owner) === ownerKey(user))
    .map((d) => reminderFor(d, today, 0))
    .filter((item) => item !== null)
    .sort(byUrgency);
  for (const item of items) {
    day[MY_DAY_LISTS[item.reason]].push(dealSummary(item.deal, table, today.today, item.days));
  }
  return day;
}

/** The Summary's headline numbers (numbers/summary.ts), without the rest of the Summary's work. */
function glance(
  priced: readonly PricedDeal[],
  settings: Settings,
  today: CalendarDay,
): SidebarData['glance'] {
  const totals = pipelineTotals(priced);
  return {
    openPipeline: totals.openPipeline,
    weightedPipeline: totals.weightedPipeline,
    dealsOpen: totals.openDeals,
    wonThisQuarter: quarterNumbers(priced, today, settings.options.fiscalYearStartMonth).wonAmount,
    winRate: closedDealStats(priced, lastTwelveMonths(today)).winRate,
  };
}

/** What the sidebar shows when it opens, for `user` ('' when Apps Script does not say who). */
export function sidebarData(
  deals: readonly Deal[],
  settings: Settings,
  user: string,
  today: Today,
): SidebarData {
  const { priced } = priceDeals(deals, stageLookup(settings.table));
  return {
    user,
    owners: ownersOf(deals),
    stages: stageInfos(settings.table),
    today: dayText(today.today),
    currency: settings.options.currency,
    myDay: myDay(priced, user, settings.table, today),
    glance: glance(priced, settings, today.today),
    settingsNotice: settings.notice,
    table: settings.table,
  };
}
