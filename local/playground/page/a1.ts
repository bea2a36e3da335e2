/** A1 notation, for the page and the server alike. */

/** The letters of a 1-based column: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) {
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  }
  return letters;
}

export function a1Of(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}
