import { describe, expect, it } from 'vitest';

import { markBlock } from '../../src/core/marks';
import type { DealProblem } from '../../src/core/problems';
import { MARK_COLORS } from '../fixtures/mark-colors';

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

const NOTE_PREFIX = 'Deal Pipeline › ';
const KEPT_COLOR_LINE = `${NOTE_PREFIX}This colour is yours: it stays when this is fixed.`;
/** What is left of a note once its cell has no problem: the part the user wrote. */
const userPartOf = (note: string) => markBlock([[note]], [['']], 2, [], column).notes[0]![0];

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

  it('clears the mark colour only under its own note: a user who picked that colour keeps it', () => {
    const { error, warning } = MARK_COLORS;
    const cleared = markBlock(
      [['Deal Pipeline › old', 'mine']],
      [[error.toUpperCase(), error]],
      2,
      [],
      column,
    );
    expect(cleared.backgrounds).toEqual([[null, error]]);
    expect(cleared.notes).toEqual([['', 'mine']]);
    const untouched = markBlock([['', 'Deal Pipeline said so']], [[warning, error]], 2, [], column);
    expect(untouched.backgrounds).toEqual([[warning, error]]);
    expect(untouched.changed).toBe(false);
  });

  it('marks a cell the user coloured in a mark colour with a note that keeps the colour theirs', () => {
    const { error, warning } = MARK_COLORS;
    const marked = markBlock([['', 'call']], [['', warning]], 2, [problem(2, 'amount', 'error')], column);
    expect(marked.backgrounds[0]![1]).toBe(warning);
    expect(marked.notes[0]![1]).toBe(`${NOTE_PREFIX}amount is wrong\n${KEPT_COLOR_LINE}\n\ncall`);
    expect(userPartOf(marked.notes[0]![1]!)).toBe('call');
    const again = markBlock(marked.notes, [['', warning]], 2, [problem(2, 'amount', 'error')], column);
    expect(again.changed).toBe(false);
    const fixed = markBlock(marked.notes, [['', warning]], 2, [], column);
    expect(fixed.notes[0]![1]).toBe('call');
    expect(fixed.backgrounds[0]![1]).toBe(warning);
    const green = markBlock([['', '']], [['', '#00ff00']], 2, [problem(2, 'amount')], column);
    expect(green.notes[0]![1]).toBe(`${NOTE_PREFIX}amount is wrong`);
    expect(markBlock([['', '']], [['', error]], 2, [problem(2, 'amount')], column).notes[0]![1]).toBe(
      `${NOTE_PREFIX}amount is wrong\n${KEPT_COLOR_LINE}`,
    );
  });

  it('recolours its own mark when the problem turns from a warning to an error', () => {
    const note = `${NOTE_PREFIX}amount is wrong`;
    const block = markBlock([['', note]], [['', MARK_COLORS.warning]], 2, [problem(2, 'amount')], column);
    expect(block.backgrounds[0]![1]).toBe(MARK_COLORS.error);
    expect(block.notes[0]![1]).toBe(note);
  });

  it('reads the user part of a note: below our lines and one blank line, or the whole note', () => {
    expect(userPartOf(`${NOTE_PREFIX}a\n${NOTE_PREFIX}b\n\nmine\n\nmore`)).toBe('mine\n\nmore');
    expect(userPartOf(`${NOTE_PREFIX}a\nmine`)).toBe('mine');
    expect(userPartOf(`${NOTE_PREFIX}a`)).toBe('');
    expect(userPartOf(`mine\n${NOTE_PREFIX}a`)).toBe(`mine\n${NOTE_PREFIX}a`);
    expect(userPartOf('\nmine')).toBe('\nmine');
  });

  it('marks column A too, and ignores problems outside the block or without a column', () => {
    const first = (p: DealProblem) => (p.field === 'deal' ? 0 : column(p));
    const block = markBlock(
      [['', '', '']],
      [['', '', '']],
      5,
      [problem(5, 'deal'), problem(4, 'amount'), problem(6, 'amount'), problem(5, 'stage')],
      first,
    );
    expect(block.notes).toEqual([[`${NOTE_PREFIX}deal is wrong`, '', '']]);
    expect(block.backgrounds).toEqual([[MARK_COLORS.error, null, null]]);
  });

  it('colours a cell with problems of both kinds as an error, and says each thing once', () => {
    const block = markBlock(
      [['', '']],
      [['', '']],
      2,
      [problem(2, 'amount', 'warning'), problem(2, 'amount', 'error'), problem(2, 'amount', 'warning')],
      column,
    );
    expect(block.notes[0]![1]).toBe(`${NOTE_PREFIX}amount is wrong`);
    expect(block.backgrounds[0]![1]).toBe(MARK_COLORS.error);
  });

  it('counts a blank, white or missing background as none', () => {
    const block = markBlock(
      [['', '', '']],
      [['', 'White']],
      2,
      [problem(2, 'amount'), problem(2, 'email')],
      column,
    );
    expect(block.backgrounds).toEqual([[null, MARK_COLORS.error, MARK_COLORS.error]]);
    expect(markBlock([['', '']], [], 2, [], column)).toEqual({
      notes: [['', '']],
      backgrounds: [[null, null]],
      changed: false,
    });
  });

  it('says it changed when only the note or only the colour differs', () => {
    const note = `${NOTE_PREFIX}amount is wrong`;
    expect(markBlock([['', note]], [['', '']], 2, [problem(2, 'amount')], column).changed).toBe(true);
    expect(
      markBlock([['', `${NOTE_PREFIX}old`]], [['', MARK_COLORS.error]], 2, [problem(2, 'amount')], column)
        .changed,
    ).toBe(true);
  });

  it('says nothing changed when the block already looks right', () => {
    expect(markBlock([['', 'a note']], [['#ffffff', '#ffffff']], 2, [], column).changed).toBe(false);
  });
});
