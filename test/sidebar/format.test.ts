import { describe, expect, it } from 'vitest';

import { daysAfter, moneyShown, rateShown } from '../../src/sidebar/format';

describe('how the sidebar shows numbers and days', () => {
  it('shows amounts in whole units of the sheet’s currency', () => {
    expect(moneyShown(12_500.4, 'USD')).toBe('$12,500');
    expect(moneyShown(900, 'EUR')).toBe('€900');
  });

  it('puts a currency Intl does not know in front of the number as Settings spells it', () => {
    expect(moneyShown(12_500, '€')).toBe('€ 12,500');
  });

  it('shows a win rate as a percentage, or a dash when no deal closed', () => {
    expect(rateShown(0.4)).toBe('40 %');
    expect(rateShown(null)).toBe('—');
  });

  it('counts days across a month end, and gives nothing for a day that is not one', () => {
    expect(daysAfter('2026-11-27', 7)).toBe('2026-12-04');
    expect(daysAfter('', 7)).toBe('');
  });
});
