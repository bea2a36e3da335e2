/**
 * Per-cell baseline of Refresh summary: each number has its own function that walks Deals a cell
 * at a time and writes its result with setValue as soon as it has it; the forecast, the owners
 * and the funnel (from History) are one walk each.
 */
import type { Gas, Sheet, StageRow } from './gas';
import { cell, COL, DAY_MS, isDate, stageRows } from './gas';

interface Walk {
  readonly deals: Sheet;
  readonly last: number;
  readonly stages: readonly StageRow[];
  readonly today: number;
}

const time = (value: unknown): number | null => (isDate(value) ? value.getTime() : null);

function kindOf(walk: Walk, row: number): string {
  const stage = cell(walk.deals, row, COL.stage);
  return walk.stages.find((s) => s.name === stage)?.kind ?? '';
}

function probabilityOf(walk: Walk, row: number): number {
  const own = cell(walk.deals, row, COL.probability);
  if (typeof own === 'number') return own;
  const stage = cell(walk.deals, row, COL.stage);
  return walk.stages.find((s) => s.name === stage)?.probability ?? 0;
}

function sumOver(walk: Walk, f: (row: number) => number): number {
  let total = 0;
  for (let row = 2; row <= walk.last; row++) total += f(row);
  return total;
}

const amountOf = (walk: Walk, row: number) => Number(cell(walk.deals, row, COL.amount)) || 0;

const open = (w: Walk, row: number) => kindOf(w, row) === 'open';
const closedSince = (w: Walk, row: number, days: number) =>
  (time(cell(w.deals, row, COL.closeDate)) ?? -Infinity) >= w.today - days * DAY_MS;

/** The KPI block: one walk of the sheet per number. */
const KPIS: readonly [string, (w: Walk) => number][] = [
  ['Open pipeline', (w) => sumOver(w, (r) => (open(w, r) ? amountOf(w, r) : 0))],
  ['Weighted pipeline', (w) => sumOver(w, (r) => (open(w, r) ? amountOf(w, r) * probabilityOf(w, r) : 0))],
  ['Deals open', (w) => sumOver(w, (r) => (open(w, r) ? 1 : 0))],
  [
    'Won this quarter',
    (w) => sumOver(w, (r) => (kindOf(w, r) === 'won' && closedSince(w, r, 91) ? amountOf(w, r) : 0)),
  ],
  [
    'Win rate',
    (w) => {
      const won = sumOver(w, (r) => (kindOf(w, r) === 'won' && closedSince(w, r, 365) ? 1 : 0));
      const lost = sumOver(w, (r) => (kindOf(w, r) === 'lost' && closedSince(w, r, 365) ? 1 : 0));
      return won + lost === 0 ? 0 : won / (won + lost);
    },
  ],
  [
    'Average deal size',
    (w) => {
      const won = sumOver(w, (r) => (kindOf(w, r) === 'won' ? 1 : 0));
      return won === 0 ? 0 : sumOver(w, (r) => (kindOf(w, r) === 'won' ? amountOf(w, r) : 0)) / won;
    },
  ],
  [
    'Average sales cycle (days)',
    (w) =>
      sumOver(w, (r) => {
        if (kindOf(w, r) !== 'won') return 0;
        const [created, closed] = [
          time(cell(w.deals, r, COL.created)),
          time(cell(w.deals, r, COL.closeDate)),
        ];
        return created === null || closed === null ? 0 : (closed - created) / DAY_MS;
      }),
  ],
  [
    'Follow-ups overdue',
    (w) =>
      sumOver(w, (r) => (open(w, r) && (time(cell(w.deals, r, COL.followUp)) ?? Infinity) < w.today ? 1 : 0)),
  ],
  [
    'Stale deals',
    (w) =>
      sumOver(w, (r) => {
        if (!open(w, r)) return 0;
        const since = Math.max(
          time(cell(w.deals, r, COL.stageSince)) ?? 0,
          time(cell(w.deals, r, COL.lastContact)) ?? 0,
        );
        return since < w.today - 14 * DAY_MS ? 1 : 0;
      }),
  ],
];

export function refreshSummary(gas: Gas): void {
  const spreadsheet = gas.SpreadsheetApp.getActiveSpreadsheet();
  const deals = spreadsheet.getSheetByName('Deals')!;
  const summary = spreadsheet.getSheetByName('Summary') ?? spreadsheet.insertSheet('Summary');
  summary.clear();
  const walk: Walk = { deals, last: deals.getLastRow(), stages: stageRows(spreadsheet), today: Date.now() };
  let out = 1;
  const put = (...values: unknown[]) => {
    values.forEach((value, i) => summary.getRange(out, i + 1).setValue(value));
    out++;
  };
  for (const [label, compute] of KPIS) put(label, compute(walk));

  const months = new Map<string, number>();
  const owners = new Map<string, number>();
  for (let row = 2; row <= walk.last; row++) {
    const close = cell(deals, row, COL.closeDate);
    const weighted = amountOf(walk, row) * probabilityOf(walk, row);
    const month = isDate(close) ? `${close.getFullYear()}-${close.getMonth() + 1}` : 'No close date';
    months.set(month, (months.get(month) ?? 0) + weighted);
    const owner = String(cell(deals, row, COL.owner));
    owners.set(owner, (owners.get(owner) ?? 0) + weighted);
  }
  for (const entry of [...months, ...owners]) put(...entry);

  const history = spreadsheet.getSheetByName('History')!;
  const entered = new Map<string, Set<unknown>>();
  const lastHistory = history.getLastRow();
  for (let row = 2; row <= lastHistory; row++) {
    const to = String(cell(history, row, 5));
    const deal = cell(history, row, 2);
    entered.set(to, (entered.get(to) ?? new Set()).add(deal));
  }
  for (const stage of walk.stages) put(stage.name, entered.get(stage.name)?.size ?? 0);
}
