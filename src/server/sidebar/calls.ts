/**
 * How the sidebar's server functions answer. Anyone can call a top-level function from a browser
 * console with any arguments, so each one judges its arguments itself; what it refuses, and
 * anything that goes wrong, reaches google.script.run's failure handler as a plain Error whose
 * message a person can act on, never a stack trace (that goes to the log).
 */
import type { Judged } from '../../core/sidebar/form';
import { messageOf, UserError } from '../errors';

export function sidebarCall<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    // A plain Error with the message alone: the caught one's stack stays in the log (messageOf).
    // eslint-disable-next-line preserve-caught-error
    throw new Error(messageOf(error));
  }
}

/** The value the core accepted, or its refusal as a UserError. */
export function accepted<T>(judged: Judged<T>): T {
  if (!judged.ok) throw new UserError(judged.message);
  return judged.value;
}
