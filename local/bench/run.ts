/**
 * `npm run bench`: times the pipeline numbers in the core and the custom functions through the
 * built bundle in the emulator, counts the spreadsheet calls of "Set up sheets" at two sizes,
 * and prints one Markdown table. A missed target is marked ✗ but does not fail the run: this is
 * a measurement, and a loaded machine measures slower (the last line says how loaded it was).
 */
import { performance } from 'node:perf_hooks';
import { addMonths, quarterStart, startOfDay } from '../../src/core/dates';
import { parseDeals } from '../../src/core/deal-row';
import { forecastRange, summaryNumbers } from '../../src/core/numbers';
import { DEFAULT_STAGE_TABLE } from '../../src/core/settings';
import type { CalendarDay } from '../../src/core/types';
import { validateDeals } from '../../src/core/validation';
import { createEmulator } from '../emulator';
import type { Emulator } from '../emulator';
import { loadBundle } from '../emulator/load-bundle';
import type { Bundle } from '../emulator/load-bundle';
import { count, machineInfo, markdownTable, time, timedRow } from './measure';
import type { ResultRow } from './measure';
import { TIME_ZONE, TODAY, syntheticChances, syntheticDealRows, syntheticPipeline } from './synthetic';

const RUNS = 7;

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`Benchmark sanity check failed: ${what}`);
}

/** An add-on in a fresh emulator, "today" at noon in the bench time zone, sheets not yet set up. */
function startAddon(): { emulator: Emulator; addon: Bundle } {
  const now = startOfDay(TODAY, TIME_ZONE).getTime() + 12 * 3_600_000;
  const emulator = createEmulator({ now, timeZone: TIME_ZONE });
  return { emulator, addon: loadBundle(emulator) };
}

function coreCases(): ResultRow[] {
  const { deals, history, table, options, today } = syntheticPipeline(50_000, 200_000);
  const summary = time(
    RUNS,
    () => summaryNumbers(deals, history, table, options, { today, timeZone: TIME_ZONE }),
    (result) => check(result.kpis.openPipeline > 0, 'summaryNumbers found no open pipeline'),
  );

  // The default stages, as Set up sheets writes them: their required fields are checked too.
  const values = syntheticDealRows(50_000);
  let problems = 0;
  const validation = time(
    RUNS,
    () => {
      const parsed = parseDeals(values, TIME_ZONE, DEFAULT_STAGE_TABLE);
      return validateDeals(parsed.deals, DEFAULT_STAGE_TABLE, TODAY, parsed.problems);
    },
    (result) => {
      problems = result.length;
      check(problems > 0 && problems < 50_000, `${problems} problems in 50,000 rows`);
    },
  );

  const { amounts, probabilities } = syntheticChances(10_000);
  const range = time(
    RUNS,
    () => forecastRange(amounts, probabilities),
    (result) => check(result.p10 <= result.p50 && result.p50 <= result.p90, 'P10 ≤ P50 ≤ P90'),
  );

  return [
    timedRow(
      'Core: summaryNumbers',
      `${count(deals.length)} deals + ${count(history.length)} History rows`,
      1000,
      summary,
    ),
    timedRow(
      'Core: parseDeals + validateDeals',
      `${count(values.length - 1)} rows (${count(problems)} problems)`,
      300,
      validation,
    ),
    timedRow('Core: forecastRange', `${count(amounts.length)} deals`, 1000, range),
  ];
}

/** One row per deal, as Sheets passes a column range to a custom function. */
function column<T>(cells: readonly T[]): T[][] {
  return cells.map((cell) => [cell]);
}

function bundleCases(): ResultRow[] {
  const { emulator, addon } = startAddon();
  addon.run('setUpSheets');
  const { deals } = syntheticPipeline(50_000, 50_000);
  const dateCell = (day: CalendarDay | null): Date | '' =>
    day === null ? '' : new emulator.Date(startOfDay(day, TIME_ZONE).getTime());
  const amounts = column(deals.map((deal) => deal.amount ?? ''));
  const stages = column(deals.map((deal) => deal.probability ?? deal.stage));
  const closeDates = column(deals.map((deal) => dateCell(deal.closeDate)));
  const quarter = quarterStart(TODAY, 1);
  const [start, end] = [dateCell(quarter), dateCell(addMonths(quarter, 3) - 1)];
  const positive = (name: string) => (result: unknown) =>
    check(typeof result === 'number' && result > 0, `${name} gave ${String(result)}`);

  const weighted = time(
    RUNS,
    () => addon.run('FORECAST_WEIGHTED', amounts, stages),
    positive('FORECAST_WEIGHTED'),
  );
  const inPeriod = time(
    RUNS,
    () => addon.run('FORECAST_WEIGHTED', amounts, stages, closeDates, start, end),
    positive('FORECAST_WEIGHTED with a period'),
  );
  const range = time(
    RUNS,
    () => addon.run('FORECAST_RANGE', amounts.slice(0, 10_000), stages.slice(0, 10_000)),
    (result) => check(Array.isArray(result) && (result as unknown[][])[0]?.length === 3, 'P10, P50, P90'),
  );

  return [
    timedRow('Bundle: FORECAST_WEIGHTED(amounts, stages)', `${count(amounts.length)} rows`, 50, weighted),
    timedRow(
      'Bundle: FORECAST_WEIGHTED(…, close_dates, start, end)',
      `${count(amounts.length)} rows`,
      50,
      inPeriod,
    ),
    timedRow('Bundle: FORECAST_RANGE', '10,000 rows', 1000, range),
  ];
}

const SIZES = [1_000, 50_000] as const;

/** A workbook with `dealCount` deals typed in before the add-on, then set up (which adopts them). */
function setUpWith(dealCount: number): { emulator: Emulator; addon: Bundle; stageColumn: string } {
  const { emulator, addon } = startAddon();
  emulator.workbook.renameSheet(emulator.workbook.sheet('Sheet1'), 'Deals');
  const rows = syntheticDealRows(dealCount);
  emulator.workbook.userSetValues('Deals', 'A1', rows);
  addon.run('setUpSheets');
  const stageColumn = String.fromCharCode(65 + (rows[0] as string[]).indexOf('Stage'));
  return { emulator, addon, stageColumn };
}

interface OperationCost {
  readonly calls: number;
  readonly ms: number;
}

/** One run of each operation a user triggers, on a sheet of `dealCount` deals: its calls and time. */
function operationCosts(dealCount: number): Map<string, OperationCost> {
  const costs = new Map<string, OperationCost>();
  const measure = (name: string, f: () => unknown, emulator: Emulator) => {
    emulator.calls.reset();
    const start = performance.now();
    f();
    costs.set(name, { calls: emulator.calls.total(), ms: performance.now() - start });
  };
  const first = startAddon();
  first.emulator.workbook.renameSheet(first.emulator.workbook.sheet('Sheet1'), 'Deals');
  first.emulator.workbook.userSetValues('Deals', 'A1', syntheticDealRows(dealCount));
  measure('Set up sheets (adopting every deal)', () => first.addon.run('setUpSheets'), first.emulator);

  const { emulator, addon, stageColumn } = setUpWith(dealCount);
  const paste = [['Qualified'], ['Proposal']];
  measure(
    'onEdit: paste into 2 Stage cells',
    () => addon.edit('Deals', `${stageColumn}500:${stageColumn}501`, paste),
    emulator,
  );
  measure('Validate all deals', () => addon.run('validateAllDeals'), emulator);
  measure('Refresh summary', () => addon.run('refreshSummary'), emulator);
  measure('Send reminders now', () => addon.run('sendRemindersNow'), emulator);
  return costs;
}

/**
 * The operations' spreadsheet calls at two sizes: the same count means no call per deal. A
 * sheet that must grow (History past its last row) may cost one call more.
 */
function operationTable(): string {
  const [small, large] = SIZES.map(operationCosts) as [
    Map<string, OperationCost>,
    Map<string, OperationCost>,
  ];
  const lines = [
    `| operation | calls, ${count(SIZES[0])} deals | calls, ${count(SIZES[1])} deals | time, ${count(SIZES[0])} | time, ${count(SIZES[1])} |`,
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const [name, a] of small) {
    const b = large.get(name)!;
    lines.push(`| ${name} | ${a.calls} | ${b.calls} | ${a.ms.toFixed(0)} ms | ${b.ms.toFixed(0)} ms |`);
  }
  return lines.join('\n');
}

const rows = [...coreCases(), ...bundleCases()];
console.log(markdownTable(rows));
console.log();
console.log(operationTable());
console.log();
console.log(`Runs: 1 warm-up + ${RUNS} timed per case; ok when the median meets the target.`);
console.log(machineInfo());
