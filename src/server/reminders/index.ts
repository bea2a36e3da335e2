/**
 * Daily reminders: the menu actions around the trigger and the job, and the job as the trigger
 * runs it. The trigger runs with no one at the spreadsheet, so it reports to the log, never to Ui.
 */
import { countOf } from '../../core/wording';
import { messageOf, UserError } from '../errors';
import { activeSpreadsheet } from '../sheets';
import { alert, runMenuAction } from '../ui';
import type { ReminderRun } from './job';
import { runReminders } from './job';
import type { RemovalReport, TriggerReport } from './trigger';
import {
  installedMessage,
  installTrigger,
  reminderSpreadsheet,
  removedMessage,
  removeTrigger,
} from './trigger';

export type { ReminderRun } from './job';
export type { RemovalReport, TriggerReport } from './trigger';

export function installReminderTriggerFromMenu(): TriggerReport | undefined {
  return runMenuAction(() => {
    const report = installTrigger();
    alert(installedMessage(report));
    return report;
  });
}

export function removeReminderTriggerFromMenu(): RemovalReport | undefined {
  return runMenuAction(() => {
    const report = removeTrigger();
    alert(removedMessage(report));
    return report;
  });
}

export function sendRemindersNowFromMenu(): ReminderRun | undefined {
  return runMenuAction(() => {
    const run = runReminders(activeSpreadsheet());
    alert(runMessage(run));
    return run;
  });
}

/**
 * The time-driven job, in whichever context its trigger runs (a bound script's, with the
 * spreadsheet active; an editor add-on's, with none, so it opens the one recorded for the
 * trigger). A problem the team can fix (a missing sheet or column, a busy lock) is logged and the
 * run ends: the next run tries again. Anything else is rethrown so that the execution shows as
 * failed in the Apps Script dashboard.
 */
export function sendDailyRemindersFromTrigger(triggerUid: string | undefined): void {
  try {
    const spreadsheet = reminderSpreadsheet(triggerUid);
    if ('gone' in spreadsheet) {
      console.warn(`Deal Pipeline reminders did not run: ${spreadsheet.gone}`);
      return;
    }
    const run = runReminders(spreadsheet);
    // A Reminder Log problem went to console.error already.
    if (run.logProblem === null)
      console.log(`Deal Pipeline reminders: ${runMessage(run).replace(/\n+/g, ' ')}`);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    console.warn(`Deal Pipeline reminders did not run: ${messageOf(error)}`);
  }
}

function runMessage(run: ReminderRun): string {
  if (run.logProblem !== null) return run.logProblem;
  const list = (names: readonly string[]) => names.join(', ');
  const lines: string[] = [];
  if (run.sent.length > 0) lines.push(`Sent ${countOf(run.sent.length, 'digest')}: ${list(run.sent)}.`);
  if (run.deferred.length > 0) {
    lines.push(`Deferred to the next run (mail quota or time limit): ${list(run.deferred)}.`);
  }
  for (const failure of run.failed) lines.push(`Failed: ${failure.to}: ${failure.error}`);
  for (const owner of run.unreachableOwners) {
    lines.push(`Owner "${owner}" is not an email address, so nobody was reminded of those deals.`);
  }
  if (run.alreadyDone.length > 0)
    lines.push(`Already handled today, so not sent again: ${list(run.alreadyDone)}.`);
  if (lines.length === 0) return 'Nothing is due today: no digest to send.';
  return [...lines, 'The Reminder Log sheet has a row for each digest.'].join('\n');
}
