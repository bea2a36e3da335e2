/**
 * Finding columns by header (SPEC §1): every sheet is read by its headers, trimmed and
 * case-insensitive, so users may move, insert and rename around them.
 */
import { describe, expect, it } from 'vitest';

import { headerColumns, presentColumns } from '../../src/core/columns';

describe('headerColumns', () => {
  it('finds a header trimmed and whatever its case, the first of two equal ones, and −1 for none', () => {
    const at = headerColumns(['  ID ', 'Deal', '', 'deal', 'Close Date', 7]);
    expect(at('id')).toBe(0);
    expect(at(' DEAL')).toBe(1);
    expect(at('close date')).toBe(4);
    expect(at('7')).toBe(5);
    expect(at('Owner')).toBe(-1);
    // A blank header names no column, even when asked for.
    expect(at('')).toBe(-1);
    expect(headerColumns([])('ID')).toBe(-1);
  });
});

describe('presentColumns', () => {
  it('keeps the names the header has, in the sheet’s order, with their columns', () => {
    const at = headerColumns(['Via', 'Timestamp', 'Notes', 'ID', 'To']);
    expect(presentColumns(at, ['Timestamp', 'ID', 'From', 'To', 'Via'])).toEqual({
      names: ['Via', 'Timestamp', 'ID', 'To'],
      columns: [0, 1, 3, 4],
    });
    expect(presentColumns(at, ['From'])).toEqual({ names: [], columns: [] });
  });
});
