/**
 * Every writer (menu, sidebar, triggers) runs under the document lock with a bounded wait, so two
 * writers never interleave and a busy lock gives "try again", never a half-written result.
 */
import { UserError } from './errors';

export const LOCK_WAIT_MS = 10_000;

export const BUSY_MESSAGE = 'Another Deal Pipeline update is running. Please try again in a moment.';

/** The lock stayed busy for the whole wait: nothing was done. */
export class LockBusyError extends UserError {
  constructor() {
    super(BUSY_MESSAGE);
    this.name = 'LockBusyError';
  }
}

export function withDocumentLock<T>(action: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) throw new LockBusyError();
  try {
    return action();
  } finally {
    lock.releaseLock();
  }
}
