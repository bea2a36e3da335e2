/**
 * Counting words, in one place: toasts, dialogs, the Summary and emails all say "1 deal" and
 * "2 deals" the same way. An irregular plural is passed, never guessed.
 */

/** The word for `n` things: the singular for exactly 1, the plural for any other number (0 deals). */
export function wordFor(n: number, singular: string, plural = `${singular}s`): string {
  return n === 1 ? singular : plural;
}

/** `n` and its word: "1 deal", "3 deals", "2 people" with the plural given. */
export function countOf(n: number, singular: string, plural?: string): string {
  return `${n} ${wordFor(n, singular, plural)}`;
}
