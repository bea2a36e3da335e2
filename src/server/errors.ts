/**
 * Errors a user can act on. A UserError's message is shown as it is; anything else is a bug,
 * shown as a short apology while its stack goes to the log, never to the user.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export const SET_UP_HINT = 'Run Deal Pipeline › Set up sheets';

export function messageOf(error: unknown): string {
  if (error instanceof UserError) return error.message;
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
}
