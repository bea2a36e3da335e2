/**
 * Each deal's journey: what the Summary reads of its History rows. Of its stage changes the
 * stage numbers (numbers/history.ts) read every entry's To and Timestamp, in time order (equal
 * times in row order), and the From and Via of the first entry only; of its rows with a Field
 * (Close Date and Amount changes) each is kept as read. Deal and By are never read. A refresh
 * keeps the journeys between runs (the History digest) and adds the rows appended since, so
 * that the same entries come out as a read of the whole of History gives.
 */
import type { FieldChange, ParsedHistory } from '../history-rows';
import type { HistoryEntry } from '../types';

/** A row with a Field, as read, and where it stands among all of them (History's row order). */
export interface KeptFieldChange {
  readonly order: number;
  readonly at: number;
  readonly field: string;
  readonly from: string;
  readonly to: string;
  readonly via: string;
}

export interface DealJourney {
  /** From and Via of the deal's first stage change in time order: how its History began. */
  from: string;
  via: string;
  /** Each stage change's To and Timestamp (ms since epoch), in time order; equal times in row order. */
  readonly to: string[];
  readonly at: number[];
  /** Its rows with a Field, in row order. */
  readonly fieldChanges: KeptFieldChange[];
}

/** Journeys by deal ID (trimmed). */
export type Journeys = Map<string, DealJourney>;

/**
 * Adds what a read of History rows from `firstRow` on gave, all of them below every row the
 * journeys hold. Returns the IDs whose journey changed.
 */
export function addEntries(
  journeys: Journeys,
  read: Pick<ParsedHistory, 'entries' | 'fieldChanges'>,
  firstRow: number,
): Set<string> {
  const added = new Map<string, HistoryEntry[]>();
  const journeyOf = (id: string): DealJourney => {
    let journey = journeys.get(id);
    if (!journey) {
      journey = { from: '', via: '', to: [], at: [], fieldChanges: [] };
      journeys.set(id, journey);
    }
    return journey;
  };
  for (const entry of read.entries) {
    const id = entry.id.trim();
    if (id === '') continue;
    const list = added.get(id);
    if (list) list.push(entry);
    else added.set(id, [entry]);
  }
  for (const [id, list] of added) merge(journeyOf(id), list);
  const changed = new Set(added.keys());
  // Within one read the rows with a Field come in row order, and a read's rows are fewer than
  // the rows between its first row and the next read's: firstRow + i orders them all.
  read.fieldChanges.forEach((change, i) => {
    const id = change.id.trim();
    if (id === '') return;
    const { timestamp: at, field, from, to, via } = change;
    journeyOf(id).fieldChanges.push({ order: firstRow + i, at, field, from, to, via });
    changed.add(id);
  });
  return changed;
}

/** One deal's later stage changes into its journey: appended when in time order, else a stable sort. */
function merge(journey: DealJourney, later: readonly HistoryEntry[]): void {
  const { to, at } = journey;
  let inOrder = true;
  let previous = at.length > 0 ? (at[at.length - 1] as number) : -Infinity;
  for (const entry of later) {
    if (entry.timestamp < previous) inOrder = false;
    previous = entry.timestamp;
  }
  if (inOrder) {
    if (at.length === 0) begin(journey, later[0] as HistoryEntry);
    for (const entry of later) {
      to.push(entry.to);
      at.push(entry.timestamp);
    }
    return;
  }
  // Array.prototype.sort is stable: steps already held (earlier rows) stay before later rows of
  // the same time, as History's row order has them.
  const steps: { to: string; at: number; entry?: HistoryEntry }[] = to.map((name, i) => ({
    to: name,
    at: at[i] as number,
  }));
  for (const entry of later) steps.push({ to: entry.to, at: entry.timestamp, entry });
  steps.sort((a, b) => a.at - b.at);
  // `later` is never empty (addEntries merges only deals it read rows of), so neither is steps.
  const first = (steps[0] as (typeof steps)[number]).entry;
  if (first) begin(journey, first);
  to.length = 0;
  at.length = 0;
  for (const step of steps) {
    to.push(step.to);
    at.push(step.at);
  }
}

function begin(journey: DealJourney, first: HistoryEntry): void {
  journey.from = first.from;
  journey.via = first.via;
}

/**
 * What the Summary reads of History, back from the journeys. Stage changes deal by deal, in time
 * order, From and Via on each deal's first entry only (the numbers read them nowhere else); rows
 * with a Field in History's row order. Deal and By are blank, as the Summary does not read them.
 */
export function journeyHistory(journeys: Journeys): Pick<ParsedHistory, 'entries' | 'fieldChanges'> {
  const entries: HistoryEntry[] = [];
  const kept: { id: string; change: KeptFieldChange }[] = [];
  for (const [id, journey] of journeys) {
    journey.to.forEach((to, i) => {
      const first = i === 0;
      entries.push({
        timestamp: journey.at[i] as number,
        id,
        deal: '',
        from: first ? journey.from : '',
        to,
        by: '',
        via: first ? journey.via : '',
      });
    });
    for (const change of journey.fieldChanges) kept.push({ id, change });
  }
  kept.sort((a, b) => a.change.order - b.change.order);
  const fieldChanges: FieldChange[] = kept.map(({ id, change }) => ({
    timestamp: change.at,
    id,
    deal: '',
    from: change.from,
    to: change.to,
    by: '',
    via: change.via,
    field: change.field,
  }));
  return { entries, fieldChanges };
}
