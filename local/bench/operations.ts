/**
 * What the benchmark runs on each workbook: every operation a team triggers, each as one Apps
 * Script execution of the built add-on. `prepare` does, untimed, what comes before (typing an
 * edit, putting a CSV on a sheet, a first validation) and returns the execution to measure.
 */
import type { DealFieldKey } from '../../src/core/columns';
import { DEAL_FIELDS, fieldOfHeader } from '../../src/core/columns';
import { addMonths, quarterStart, startOfDay } from '../../src/core/dates';
import type { Emulator } from '../emulator';
import { loadBundle } from '../emulator/load-bundle';
import { REFERENCE_FILES } from '../reference-files';
import type { BaselineJob } from './baseline';
import { BASELINE } from './baseline';
import { editEvent } from './edit-event';
import { syntheticDealRows, TIME_ZONE, TODAY } from './synthetic';
import type { DealsView, Execution, Session } from './workbooks';
import { typeSource } from './workbooks';

export interface Operation {
  readonly name: string;
  /** Set-up, Validate all deals, Refresh summary, imports: judged against the per-cell baseline. */
  readonly batch: boolean;
  /** Issue 12's budget for the middle estimate at 50,000 deals, when not the 30 s every operation has. */
  readonly budgetMs?: number;
  /** The per-cell baseline's version of the same job (baseline/), if there is one. */
  readonly baseline?: BaselineJob;
  readonly prepare: (session: Session, sheet: DealsView) => Execution;
}

function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** The Stage cell of the deal the single-cell edit and the move work on. */
const stageCell = (view: DealsView) => `${columnLetter(view.column('stage'))}${view.leadRow}`;

/** Where the 500 pasted rows land: below the last deal. */
const pasteCell = (view: DealsView) => `A${view.values.length + 1}`;

const leadId = (view: DealsView) => String(view.values[view.leadRow - 1]?.[view.column('id') - 1] ?? '');

/** The cell the second validation finds changed: an Amount halfway down, now text. */
function changeOneCell(emulator: Emulator, view: DealsView): void {
  const row = Math.max(2, Math.floor(view.values.length / 2));
  emulator.workbook.userSetValues('Deals', `${columnLetter(view.column('amount'))}${row}`, [['TBD']]);
}

const NEW_DEAL: Readonly<Partial<Record<DealFieldKey, string | number>>> = {
  deal: 'Bench scanners',
  company: 'Bench Co',
  email: 'buyer@bench.example',
  owner: 'rep1@example.com',
  stage: 'Lead',
  amount: 12_000,
  closeDate: '2025-08-29',
};

/** Types into Deals as a user would and returns the onEdit execution Sheets would then run. */
function userEdit(session: Session, a1: string, values: unknown[][]): Execution {
  const { emulator, addon } = session;
  const edit = emulator.workbook.userSetValues('Deals', a1, values);
  const event = editEvent(emulator, edit);
  return () => addon.runIn('simple-trigger', 'onEdit', event);
}

/**
 * A Notes cell typed a moment before, and its onEdit run: what a team's sheet sees all day, so the
 * measured edit finds Settings in the document cache (the first edit of the hour does not).
 */
function earlierEdit(session: Session, view: DealsView): void {
  userEdit(session, `${columnLetter(view.column('notes'))}${view.values.length}`, [['Called back']])();
}

/** 500 new deals as pasted from elsewhere: every column but the ones the add-on fills. */
function pastedRows(view: DealsView): unknown[][] {
  const rows = syntheticDealRows(500).slice(1);
  return rows.map((cells) =>
    view.header.map((header) => {
      const field = fieldOfHeader(header);
      if (!field || field.filledBy === 'addon') return '';
      return cells[DEAL_FIELDS.findIndex((f) => f.key === field.key)] ?? '';
    }),
  );
}

/** The stage moves of a working day, each an edit of one Stage cell and its onEdit run. */
const DAY_OF_MOVES = 200;

/** What Qualified requires: a Lead that has them all may move there. */
const QUALIFIED_NEEDS: readonly DealFieldKey[] = ['deal', 'company', 'owner', 'email'];

/**
 * A day of edits between two refreshes: Leads spread over the sheet moved to Qualified one cell
 * at a time, each with its onEdit run, until History has 200 rows more.
 */
function dayOfMoves(session: Session, view: DealsView): void {
  const at = (field: DealFieldKey) => view.column(field) - 1;
  const leads = view.values.flatMap((row, i) =>
    i > 0 && row[at('stage')] === 'Lead' && QUALIFIED_NEEDS.every((field) => row[at(field)] !== '')
      ? [i + 1]
      : [],
  );
  const history = session.emulator.spreadsheet.scriptSheet('History');
  const target = history.getLastRow() + DAY_OF_MOVES;
  const stride = Math.max(1, Math.floor(leads.length / (DAY_OF_MOVES * 1.25)));
  const stage = columnLetter(view.column('stage'));
  for (let k = 0; k < leads.length && history.getLastRow() < target; k += stride) {
    userEdit(session, `${stage}${leads[k]}`, [['Qualified']])();
  }
}

const STAGES = new Set(['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost']);

/**
 * The rows a formula would be given: a custom function stops at the first cell it cannot read
 * (naming the argument and the row), so the rows a team would fix first are left out.
 */
function formulaRows(view: DealsView): (readonly unknown[])[] {
  const at = (field: DealFieldKey) => view.column(field) - 1;
  const date = (cell: unknown) => cell === '' || cell instanceof Date;
  return view.values
    .slice(1)
    .filter(
      (row) =>
        STAGES.has(String(row[at('stage')])) &&
        typeof row[at('amount')] === 'number' &&
        date(row[at('closeDate')]) &&
        row[at('created')] instanceof Date,
    );
}

/** A column of those rows, one row per deal, Dates made in the script's realm. */
function argument(emulator: Emulator, view: DealsView, field: DealFieldKey): unknown[][] {
  const at = view.column(field) - 1;
  return formulaRows(view).map((row) => {
    const cell = at < 0 ? '' : row[at];
    return [cell instanceof Date ? new emulator.Date(cell.getTime()) : (cell ?? '')];
  });
}

function customFunction(name: string, args: (s: Session, v: DealsView) => unknown[]): Operation {
  return {
    name: `Custom function ${name}`,
    batch: false,
    prepare: (session, view) => {
      const given = args(session, view);
      return () => {
        // Some data gives a formula nothing to compute (an imported file with no Created dates
        // for SALES_VELOCITY): the cell shows the error's message, and the work was done.
        try {
          return session.addon.run(name.replace(/\(.*$/, ''), ...given);
        } catch (error) {
          return error;
        }
      };
    },
  };
}

const weightedArguments = ({ emulator }: Session, view: DealsView): unknown[][][] => [
  argument(emulator, view, 'amount'),
  argument(emulator, view, 'stage'),
];

function quarterBounds(emulator: Emulator): [Date, Date] {
  const start = quarterStart(TODAY, 1);
  const day = (d: number) => new emulator.Date(startOfDay(d, TIME_ZONE).getTime());
  return [day(start), day(addMonths(start, 3) - 1)];
}

/** Every operation the benchmark measures, in the order it reports them. */
export const OPERATIONS: readonly Operation[] = [
  {
    name: 'Set up sheets',
    batch: true,
    budgetMs: 20_000,
    baseline: BASELINE.setUp,
    prepare:
      ({ addon }) =>
      () =>
        addon.run('setUpSheets'),
  },
  {
    name: 'onEdit: one Stage cell',
    batch: false,
    baseline: BASELINE.onEditCell(stageCell),
    prepare: (session, view) => {
      earlierEdit(session, view);
      return userEdit(session, stageCell(view), [['Qualified']]);
    },
  },
  {
    name: 'onEdit: one Stage cell, the first edit in an hour',
    batch: false,
    prepare: (session, view) => userEdit(session, stageCell(view), [['Qualified']]),
  },
  {
    name: 'onEdit: paste of 500 new rows',
    batch: false,
    baseline: BASELINE.onEditPaste(pasteCell, pastedRows),
    prepare: (session, view) => {
      earlierEdit(session, view);
      return userEdit(session, pasteCell(view), pastedRows(view));
    },
  },
  {
    name: 'addDeal (sidebar)',
    batch: false,
    baseline: BASELINE.addDeal(NEW_DEAL),
    prepare:
      ({ addon }) =>
      () =>
        addon.run('addDeal', NEW_DEAL),
  },
  {
    name: 'moveDeal (sidebar)',
    batch: false,
    baseline: BASELINE.moveDeal(leadId),
    prepare: ({ addon }, view) => {
      const id = leadId(view);
      // What Qualified requires and the deal lacks goes with the move, as the sidebar asks for it.
      const fields = Object.fromEntries(view.leadLacks.map((field) => [field, NEW_DEAL[field]]));
      return () => addon.run('moveDeal', id, 'Qualified', fields);
    },
  },
  ...REFERENCE_FILES.map((file): Operation => ({
    name: `Import ${file}`,
    batch: true,
    baseline: BASELINE.importFile(file),
    prepare: ({ emulator, addon }) => {
      const sheet = typeSource(emulator, file);
      return () => addon.run('importDeals', sheet);
    },
  })),
  {
    name: 'Validate all deals (first run)',
    batch: true,
    baseline: BASELINE.validateAll,
    prepare:
      ({ addon }) =>
      () =>
        addon.run('validateAllDeals'),
  },
  {
    name: 'Validate all deals (again, one cell changed)',
    batch: true,
    baseline: (session, view) => {
      BASELINE.validateAll(session, view)();
      changeOneCell(session.emulator, view);
      return BASELINE.validateAll(session, view);
    },
    prepare: ({ emulator, addon }, view) => {
      addon.run('validateAllDeals');
      changeOneCell(emulator, view);
      return () => addon.run('validateAllDeals');
    },
  },
  {
    name: 'Refresh summary (first refresh: no History digest yet)',
    batch: true,
    baseline: BASELINE.refreshSummary,
    prepare:
      ({ addon }) =>
      () =>
        addon.run('refreshSummary'),
  },
  {
    name: 'Refresh summary (again, after a day of 200 stage moves)',
    batch: true,
    budgetMs: 15_000,
    // The per-cell script keeps nothing between runs: after the same day it reads everything again.
    baseline: (session, view) => {
      dayOfMoves({ emulator: session.emulator, addon: loadBundle(session.emulator) }, view);
      return BASELINE.refreshSummary(session, view);
    },
    prepare: (session, view) => {
      session.addon.run('refreshSummary');
      dayOfMoves(session, view);
      return () => session.addon.run('refreshSummary');
    },
  },
  {
    name: 'Take forecast snapshot',
    batch: false,
    prepare:
      ({ addon }) =>
      () =>
        addon.run('takeForecastSnapshot'),
  },
  {
    name: 'Reminder job (20 owners)',
    batch: false,
    baseline: BASELINE.reminders,
    prepare:
      ({ addon }) =>
      () =>
        addon.run('sendRemindersNow'),
  },
  {
    ...customFunction('FORECAST_WEIGHTED(amounts, stages)', weightedArguments),
    baseline: BASELINE.forecastWeighted(weightedArguments),
  },
  customFunction('FORECAST_WEIGHTED(…, close_dates, start, end)', ({ emulator }, v) => [
    argument(emulator, v, 'amount'),
    argument(emulator, v, 'stage'),
    argument(emulator, v, 'closeDate'),
    ...quarterBounds(emulator),
  ]),
  customFunction('WIN_RATE(stages, close_dates)', ({ emulator }, v) => [
    argument(emulator, v, 'stage'),
    argument(emulator, v, 'closeDate'),
  ]),
  customFunction('STAGE_PROBABILITY(stages)', ({ emulator }, v) => [argument(emulator, v, 'stage')]),
  customFunction('SALES_VELOCITY(amounts, stages, created, close_dates)', ({ emulator }, v) => [
    argument(emulator, v, 'amount'),
    argument(emulator, v, 'stage'),
    argument(emulator, v, 'created'),
    argument(emulator, v, 'closeDate'),
  ]),
  customFunction('FORECAST_RANGE(amounts, stages)', ({ emulator }, v) => [
    argument(emulator, v, 'amount'),
    argument(emulator, v, 'stage'),
  ]),
  // It reads History, every row of it, once.
  customFunction('CLOSE_DATE_PUSHES(ids)', ({ emulator }, v) => [argument(emulator, v, 'id')]),
];
