/**
 * The marks log's text (issue 12): which cells may carry a mark, by deal ID and field, written so
 * that reading it back gives the same cells, and so that anything the add-on did not write, or a
 * mark it could not name, sends Validate all deals back to reading every note.
 */
import { describe, expect, it } from 'vitest';

import type { DealFieldKey } from '../../src/core/columns';
import { DEAL_FIELDS } from '../../src/core/columns';
import type { MarkEntry } from '../../src/core/marks-log';
import { entriesOf, loggedCells, logLines, parseLog } from '../../src/core/marks-log';

const entry = (id: string, field: DealFieldKey): MarkEntry => ({ id, field });

describe('logLines', () => {
  it('writes each cell once, sorted, on one line; no line for no entry', () => {
    expect(
      logLines([
        entry('D-0002', 'amount'),
        entry('D-0001', 'email'),
        entry('D-0002', 'amount'),
        entry('D-0001', 'closeDate'),
      ]),
    ).toEqual(['D-0001:closeDate D-0001:email D-0002:amount']);
    expect(logLines([])).toEqual([]);
  });

  it('writes "*" for a deal it cannot name: no ID, spaces, or a first character a formula could start with', () => {
    for (const id of ['', 'D 1', '=D-1', '-1', '+1', 'a:b']) {
      expect(logLines([entry(id, 'amount'), entry('D-0001', 'amount')])).toEqual(['* D-0001:amount']);
    }
    expect(logLines([entry('1.5_x-y', 'amount')])).toEqual(['1.5_x-y:amount']);
  });

  it('starts a new line before one would pass 40,000 characters, and never splits an entry', () => {
    // "D-00000:amount" is 14 characters: 2,667 of them and the spaces make 40,003.
    const entries = Array.from({ length: 2_667 }, (_, i) =>
      entry(`D-${String(i).padStart(5, '0')}`, 'amount'),
    );
    const lines = logLines(entries);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.length).toBeLessThanOrEqual(40_000);
    expect(lines[0]!.length).toBeGreaterThan(39_980);
    expect(lines[1]).toBe('D-02666:amount');
    expect(lines.join(' ').split(' ')).toHaveLength(2_667);
    // 2,666 entries make 39,989 characters; one of 10 more (and its space) makes exactly 40,000.
    const first = Array.from({ length: 2_666 }, (_, i) => entry(`D-${String(i).padStart(5, '0')}`, 'amount'));
    expect(logLines([...first, entry('D-99', 'email')]).map((line) => line.length)).toEqual([40_000]);
    expect(logLines([...first, entry('D-999', 'email')]).map((line) => line.length)).toEqual([39_989, 11]);
  });
});

describe('parseLog', () => {
  it('reads back what logLines wrote, over several lines', () => {
    const log = parseLog(['D-0001:closeDate D-0001:email', '', 'D-0002:amount  D-0001:email']);
    expect(log.anywhere).toBe(false);
    expect([...log.fields].map(([id, fields]) => [id, [...fields].sort()])).toEqual([
      ['D-0001', ['closeDate', 'email']],
      ['D-0002', ['amount']],
    ]);
  });

  it('says anywhere for "*", an unknown field, a word without a colon, or an ID it would not write', () => {
    for (const line of ['*', 'D-0001:colour', 'D-0001', ':amount', '=x:amount', 'D-0001:amount *']) {
      expect(parseLog(['D-0002:email', line]).anywhere).toBe(true);
    }
    expect(parseLog([]).anywhere).toBe(false);
    expect(parseLog([]).fields.size).toBe(0);
  });

  it('takes the last colon as the one before the field', () => {
    expect(parseLog(['D-1:x:amount']).anywhere).toBe(true);
  });
});

describe('loggedCells', () => {
  const placed: Partial<Record<DealFieldKey, number>> = { email: 4, amount: 8, closeDate: 10 };
  const columns = Object.fromEntries(
    DEAL_FIELDS.map((field) => [field.key, placed[field.key] ?? -1]),
  ) as Record<DealFieldKey, number>;

  it('names each logged field of every row known by a logged ID, in the columns the sheet has', () => {
    const log = parseLog(['D-0001:email D-0001:phone D-0002:amount D-0003:closeDate']);
    const cells = loggedCells(
      log,
      [['D-0001', 'D-0001'], ['D-0002', 'D-0009'], ['D-0004'], ['D-0001', 'D-0003'], ['']],
      columns,
    );
    // Phone: the sheet has no such column, and so no mark there.
    expect(cells).toEqual([
      [0, 4],
      [1, 8],
      [3, 4],
      [3, 10],
    ]);
  });
});

describe('entriesOf', () => {
  it('gives each problem its row’s ID, leaves out fields without a column, and "" for a row without one', () => {
    const problems = [
      { row: 2, field: 'amount' as const },
      { row: 3, field: 'phone' as const },
      { row: 4, field: 'email' as const },
    ];
    const ids = new Map([
      [2, 'D-0001'],
      [3, 'D-0002'],
    ]);
    const columns = Object.fromEntries(
      DEAL_FIELDS.map((field, i) => [field.key, field.key === 'phone' ? -1 : i]),
    );
    expect(entriesOf(problems, ids, columns as Record<DealFieldKey, number>)).toEqual([
      { id: 'D-0001', field: 'amount' },
      { id: '', field: 'email' },
    ]);
  });
});
