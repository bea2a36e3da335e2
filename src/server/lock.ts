/**
 * Every writer (menu, sidebar, triggers) runs under the document lock with a bounded wait, so two
 * writers never interleave and a busy lock gives "try again", never a half-written result.
 */
import { UserError } from './errors';

const LOCK_WAIT_MS = 10_000;

const BUSY_MESSAGE = 'Another Deal Pipeline update is running. Please try again in a moment.';

/** The lock stayed busy for the whole wait: nothing was done. */
export class LockBusyError extends UserError {
  constructor() {
    super(BUSY_MESSAGE);
    this.name = 'LockBusyError';
  }
}

export function withDocumentLock<T>(action: () => T, waitMs = LOCK_WAIT_MS): T {
  return withLock(LockService.getDocumentLock() ?? LockService.getScriptLock(), action, waitMs);
}

/** The reminder job is not interactive, so it waits longer for the lock than a menu action does. */
const REMINDER_LOCK_WAIT_MS = 60_000;

/**
 * The lock of the reminder job's claim and record steps. "Send reminders now" runs from the menu,
 * where the document lock exists; an editor add-on's clock trigger runs with no document, so
 * LockService.getDocumentLock() gives null there. Two different locks would exclude nothing, so
 * both take the script lock, the one every context has. For an add-on it is shared by every
 * user of the add-on, which is why the job holds it only to read the log and write its claims or
 * outcomes (never while sending), and waits up to a minute for it.
 */
export function withReminderLock<T>(action: () => T): T {
  return withLock(LockService.getScriptLock(), action, REMINDER_LOCK_WAIT_MS);
}

function withLock<T>(lock: GoogleAppsScript.Lock.Lock, action: () => T, waitMs: number): T {
  if (!lock.tryLock(waitMs)) throw new LockBusyError();
  try {
    return action();
  } finally {
    lock.releaseLock();
  }
}
