import { describe, expect, it } from 'vitest';
import { MARK_COLORS, markBlock, userPartOf } from '../../src/core/marks';
import type { DealProblem } from '../../src/core/problems';

const problem = (
  row: number,
  field: DealProblem['field'],
  severity: DealProblem['severity'] = 'error',
): DealProblem => ({
  row,
  field,
  severity,
  message: `${field} is wrong`,
});
const column = (p: DealProblem) => ({ amount: 1, email: 2 })[p.field as 'amount' | 'email'] ?? -1;

describe('validation marks', () => {
  it('marks a bad cell with a note and the error colour, a warning with the warning colour', () => {
    const block = markBlock(
      [['', '', '']],
      [['#ffffff', '#ffffff', '#ffffff']],
      5,
      [problem(5, 'amount'), problem(5, 'email', 'warning')],
      column,
    );
    expect(block.notes).toEqual([['', 'Deal Pipeline › amount is wrong', 'Deal Pipeline › email is wrong']]);
    expect(block.backgrounds).toEqual([[null, MARK_COLORS.error, MARK_COLORS.warning]]);
    expect(block.changed).toBe(true);
  });

  it('puts its note above a user note and gives the user note back whole when fixed', () => {
    const marked = markBlock([['', 'call first\nthen email']], [['', '']], 2, [problem(2, 'amount')], column);
    expect(marked.notes[0]![1]).toBe('Deal Pipeline › amount is wrong\n\ncall first\nthen email');
    expect(userPartOf(marked.notes[0]![1]!)).toBe('call first\nthen email');
    const fixed = markBlock(marked.notes, [['', MARK_COLORS.error]], 2, [], column);
    expect(fixed.notes[0]![1]).toBe('call first\nthen email');
    expect(fixed.backgrounds[0]![1]).toBeNull();
  });

  it("never recolours a cell the user coloured, and never clears the user's colour", () => {
    const marked = markBlock([['', '']], [['', '#00ff00']], 2, [problem(2, 'amount')], column);
    expect(marked.backgrounds[0]![1]).toBe('#00ff00');
    const fixed = markBlock(marked.notes, [['', '#00ff00']], 2, [], column);
    expect(fixed.backgrounds[0]![1]).toBe('#00ff00');
  });

  it('says nothing changed when the block already looks right', () => {
    expect(markBlock([['', 'a note']], [['#ffffff', '#ffffff']], 2, [], column).changed).toBe(false);
  });
});
