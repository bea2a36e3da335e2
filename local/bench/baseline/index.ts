/**
 * The per-cell baseline's jobs, each ready to run as one execution on a benchmark session, in the
 * context Google would run it in, with the emulator's globals (see gas.ts).
 */
import type { ExecutionContext } from '../../emulator';
import { editEvent } from '../edit-event';
import type { DealsView, Execution, Session } from '../workbooks';
import { typeSource } from '../workbooks';
import { validateAll } from './checks';
import { addDeal, importFile, moveDeal, onEditCell, onEditPaste, setUp } from './deals';
import type { Gas } from './gas';
import { forecastWeighted, reminders } from './reminders';
import { refreshSummary } from './summary';

export type BaselineJob = (session: Session, view: DealsView) => Execution;

function execution(session: Session, context: ExecutionContext, job: (gas: Gas) => unknown): Execution {
  const { emulator } = session;
  const gas = emulator.globals() as unknown as Gas;
  return () =>
    emulator.within(context, () => {
      try {
        return job(gas);
      } finally {
        emulator.endExecution();
      }
    });
}

function onEdit(
  handler: (gas: Gas, event: GoogleAppsScript.Events.SheetsOnEdit) => void,
  a1: (view: DealsView) => string,
  values: (view: DealsView) => unknown[][],
): BaselineJob {
  return (session, view) => {
    const edit = session.emulator.workbook.userSetValues('Deals', a1(view), values(view));
    const event = editEvent(session.emulator, edit) as unknown as GoogleAppsScript.Events.SheetsOnEdit;
    return execution(session, 'simple-trigger', (gas) => handler(gas, event));
  };
}

/** Source columns (1-based) of each reference file, by deal field, as a script for it would hard-code. */
const IMPORT_COLUMNS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'pipeline-snapshot-2015.csv': {
    owner: 2,
    company: 3,
    deal: 3,
    stage: 5,
    amount: 6,
    probability: 7,
    closeDate: 10,
    nextStep: 11,
  },
  'maven-crm-sales-pipeline.csv': { owner: 2, deal: 3, company: 4, stage: 5, closeDate: 7, amount: 8 },
};

export const BASELINE = {
  setUp: ((session) => execution(session, 'menu', setUp)) as BaselineJob,
  onEditCell: (a1: (view: DealsView) => string) => onEdit(onEditCell, a1, () => [['Qualified']]),
  onEditPaste: (a1: (view: DealsView) => string, rows: (view: DealsView) => unknown[][]) =>
    onEdit(onEditPaste, a1, rows),
  addDeal:
    (fields: Record<string, unknown>): BaselineJob =>
    (session) =>
      execution(session, 'menu', (gas) => addDeal(gas, fields)),
  moveDeal:
    (id: (view: DealsView) => string): BaselineJob =>
    (session, view) =>
      execution(session, 'menu', (gas) => moveDeal(gas, id(view), 'Qualified')),
  importFile:
    (file: string): BaselineJob =>
    (session) => {
      const sheet = typeSource(session.emulator, file);
      return execution(session, 'menu', (gas) => importFile(gas, sheet, IMPORT_COLUMNS[file] ?? {}));
    },
  validateAll: ((session) => execution(session, 'menu', validateAll)) as BaselineJob,
  refreshSummary: ((session) => execution(session, 'menu', refreshSummary)) as BaselineJob,
  reminders: ((session) => execution(session, 'menu', reminders)) as BaselineJob,
  forecastWeighted:
    (args: (session: Session, view: DealsView) => unknown[][][]): BaselineJob =>
    (session, view) => {
      const [amounts = [], stages = []] = args(session, view);
      return execution(session, 'custom-function', (gas) => forecastWeighted(gas, amounts, stages));
    },
};
