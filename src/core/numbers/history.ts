/**
 * How deals moved through the stages, read from History: the raw counts behind conversion,
 * days in stage (funnel.ts) and the probability check (probability-check.ts).
 *
 * How History is read, deal by deal (grouped by ID):
 * - Entries are taken in Timestamp order; equal timestamps keep their row order, because History
 *   is append-only and a later row was written later.
 * - Each entry means "entered `To` at Timestamp". An entry into the stage the deal is already in
 *   (a re-recorded move) continues the same visit.
 * - History that starts mid-way (the first entry has a From, e.g. for deals imported before the
 *   add-on recorded them) counts the deal as having been in From, when unknown: it entered From
 *   for conversion, but that visit has no length.
 * - When the deal's current Stage in Deals differs from its last History entry (a change made
 *   while the add-on was not looking), the current stage is a final step entered at Stage Since
 *   if that is later than the last entry, else at an unknown time.
 * - A stage name the table does not know (renamed or removed since) still ends the visit before
 *   it, but is not a stage anyone entered and is never "further along".
 * - A deal whose History begins when it was brought in (its first entry has no From and came
 *   from an import or from set-up adopting it), or a deal with no History at all, was somewhere
 *   before the add-on saw it: it counts as having entered its first known stage and, when the
 *   table is linear (each open stage may move to the next), the open stages before it, at unknown
 *   times; a won deal every open stage, a lost one the first. Without this, conversion would be
 *   empty after an import.
 *
 * Conversion from stage k (SPEC §2): of the deals that ever entered k, those that entered, at
 * any later step, a won stage or an open stage further along the table.
 * - Skipped stages: Lead → Proposal converts Lead, and the deal never entered Qualified, so it
 *   counts in neither Qualified's entered nor its converted.
 * - Backwards moves (Proposal → Qualified) and moves to a lost stage convert nothing.
 * - Re-entries: a deal counts once per stage: entered if it ever entered k, converted if a step
 *   further along came after any (so after the first) of its entries into k.
 *
 * Days in stage: every visit counts separately, re-entries included, as the exact elapsed time
 * between entering the stage and entering the next one, in days (a duration, so no calendar or
 * time-zone rounding). Visits whose end or start is unknown are left out, and so is a visit still
 * open (the deal is in that stage now): it is right-censored, and counting the time so far would
 * understate how long the stage takes. Open visits are counted apart so the Summary can say so.
 */
import type { Deal, HistoryEntry, StageKind, StageTable } from '../types';
import type { StageLookup } from './stage-lookup';

const MS_PER_DAY = 86_400_000;

export interface StageFlow {
  /** Deals that ever entered the stage. */
  readonly entered: number;
  /** Of those, deals that later entered a won stage or an open stage further along. */
  readonly advanced: number;
  /** Of those, deals that later entered a won stage (or are won now). */
  readonly wonLater: number;
  /** Of those, deals whose outcome is known: won later, or lost now. */
  readonly decided: number;
  /** Finished visits of known length, and their total length in days. */
  readonly visits: number;
  readonly totalDays: number;
  /** Visits still going on (the deal is in this stage now). */
  readonly openVisits: number;
}

export interface HistoryFlow {
  /** One per stage, in table order. */
  readonly stages: readonly StageFlow[];
  /** Deals with at least one History entry. */
  readonly deals: number;
  /** Entries whose To is not a stage of the table. */
  readonly unknownStageEntries: number;
}

/**
 * A stage's counts while deals are added. Visit lengths add up in whole milliseconds, exact in
 * any order (History's times are whole milliseconds), so the result does not depend on the order
 * the deals come in: History's row order, or the order of a digest of it.
 */
interface Tally {
  entered: number;
  advanced: number;
  wonLater: number;
  decided: number;
  visits: number;
  totalMs: number;
  openVisits: number;
}

/** Groups entries by deal ID and puts each deal's entries in the order they happened. */
function entriesByDeal(history: readonly HistoryEntry[]): Map<string, number[]> {
  const byDeal = new Map<string, number[]>();
  history.forEach((entry, row) => {
    const id = entry.id.trim();
    if (id === '') return;
    const rows = byDeal.get(id);
    if (rows) rows.push(row);
    else byDeal.set(id, [row]);
  });
  for (const rows of byDeal.values()) {
    let ordered = true;
    for (let i = 1; i < rows.length && ordered; i++) {
      ordered =
        (history[rows[i - 1] as number] as HistoryEntry).timestamp <=
        (history[rows[i] as number] as HistoryEntry).timestamp;
    }
    if (!ordered) {
      rows.sort(
        (a, b) => (history[a] as HistoryEntry).timestamp - (history[b] as HistoryEntry).timestamp || a - b,
      );
    }
  }
  return byDeal;
}

export function historyFlow(
  history: readonly HistoryEntry[],
  lookup: StageLookup,
  currentDeals: readonly Deal[] = [],
): HistoryFlow {
  const stageCount = lookup.table.stages.length;
  const kinds: StageKind[] = lookup.table.stages.map((s) => s.kind);
  const tallies: Tally[] = Array.from({ length: stageCount }, () => ({
    entered: 0,
    advanced: 0,
    wonLater: 0,
    decided: 0,
    visits: 0,
    totalMs: 0,
    openVisits: 0,
  }));
  const current = new Map<string, Deal>();
  for (const deal of currentDeals) current.set(deal.id.trim(), deal);
  // History repeats a handful of stage names thousands of times: look each spelling up once.
  const indexes = new Map<string, number>();
  const indexOf = (name: string): number => {
    let index = indexes.get(name);
    if (index === undefined) {
      index = lookup.find(name)?.index ?? -1;
      indexes.set(name, index);
    }
    return index;
  };

  let unknownStageEntries = 0;
  const byDeal = entriesByDeal(history);
  const journey: Journey = { stages: [], times: [], length: 0 };
  const before = stagesBefore(lookup.table);
  for (const [id, rows] of byDeal) {
    journey.length = 0;
    const first = history[rows[0] as number] as HistoryEntry;
    if (first.from.trim() !== '') addStep(journey, indexOf(first.from), UNKNOWN_TIME);
    else if (BROUGHT_IN.has(first.via)) addSteps(journey, before(indexOf(first.to)));
    for (const row of rows) {
      const entry = history[row] as HistoryEntry;
      const stage = indexOf(entry.to);
      if (stage === -1) unknownStageEntries++;
      addStep(journey, stage, entry.timestamp);
    }
    const deal = current.get(id);
    const now = deal ? indexOf(deal.stage) : -1;
    const last = journey.length - 1;
    if (deal && now !== -1 && now !== journey.stages[last]) {
      const lastAt = journey.times[last] as number;
      const since = deal.stageSince;
      addStep(journey, now, since !== null && since >= lastAt ? since : UNKNOWN_TIME);
    }
    countJourney(journey, kinds, tallies);
  }
  let unrecorded = 0;
  for (const [id, deal] of current) {
    const now = indexOf(deal.stage);
    if (id === '' || now === -1 || byDeal.has(id)) continue;
    journey.length = 0;
    addSteps(journey, before(now));
    addStep(journey, now, UNKNOWN_TIME);
    countJourney(journey, kinds, tallies);
    unrecorded++;
  }
  const stages = tallies.map(({ totalMs, ...counts }) => ({ ...counts, totalDays: totalMs / MS_PER_DAY }));
  return { stages, deals: byDeal.size + unrecorded, unknownStageEntries };
}

/** How a deal's History begins when it existed before the add-on saw it. */
const BROUGHT_IN = new Set(['import', 'setup']);

/**
 * The stages a deal first seen in stage `index` had already been through, when the table says
 * so: in a linear table, the open stages before an open one, every open stage before a won one,
 * the first open stage before a lost one; in any other table, none.
 */
function stagesBefore(table: StageTable): (index: number) => readonly number[] {
  const open = table.stages.flatMap((stage, i) => (stage.kind === 'open' ? [i] : []));
  const linear = open.every((at, k) => {
    const next = open[k + 1];
    if (next === undefined) return true;
    const moves = table.stages[at]!.nextStages;
    return moves === '*' || moves.includes(table.stages[next]!.name);
  });
  return (index) => {
    const kind = table.stages[index]?.kind;
    if (!linear) return [];
    if (kind === 'won') return open;
    if (kind === 'lost') return open.slice(0, 1);
    return open.filter((at) => at < index);
  };
}

function addSteps(journey: Journey, stages: readonly number[]): void {
  for (const stage of stages) addStep(journey, stage, UNKNOWN_TIME);
}

/** NaN: a step known to have happened, not when (so its visits have no length). */
const UNKNOWN_TIME = NaN;

/** One deal's steps, in buffers reused from deal to deal (History can hold 200 000 rows). */
interface Journey {
  /** Index in the table of the stage entered, or -1 for a stage the table does not know. */
  readonly stages: number[];
  /** When it was entered, ms since epoch, or UNKNOWN_TIME. */
  readonly times: number[];
  length: number;
}

function addStep(journey: Journey, stage: number, at: number): void {
  const n = journey.length;
  // Entering the stage the deal is already in continues the same visit (and two unknown stages
  // in a row are one unknown step: neither is counted).
  if (journey.stages[n - 1] === stage) return;
  journey.stages[n] = stage;
  journey.times[n] = at;
  journey.length = n + 1;
}

const furthest: number[] = [];
const wonFrom: boolean[] = [];

/** Adds one deal's steps to the per-stage tallies (the rules are in the header comment). */
function countJourney(journey: Journey, kinds: readonly StageKind[], tallies: Tally[]): void {
  const { stages, times } = journey;
  const n = journey.length;
  // furthest[i]: the furthest-along rank entered at step i or later (a won stage beats all);
  // wonFrom[i]: whether a won stage is entered at step i or later.
  furthest[n] = -1;
  wonFrom[n] = false;
  for (let i = n - 1; i >= 0; i--) {
    const stage = stages[i] as number;
    const kind = kinds[stage];
    const rank = kind === 'won' ? Infinity : kind === 'open' ? stage : -1;
    furthest[i] = Math.max(rank, furthest[i + 1] as number);
    wonFrom[i] = kind === 'won' || (wonFrom[i + 1] as boolean);
  }
  const lastStage = stages[n - 1] as number;
  const endsLost = kinds[lastStage] === 'lost';
  for (let i = 0; i < n; i++) {
    const stage = stages[i] as number;
    if (stage === -1) continue;
    const tally = tallies[stage] as Tally;
    if (i === n - 1) tally.openVisits++;
    else {
      // NaN (an unknown time) at either end leaves the visit out.
      const ms = (times[i + 1] as number) - (times[i] as number);
      if (!Number.isNaN(ms)) {
        tally.visits++;
        tally.totalMs += ms;
      }
    }
    if (i > 0 && stages.lastIndexOf(stage, i - 1) !== -1) continue;
    tally.entered++;
    if ((furthest[i + 1] as number) > stage) tally.advanced++;
    const won = wonFrom[i + 1] as boolean;
    if (won) tally.wonLater++;
    if (won || endsLost) tally.decided++;
  }
}
