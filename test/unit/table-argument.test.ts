import { describe, expect, it } from 'vitest';

import { isOmitted, stageTableArgument } from '../../src/core/functions/table-argument';
import { stageTableRows } from '../../src/core/settings';
import { DEFAULT_STAGE_TABLE } from '../../src/core/stage-table';

describe('the optional stage_table argument', () => {
  it('is left out when undefined, null or blank, never when it holds a value', () => {
    expect(isOmitted(undefined)).toBe(true);
    expect(isOmitted(null)).toBe(true);
    expect(isOmitted('')).toBe(true);
    expect(isOmitted(0)).toBe(false);
    expect(isOmitted(' ')).toBe(false);
    expect(isOmitted([['']])).toBe(false);
    expect(stageTableArgument('F', undefined)).toBeNull();
    expect(stageTableArgument('F', '')).toBeNull();
  });

  it('reads a range holding the stage table, with blank rows after it', () => {
    const rows = [...stageTableRows(DEFAULT_STAGE_TABLE), ['', '', '', '', '', '', '']];
    const table = stageTableArgument('F', rows);
    expect(table?.stages.map((stage) => [stage.name, stage.probability])).toEqual(
      DEFAULT_STAGE_TABLE.stages.map((stage) => [stage.name, stage.probability]),
    );
  });

  it('refuses a single cell or a 1-D list, naming the function and what to give', () => {
    const message = 'F: stage_table must be the Settings stage table as a range, such as Settings!A1:G.';
    expect(() => stageTableArgument('F', 'Settings')).toThrow(message);
    expect(() => stageTableArgument('F', ['Stage', 'Probability'])).toThrow(message);
    expect(() => stageTableArgument('F', 3)).toThrow(message);
  });

  it('refuses a broken table with its first error and its cell', () => {
    const rows = stageTableRows(DEFAULT_STAGE_TABLE).map((row) => [...row]);
    rows[2]![1] = 'lots';
    rows[3]![2] = 'maybe';
    expect(() => stageTableArgument('WIN_RATE', rows)).toThrow(
      'WIN_RATE: stage_table is not a valid stage table. Settings!B3: Probability must be a percentage from 0 % to 100 % (such as 25% or 0.25), not "lots".',
    );
    try {
      stageTableArgument('WIN_RATE', rows);
    } catch (error) {
      expect((error as Error).name).toBe('ArgumentError');
    }
  });

  it('refuses a range without the stage headers', () => {
    expect(() => stageTableArgument('F', [['a', 'b']])).toThrow(
      /^F: stage_table is not a valid stage table\. .+/,
    );
  });
});
