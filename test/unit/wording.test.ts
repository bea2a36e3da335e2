import { describe, expect, it } from 'vitest';

import { countOf, wordFor } from '../../src/core/wording';

describe('counting words', () => {
  it('uses the singular for exactly one and the plural for every other count, zero included', () => {
    expect(countOf(1, 'deal')).toBe('1 deal');
    expect(countOf(0, 'deal')).toBe('0 deals');
    expect(countOf(2, 'deal')).toBe('2 deals');
    expect(countOf(1000, 'stale deal')).toBe('1000 stale deals');
  });

  it('takes an irregular plural as given', () => {
    expect(countOf(1, 'person', 'people')).toBe('1 person');
    expect(countOf(3, 'person', 'people')).toBe('3 people');
    expect(wordFor(2, 'it is', 'they are')).toBe('they are');
    expect(wordFor(1, 'it is', 'they are')).toBe('it is');
  });

  it('gives the word alone for phrases such as "rows 4, 9"', () => {
    expect(wordFor(1, 'row')).toBe('row');
    expect(wordFor(2, 'row')).toBe('rows');
    expect(wordFor(-1, 'row')).toBe('rows');
  });
});
