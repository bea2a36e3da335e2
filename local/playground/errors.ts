/** A request the playground refuses, with the HTTP status that says why. A leaf module. */
export class RequestError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 405 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** An error's message, whichever realm made it (the bundle's errors are the vm context's). */
export function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error
    ? String(error.message)
    : String(error);
}
