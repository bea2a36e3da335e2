/**
 * The one rule for writing user text so that a cell keeps it as that same text.
 *
 * Range.setValues parses every string the way Sheets parses what a user types (the Sheets API
 * calls it USER_ENTERED, "so 'Mar 1 2016' becomes a date, and '=1+2' becomes a formula"). A deal
 * named =IMPORTXML("http://x","//a") copied into History would become a live formula that fetches
 * the URL, and so would text starting with "+", "-" or "@" that is not a number (the formula
 * injection characters of OWASP's CSV Injection page, CWE-1236). Other text changes meaning
 * quietly: "0042" loses its zeros, "25%" becomes 0.25, "TRUE" a boolean, "Mar 1 2017" a date.
 *
 * A leading apostrophe tells Sheets to keep the rest as text; it is not part of the value
 * (getValues reads the text without it), so adding it where Sheets might parse is always safe.
 * Text Sheets keeps as written anyway gets none, so an ordinary name shows no apostrophe when
 * someone opens the cell.
 */

/** Formulas (= + - @), a typed apostrophe, numbers, percents, amounts, dates and times. */
const PARSED_START = /^[=+\-@'0-9.$€£¥(]/;
const BOOLEAN = /^(true|false)$/i;
/** "Mar 1 2017", "March 1, 2017", "Sept. 2017": a month name, then a day or year. */
const MONTH_DATE =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?[\s,./-]+\d/i;

/** The string to write with setValues so the cell holds `text` exactly, as text. */
export function literalText(text: string): string {
  // Sheets reads past leading spaces when it parses a number or a date.
  const start = text.trimStart();
  const parsed = PARSED_START.test(start) || BOOLEAN.test(text.trim()) || MONTH_DATE.test(start);
  return parsed ? `'${text}` : text;
}
