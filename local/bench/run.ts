/**
 * `npm run bench` (never part of `npm test`): every operation of the built add-on on synthetic
 * pipelines of 1,000, 10,000 and 50,000 deals and on the two reference files, with its calls,
 * cells, JavaScript time and the estimated Apps Script time (cost-model.ts), beside the per-cell
 * baseline (baseline/); then dist/'s sizes, the time to evaluate the bundle, and issue 12's
 * budgets as pass / over. Results go to the terminal and to local/bench/results.md.
 *
 * Options: --sizes=1000,10000 (none: --sizes=)  --runs=3  --baseline=1000,10000  --no-files
 * --only=Validate
 * and --quick (1,000 deals, one run, no reference files) while developing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import prettier from 'prettier';

import { REFERENCE_FILES } from '../reference-files';
import { bundleFacts } from './bundle';
import { describeModel } from './cost-model';
import { count, machineInfo } from './measure';
import type { Operation } from './operations';
import { OPERATIONS } from './operations';
import type { OperationRow, WorkbookResult } from './report';
import { budgetLines, budgets, headlineTable, mergeResults, workbookTable } from './report';
import { measure } from './runner';
import type { Fixture } from './workbooks';
import { dealsView, emptyPipeline, importedPipeline, pipelineInUse, typedPipeline } from './workbooks';

interface Options {
  sizes: number[];
  runs: number;
  baselineSizes: number[];
  files: boolean;
  only: string | undefined;
}

function options(argv: readonly string[]): Options {
  const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const numbers = (name: string, fallback: number[]) => {
    const given = value(name);
    return given === undefined ? fallback : given.split(',').filter(Boolean).map(Number);
  };
  const quick = argv.includes('--quick');
  return {
    sizes: numbers('sizes', quick ? [1_000] : [1_000, 10_000, 50_000]),
    runs: Number(value('runs') ?? (quick ? 1 : 5)),
    baselineSizes: numbers('baseline', quick ? [1_000] : [1_000, 10_000]),
    files: !quick && !argv.includes('--no-files'),
    only: value('only'),
  };
}

/** The workbook one operation runs on, and whether the per-cell baseline runs there too. */
interface Plan {
  readonly label: string;
  readonly deals: number;
  readonly synthetic: boolean;
  readonly fixtureFor: (operation: Operation) => Fixture | undefined;
  readonly baseline: boolean;
}

function syntheticPlan(size: number, baselineSizes: readonly number[]): Plan {
  const typed = typedPipeline(size);
  const inUse = pipelineInUse(typed);
  return {
    label: `${count(size)} deals`,
    deals: size,
    synthetic: true,
    // Set-up is measured where it has the most to do: adopting every deal of a typed sheet.
    fixtureFor: (operation) => (operation.name === 'Set up sheets' ? typed : inUse),
    baseline: baselineSizes.includes(size),
  };
}

function referencePlan(file: string): Plan {
  const imported = importedPipeline(file);
  const empty = emptyPipeline();
  return {
    label: `${file} (${count(imported.deals)} deals imported)`,
    deals: imported.deals,
    synthetic: false,
    // Its own file is imported into a new pipeline; the other file is not this workbook's.
    fixtureFor: (operation) =>
      operation.name.startsWith('Import ')
        ? operation.name === `Import ${file}`
          ? empty
          : undefined
        : imported,
    baseline: false,
  };
}

function runPlan(plan: Plan, opts: Options, evaluateMs: number): WorkbookResult {
  const rows: OperationRow[] = [];
  // The largest workbooks take seconds per run: three runs give their median.
  const runs = plan.deals >= 50_000 ? Math.min(opts.runs, 3) : opts.runs;
  for (const operation of OPERATIONS) {
    if (opts.only && !operation.name.includes(opts.only)) continue;
    const fixture = plan.fixtureFor(operation);
    if (!fixture) continue;
    const view = dealsView(fixture);
    const measured = measure(fixture, (session) => operation.prepare(session, view), {
      runs,
      withAddon: true,
      fixedNodeMs: evaluateMs,
    });
    const job = plan.baseline ? operation.baseline : undefined;
    const baseline = job
      ? measure(fixture, (session) => job(session, view), { runs: 1, withAddon: false, fixedNodeMs: 0 })
      : undefined;
    rows.push({
      operation: operation.name,
      batch: operation.batch,
      budgetMs: operation.budgetMs ?? 30_000,
      measured,
      baseline,
    });
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  return { label: plan.label, deals: plan.deals, synthetic: plan.synthetic, rows };
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const bundle = bundleFacts(opts.runs);
  const results: WorkbookResult[] = [];
  const plans: (() => Plan)[] = [
    ...opts.sizes.map((size) => () => syntheticPlan(size, opts.baselineSizes)),
    ...(opts.files ? REFERENCE_FILES.map((file) => () => referencePlan(file)) : []),
  ];
  for (const plan of plans) {
    const result = runPlan(plan(), opts, bundle.evaluateMs);
    results.push(result);
    console.log(`\n${workbookTable(result)}\n`);
  }
  const budgetText = budgetLines(budgets(results));
  console.log(budgetText);

  const args = process.argv.slice(2);
  // Quoted as a shell needs them: --only="Refresh summary".
  const quoted = args.map((arg) => (arg.includes(' ') ? arg.replace(/=(.*)$/, '="$1"') : arg));
  const command = args.length > 0 ? `npm run bench -- ${quoted.join(' ')}` : 'npm run bench';
  const commandLine = `\`${command}\`, ${new Date().toISOString().slice(0, 10)}. ${machineInfo()}`;
  const text = [
    '# Benchmark results',
    '',
    commandLine,
    `Runs: the median of ${opts.runs} (3 at 50,000 deals) for the add-on; one for the per-cell baseline, whose time is almost all calls.`,
    '',
    '## The bundle',
    '',
    ...bundle.lines,
    '',
    '## The cost model',
    '',
    ...describeModel(),
    '',
    '## Headline',
    '',
    headlineTable(results),
    '',
    '## Operations',
    '',
    'Calls are the execution\'s service calls; "server reads" and "commits" are the round trips the model charges most for. ' +
      "JS in Node is the script's own time (the emulator's time inside calls taken out), evaluating the bundle included.",
    '',
    ...results.map((result) => `${workbookTable(result)}\n`),
    '## Budgets',
    '',
    "onEdit's budget is for the edits of a working day, with Settings and History's header in the document " +
      'cache; the first edit after the cache lapses (an hour) or after Settings changes reads both as well ' +
      '(its own row above).',
    '',
    budgetText,
    '',
  ].join('\n');
  // Formatted as the repository's Markdown is, so that `npm run lint` accepts it as written.
  const file = resolve(import.meta.dirname, 'results.md');
  const style = await prettier.resolveConfig(file);
  const format = (markdown: string) => prettier.format(markdown, { ...style, parser: 'markdown' });
  // A run of some operations updates their rows in the results of the last full run.
  const merged =
    opts.only !== undefined && existsSync(file)
      ? mergeResults(
          readFileSync(file, 'utf8'),
          await format(text),
          opts.only,
          `The rows and budgets of the operations whose name contains "${opts.only}" are from a later run: ${commandLine}`,
        )
      : text;
  writeFileSync(file, await format(merged));
  console.log('\nWritten to local/bench/results.md');
}

await main();
