/**
 * Every writer (menu, sidebar, triggers) runs under the document lock with a bounded wait, so two
 * writers never interleave and a busy lock gives "try again", never a half-written result.
 */
import { UserError } from './errors';

export const LOCK_WAIT_MS = 10_000;

export const BUSY_MESSAGE = 'Another Deal Pipeline update is running. Please try again in a moment.';

export function withDocumentLock<T>(action: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) throw new UserError(BUSY_MESSAGE);
  try {
    return action();
  } finally {
    lock.releaseLock();
  }
}
