import { describe, expect, it } from 'vitest';

import { DEFAULT_STAGE_ROWS } from '../../src/core/defaults';
import { DEFAULT_OPTIONS } from '../../src/core/options';
import { loadSettings } from '../../src/core/settings';
import { DEFAULT_STAGE_TABLE, parseStageTable } from '../../src/core/stage-table';
import type { StageTable } from '../../src/core/types';
import type { Row } from './settings-helpers';
import { settingsSheet, withCell, withDuplicateLead } from './settings-helpers';

/** The team's own table, kept from the last time their Settings parsed cleanly. */
const TEAM_TABLE = parseStageTable(withCell(1, 1, 0.15)).table as StageTable;

describe('loading the settings in force', () => {
  it('uses the sheet when its stage table is valid', () => {
    const settings = loadSettings(settingsSheet(), TEAM_TABLE);
    expect(settings.source).toBe('sheet');
    expect(settings.table).toEqual(DEFAULT_STAGE_TABLE);
    expect(settings.problems).toEqual([]);
    expect(settings.notice).toBeNull();
  });

  it('uses the defaults, and says so, when there is no Settings sheet and no table was kept', () => {
    const settings = loadSettings(null);
    expect(settings).toEqual({
      table: DEFAULT_STAGE_TABLE,
      options: DEFAULT_OPTIONS,
      problems: [],
      source: 'defaults',
      notice:
        'There is no Settings sheet, so the default stages apply, with the default options. Rename the tab back to "Settings", or run Deal Pipeline › Set up sheets to create it.',
    });
  });

  it("keeps the team's last valid table when the Settings tab is missing or renamed", () => {
    const settings = loadSettings(null, TEAM_TABLE);
    expect(settings.source).toBe('last-valid');
    expect(settings.table).toBe(TEAM_TABLE);
    expect(settings.options).toBe(DEFAULT_OPTIONS);
    expect(settings.problems).toEqual([]);
    expect(settings.notice).toBe(
      'There is no Settings sheet, so the last valid stage table applies, with the default options. Rename the tab back to "Settings", or run Deal Pipeline › Set up sheets to write that table into a new one.',
    );
  });

  it("keeps the team's last valid table when the Settings sheet is empty", () => {
    for (const empty of [
      [],
      [['']],
      [
        ['', '  '],
        ['', ''],
      ],
    ]) {
      const settings = loadSettings(empty, TEAM_TABLE);
      expect(settings).toEqual({
        table: TEAM_TABLE,
        options: DEFAULT_OPTIONS,
        problems: [],
        source: 'last-valid',
        notice:
          'The Settings sheet is empty, so the last valid stage table applies, with the default options. Run Deal Pipeline › Set up sheets to write that table back.',
      });
    }
    expect(loadSettings([['']]).notice).toBe(
      'The Settings sheet is empty, so the default stages apply, with the default options. Run Deal Pipeline › Set up sheets to write the default stages and options.',
    );
    expect(loadSettings([['']]).source).toBe('defaults');
  });

  it('reads a sheet with only an options table as a broken stage table, not an empty sheet', () => {
    const settings = loadSettings([['', 'Option', 'Value']], TEAM_TABLE);
    expect(settings.source).toBe('last-valid');
    expect(settings.notice).toBe(
      'The Settings stage table has 1 problem, so the last valid stage table applies until it is fixed.',
    );
  });

  it('uses the defaults while the stage table is broken, counting the problems without repeating them', () => {
    const settings = loadSettings(settingsSheet(withDuplicateLead()));
    expect(settings.source).toBe('defaults');
    expect(settings.table).toBe(DEFAULT_STAGE_TABLE);
    expect(settings.problems.map((p) => p.message)).toEqual([
      'Settings!A8: Stage "lead" is listed twice (also in row 2); stage names must be unique.',
    ]);
    expect(settings.notice).toBe(
      'The Settings stage table has 1 problem, so the default stages apply until it is fixed.',
    );
  });

  it('keeps the last valid stage table, when the caller has one, while the sheet is broken', () => {
    const broken = withCell(1, 1, 0.15);
    (broken[2] as Row)[2] = 'maybe';
    (broken[3] as Row)[1] = 1.5;
    const settings = loadSettings(settingsSheet(broken), TEAM_TABLE);
    expect(settings.source).toBe('last-valid');
    expect(settings.table).toBe(TEAM_TABLE);
    expect(settings.problems.map((p) => p.cell)).toEqual(['Settings!C3', 'Settings!B4']);
    expect(settings.notice).toBe(
      'The Settings stage table has 2 problems, so the last valid stage table applies until they are fixed.',
    );
  });

  it('still reads the options, and reports their problems, when the stage table is broken', () => {
    const settings = loadSettings(
      settingsSheet(withCell(1, 2, 'maybe'), [
        ['Option', 'Value'],
        ['Currency', 'EUR'],
        ['Reminder Hour', 25],
      ]),
    );
    expect(settings.source).toBe('defaults');
    expect(settings.options.currency).toBe('EUR');
    expect(settings.problems.map((p) => p.cell)).toEqual(['Settings!C2', 'Settings!J3']);
    expect(settings.notice).toBe(
      'The Settings stage table has 1 problem, so the default stages apply until it is fixed.',
    );
  });

  it('takes a renamed and extended stage table as the single source of truth', () => {
    const rows: Row[] = [
      [...(DEFAULT_STAGE_ROWS[0] as Row)],
      ['Discovery', '20%', 'open', 'Pipeline', 'Demo, Lost', 'Deal', 10],
      ['Demo', 0.4, 'Open', 'best case', 'Signed, Lost, Discovery', 'Deal, Amount', ''],
      ['Signed', 1, 'won', 'Closed', '', 'Deal, Amount, Close Date', ''],
      ['Lost', 0, 'lost', 'Omitted', '*', 'Deal, Lost Reason', ''],
    ];
    const settings = loadSettings(rows, TEAM_TABLE);
    expect(settings.source).toBe('sheet');
    expect(settings.table.stages.map((s) => s.name)).toEqual(['Discovery', 'Demo', 'Signed', 'Lost']);
    expect(settings.table.stages[1]).toMatchObject({
      probability: 0.4,
      kind: 'open',
      forecastCategory: 'Best Case',
    });
  });
});
