/** Small pieces of digest wording: counts, money, and text that must stay on one line. */

/** "1 stale deal", "3 stale deals". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
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
  const code = currency.trim().toUpperCase();
  if (code !== '') {
    try {
      return new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).format(amount);
    } catch {
      // Not an ISO 4217 code: fall through and spell it out.
    }
  }
  const number = amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return currency.trim() === '' ? number : `${number} ${oneLine(currency)}`;
}
