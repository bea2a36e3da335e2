/**
 * The benchmark's tables and budget lines, as Markdown: one table per workbook, then every
 * budget of issue 12 as pass or over.
 */
import type { Range3 } from './cost-model';
import type { Measured } from './runner';

export interface OperationRow {
  readonly operation: string;
  readonly batch: boolean;
  /** The budget of the middle estimate at 50,000 deals. */
  readonly budgetMs: number;
  readonly measured: Measured;
  /** The per-cell baseline's estimate, when it ran on this workbook. */
  readonly baseline?: Measured;
}

export interface WorkbookResult {
  readonly label: string;
  readonly deals: number;
  /** Synthetic pipelines carry their size; the reference files do not. */
  readonly synthetic: boolean;
  readonly rows: readonly OperationRow[];
}

/** 420 → "420 ms", 12_300 → "12.3 s", 250_000 → "4.2 min". */
function duration(ms: number): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

/** 1234567 → "1.2 M", 35_000 → "35 k", 512 → "512". */
function cells(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)} M`;
  if (n >= 10_000) return `${Math.round(n / 1000)} k`;
  return n.toLocaleString('en-US');
}

const spread = (r: Range3) => `${duration(r.middle)} (${duration(r.low)}–${duration(r.high)})`;

function ratio(row: OperationRow): number | undefined {
  return row.baseline && row.baseline.estimate.total.middle / row.measured.estimate.total.middle;
}

export function workbookTable(result: WorkbookResult): string {
  const lines = [
    `### ${result.label}`,
    '',
    '| operation | calls: reads / writes / other | server reads · commits | cells read / written | JS in Node | estimated Apps Script time: middle (low–high) | per-cell baseline | × |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of result.rows) {
    const { tally, total } = row.measured.estimate;
    const times = ratio(row);
    lines.push(
      `| ${row.operation} | ${tally.reads} / ${tally.writes} / ${tally.others} | ${tally.serverReads} · ${tally.commits} | ` +
        `${cells(tally.cellsRead)} / ${cells(tally.cellsWritten)} | ${duration(row.measured.nodeMs)} | ${spread(total)} | ` +
        `${row.baseline ? duration(row.baseline.estimate.total.middle) : ''} | ${times === undefined ? '' : `${Math.round(times)}×`} |`,
    );
  }
  return lines.join('\n');
}

export interface Budget {
  readonly what: string;
  readonly ok: boolean;
}

const SIX_MINUTES = 360_000;

/** Issue 12's targets, each checked wherever it applies. */
export function budgets(results: readonly WorkbookResult[]): Budget[] {
  const out: Budget[] = [];
  for (const result of results) {
    for (const row of result.rows) {
      const { middle, high } = row.measured.estimate.total;
      const at = `${row.operation}, ${result.label}`;
      // The budget is for the edits of a working day: Settings in the document cache.
      if (row.operation === 'onEdit: one Stage cell')
        out.push({ what: `${at}: ${duration(middle)} ≤ 0.5 s`, ok: middle <= 500 });
      if (result.synthetic && result.deals === 50_000) {
        out.push({
          what: `${at}: ${duration(middle)} < ${duration(row.budgetMs)}`,
          ok: middle < row.budgetMs,
        });
        out.push({ what: `${at}: high ${duration(high)} < 6 min`, ok: high < SIX_MINUTES });
      }
      const times = ratio(row);
      if (result.synthetic && result.deals === 10_000 && row.batch && times !== undefined)
        out.push({ what: `${at}: ${Math.round(times)}× the per-cell baseline ≥ 100×`, ok: times >= 100 });
    }
  }
  return out;
}

export function budgetLines(list: readonly Budget[]): string {
  const over = list.filter((budget) => !budget.ok).length;
  return [
    `${list.length - over} of ${list.length} budgets pass${over > 0 ? `, ${over} over` : ''}:`,
    '',
    ...list.map((budget) => `- ${budget.ok ? 'pass' : '**over**'}: ${budget.what}`),
  ].join('\n');
}

/**
 * One line per operation at the largest synthetic size, with its ratio to the per-cell baseline
 * at the size the baseline ran: the table the README shows.
 */
export function headlineTable(results: readonly WorkbookResult[]): string {
  const synthetic = results.filter((result) => result.synthetic);
  const largest = synthetic.reduce<WorkbookResult | undefined>(
    (max, result) => (max && max.deals >= result.deals ? max : result),
    undefined,
  );
  if (!largest) return '';
  const compared = synthetic.filter((result) => result.rows.some((row) => row.baseline)).at(-1);
  const lines = [
    `| operation, ${largest.label} | calls: reads / writes / other | cells read / written | estimated Apps Script time | ${compared ? `× per-cell baseline, ${compared.label}` : ''} |`,
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const row of largest.rows) {
    const { tally, total } = row.measured.estimate;
    const times = compared?.rows.find((r) => r.operation === row.operation);
    const ratioText = times && ratio(times) !== undefined ? `${Math.round(ratio(times)!)}×` : '';
    lines.push(
      `| ${row.operation} | ${tally.reads} / ${tally.writes} / ${tally.others} | ${cells(tally.cellsRead)} / ${cells(tally.cellsWritten)} | ${spread(total)} | ${ratioText} |`,
    );
  }
  return lines.join('\n');
}

/**
 * The results of a run of some operations (--only) written into those of a full run: in each
 * table, and among the budgets, the lines of the operations it matched are replaced by the new
 * ones of the same section; everything else stays as the full run measured it. `note` (which
 * rows are newer, and how they were measured) goes below the full run's own first line.
 */
export function mergeResults(previous: string, fresh: string, only: string, note: string): string {
  const freshLines = linesOfSections(fresh, only);
  const out: string[] = [];
  const replaced = new Set<string>();
  let section = '';
  for (const line of previous.split('\n')) {
    if (line.startsWith('#')) section = line.trim();
    const key = matchKey(line, only);
    if (line.startsWith(note.slice(0, note.indexOf(':')))) continue;
    if (key === undefined) {
      out.push(line);
      if (line.startsWith('`npm run bench')) out.push('', note);
      continue;
    }
    const lines = freshLines.get(`${section}|${key}`);
    if (!lines) out.push(line);
    else if (!replaced.has(`${section}|${key}`)) {
      replaced.add(`${section}|${key}`);
      out.push(...lines);
    }
  }
  return recountBudgets(out).join('\n');
}

/** 'row' for a table row of a matched operation, 'budget' for its budget line, else undefined. */
function matchKey(line: string, only: string): 'row' | 'budget' | undefined {
  if (line.startsWith('|') && (line.split('|')[1] ?? '').includes(only)) return 'row';
  if (/^- (pass|\*\*over\*\*): /.test(line) && line.includes(only)) return 'budget';
  return undefined;
}

function linesOfSections(text: string, only: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  let section = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) section = line.trim();
    const key = matchKey(line, only);
    if (key === undefined) continue;
    const list = found.get(`${section}|${key}`) ?? [];
    list.push(line);
    found.set(`${section}|${key}`, list);
  }
  return found;
}

function recountBudgets(lines: string[]): string[] {
  const pass = lines.filter((line) => line.startsWith('- pass: ')).length;
  const over = lines.filter((line) => line.startsWith('- **over**: ')).length;
  const total = `${pass} of ${pass + over} budgets pass${over > 0 ? `, ${over} over` : ''}:`;
  return lines.map((line) => (/^\d+ of \d+ budgets pass/.test(line) ? total : line));
}
