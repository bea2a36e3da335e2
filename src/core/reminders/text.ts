/** Small pieces of reminder wording: lists, money, and text that must stay on one line. */

/** "A", "A or B", "A, B or C" with "or"; the same with "and". */
export function listText(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length < 2) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]!}`;
}

/** Line breaks (and the Unicode ones) become spaces: subjects and header lines carry none. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}

/**
 * An amount in the Settings currency, e.g. $12,000.00 or ¥5,000; a code Intl does not know is
 * written after the number ("1,200.00 dollars"); a blank amount is a dash.
 */
export function moneyText(amount: number | null, currency: string): string {
  if (amount === null) return '—';
  const code = currency.trim();
  try {
    // Intl reads a currency code in any case: "jpy" is ¥.
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).format(amount);
  } catch {
    // Blank, or not an ISO 4217 code: spelt out below.
  }
  const number = amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return code === '' ? number : `${number} ${oneLine(code)}`;
}
