import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTION_ROWS, DEFAULT_STAGE_ROWS } from '../../src/core/defaults';
import type { SettingsCell } from '../../src/core/defaults';
import {
  DEFAULT_OPTIONS,
  DEFAULT_STAGE_TABLE,
  loadSettings,
  parseOptions,
  parseStageTable,
} from '../../src/core/settings';

type Row = SettingsCell[];

/** The default Settings sheet as "Set up sheets" writes it: stages from A1, options from I1. */
function settingsSheet(stageRows = DEFAULT_STAGE_ROWS, optionRows = DEFAULT_OPTION_ROWS): Row[] {
  const height = Math.max(stageRows.length, optionRows.length);
  return Array.from({ length: height }, (_, r) => {
    const stage = [...(stageRows[r] ?? ['', '', '', '', '', '', ''])];
    return [...stage, '', ...(optionRows[r] ?? ['', ''])];
  });
}

/** The default stage rows with one cell changed (row and column 0-based, header = row 0). */
function withCell(row: number, column: number, value: SettingsCell): Row[] {
  const rows = DEFAULT_STAGE_ROWS.map((r) => [...r]);
  (rows[row] as Row)[column] = value;
  return rows;
}

/** The default stage rows with a second "Lead" row appended (row 8 of the sheet). */
function withDuplicateLead(): Row[] {
  return [...DEFAULT_STAGE_ROWS.map((r) => [...r]), ['lead', 0.1, 'open', 'Pipeline', '', '', '']];
}

describe('the default stage table', () => {
  it('is the stage table of SPEC §1, in pipeline order', () => {
    expect(
      DEFAULT_STAGE_TABLE.stages.map((s) => [s.name, s.probability, s.kind, s.forecastCategory]),
    ).toEqual([
      ['Lead', 0.1, 'open', 'Pipeline'],
      ['Qualified', 0.25, 'open', 'Pipeline'],
      ['Proposal', 0.5, 'open', 'Best Case'],
      ['Negotiation', 0.75, 'open', 'Commit'],
      ['Closed Won', 1, 'won', 'Closed'],
      ['Closed Lost', 0, 'lost', 'Omitted'],
    ]);
  });

  it('reads Next Stages, Required Fields and Stale After Days', () => {
    const [lead, , proposal, , won, lost] = DEFAULT_STAGE_TABLE.stages;
    expect(lead?.nextStages).toEqual(['Qualified', 'Closed Lost']);
    expect(won?.nextStages).toEqual([]);
    expect(lost?.nextStages).toEqual(['Lead']);
    expect(proposal?.requiredFields).toEqual(['deal', 'company', 'owner', 'email', 'amount', 'closeDate']);
    expect(lost?.requiredFields).toEqual(['deal', 'company', 'owner', 'lostReason']);
    expect(lead?.staleAfterDays).toBe(14);
    expect(won?.staleAfterDays).toBeNull();
  });

  it('has the default options of SPEC §1', () => {
    expect(DEFAULT_OPTIONS).toEqual({
      currency: 'USD',
      reminderHour: 8,
      reminderLeadDays: 0,
      summaryMonths: 6,
      quarterlyTarget: null,
      fiscalYearStartMonth: 1,
      managerEmail: null,
    });
  });
});

describe('reading the stage table', () => {
  it('finds its columns by header, whatever their order, case and spacing', () => {
    const order = [6, 0, 3, 1, 5, 2, 4];
    const rows = DEFAULT_STAGE_ROWS.map((row) => order.map((i) => row[i] as SettingsCell));
    rows[0] = rows[0]!.map((header) => `  ${String(header).toUpperCase()} `);
    const { table, problems } = parseStageTable(rows);
    expect(problems).toEqual([]);
    expect(table).toEqual(DEFAULT_STAGE_TABLE);
  });

  it('accepts probabilities as 0.25, 25, "25%" and "\'25%"', () => {
    for (const value of [0.25, 25, '25%', "'25%"]) {
      expect(parseStageTable(withCell(2, 1, value)).table?.stages[1]?.probability).toBe(0.25);
    }
  });

  it('follows stage names typed in another case in Next Stages, keeping the table spelling', () => {
    const { table } = parseStageTable(withCell(1, 4, ' qualified ;CLOSED LOST'));
    expect(table?.stages[0]?.nextStages).toEqual(['Qualified', 'Closed Lost']);
  });

  it('reads * as anywhere and blank as nowhere', () => {
    expect(parseStageTable(withCell(1, 4, '*')).table?.stages[0]?.nextStages).toBe('*');
    expect(parseStageTable(withCell(1, 4, '')).table?.stages[0]?.nextStages).toEqual([]);
  });

  it('fills a blank Forecast Category from the Kind, and a blank won or lost probability', () => {
    const rows = withCell(5, 3, '');
    (rows[5] as Row)[1] = '';
    const won = parseStageTable(rows).table?.stages[4];
    expect(won?.forecastCategory).toBe('Closed');
    expect(won?.probability).toBe(1);
  });

  it('skips blank rows between stages and beside a longer options table', () => {
    const rows = settingsSheet();
    rows.splice(3, 0, ['', '', '', '', '', '', '', '', 'Extra', 'row']);
    const { table, problems } = parseStageTable(rows);
    expect(problems).toEqual([]);
    expect(table?.stages).toHaveLength(6);
  });

  it('reports a duplicate stage at the cell of the second one', () => {
    const { table, problems } = parseStageTable(withDuplicateLead());
    expect(table).toBeNull();
    expect(problems).toEqual([
      expect.objectContaining({
        cell: 'Settings!A8',
        message: 'Settings!A8: Stage "lead" is listed twice (also in row 2); stage names must be unique.',
        severity: 'error',
      }),
    ]);
  });

  it('reports a probability outside 0–100 % with the cell and what is allowed', () => {
    const { problems } = parseStageTable(withCell(2, 1, 150));
    expect(problems).toEqual([
      {
        cell: 'Settings!B3',
        message:
          'Settings!B3: Probability must be a percentage from 0 % to 100 % (such as 25 %, 25 or 0.25), not 150.',
        severity: 'error',
      },
    ]);
  });

  it('reports an unknown Kind', () => {
    const { problems } = parseStageTable(withCell(4, 2, 'maybe'));
    expect(problems.map((p) => p.message)).toEqual([
      'Settings!C5: Kind must be open, won or lost, not "maybe".',
    ]);
  });

  it('reports a Next Stage that is not a stage, listing the stages', () => {
    const { problems } = parseStageTable(withCell(1, 4, 'Qualified, Demo'));
    expect(problems.map((p) => p.message)).toEqual([
      'Settings!E2: Next Stages lists "Demo", which is not a stage. Allowed: Lead, Qualified, Proposal, Negotiation, Closed Won, Closed Lost, * (blank = nowhere).',
    ]);
  });

  it('reports an unknown required field, listing the Deals columns', () => {
    const { problems } = parseStageTable(withCell(2, 5, 'Deal, Budget'));
    expect(problems[0]?.cell).toBe('Settings!F3');
    expect(problems[0]?.message).toMatch(
      /^Settings!F3: Required Fields lists "Budget", which is not a Deals column\. Allowed: ID, Deal, Company/,
    );
  });

  it('reports a Stale After Days that is not a whole number of days', () => {
    const { problems } = parseStageTable(withCell(1, 6, 'two weeks'));
    expect(problems.map((p) => p.message)).toEqual([
      'Settings!G2: Stale After Days must be a whole number ≥ 1, not "two weeks" (blank = never stale).',
    ]);
  });

  it('reports an unknown Forecast Category, listing the categories', () => {
    const { problems } = parseStageTable(withCell(1, 3, 'Upside'));
    expect(problems.map((p) => p.message)).toEqual([
      'Settings!D2: Forecast Category must be one of Pipeline, Best Case, Commit, Closed, Omitted, not "Upside".',
    ]);
  });

  it('reports every problem at once, each at its own cell', () => {
    const rows = withCell(1, 2, 'maybe');
    (rows[2] as Row)[1] = -5;
    (rows[3] as Row)[6] = 'x';
    expect(parseStageTable(rows).problems.map((p) => p.cell)).toEqual([
      'Settings!C2',
      'Settings!B3',
      'Settings!G4',
    ]);
  });

  it('reports a stage row without a name', () => {
    const { problems } = parseStageTable(withCell(2, 0, ''));
    expect(problems[0]?.cell).toBe('Settings!A3');
    // Other stages listing the nameless one now point at a stage that does not exist.
    expect(problems.map((p) => p.cell)).toContain('Settings!E2');
  });

  it('reports a missing header, naming it and suggesting Set up sheets', () => {
    const rows = withCell(0, 2, 'Type');
    const { table, problems } = parseStageTable(rows);
    expect(table).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('no "Kind" column');
    expect(problems[0]?.message).toContain('Set up sheets');
  });

  it('reports a table without stages, or without an open stage for new deals', () => {
    expect(parseStageTable([DEFAULT_STAGE_ROWS[0] as Row]).problems[0]?.cell).toBe('Settings!A2');
    const closedOnly = [
      DEFAULT_STAGE_ROWS[0] as Row,
      DEFAULT_STAGE_ROWS[5] as Row,
      DEFAULT_STAGE_ROWS[6] as Row,
    ];
    closedOnly[2] = [...(closedOnly[2] as Row)];
    (closedOnly[2] as Row)[4] = '';
    expect(parseStageTable(closedOnly).problems.map((p) => p.message)).toEqual([
      'Settings!C1: no stage has Kind "open", so a new deal has nowhere to start.',
    ]);
  });
});

describe('reading the options', () => {
  it('finds the Option | Value table by its header anywhere in row 1', () => {
    const rows = DEFAULT_STAGE_ROWS.map((row, r) => [
      ...row,
      '',
      '',
      '',
      ...(r === 0 ? ['option', 'VALUE'] : r === 1 ? ['Reminder Hour', 17] : ['', '']),
    ]);
    const { options, problems } = parseOptions(rows);
    expect(problems).toEqual([]);
    expect(options.reminderHour).toBe(17);
    expect(options.currency).toBe('USD');
  });

  it('reads every option of SPEC §1', () => {
    const { options, problems } = parseOptions(
      settingsSheet(DEFAULT_STAGE_ROWS, [
        ['Option', 'Value'],
        ['Currency', 'EUR'],
        ['Reminder Hour', 7],
        ['Reminder Lead Days', 2],
        ['Summary Months', 12],
        ['Quarterly Target', '$250,000'],
        ['Fiscal Year Start Month', 'April'],
        ['Manager Email', 'boss@example.com'],
      ]),
    );
    expect(problems).toEqual([]);
    expect(options).toEqual({
      currency: 'EUR',
      reminderHour: 7,
      reminderLeadDays: 2,
      summaryMonths: 12,
      quarterlyTarget: 250_000,
      fiscalYearStartMonth: 4,
      managerEmail: 'boss@example.com',
    });
  });

  it('keeps the default of an option that is missing or blank', () => {
    const { options } = parseOptions(
      settingsSheet(DEFAULT_STAGE_ROWS, [
        ['Option', 'Value'],
        ['Currency', ''],
      ]),
    );
    expect(options).toEqual(DEFAULT_OPTIONS);
  });

  it('reports a bad value at its cell and keeps that option at its default', () => {
    const { options, problems } = parseOptions(
      settingsSheet(DEFAULT_STAGE_ROWS, [
        ['Option', 'Value'],
        ['Reminder Hour', 25],
        ['Manager Email', 'the boss'],
        ['Quarterly Target', 0],
      ]),
    );
    expect(options).toEqual(DEFAULT_OPTIONS);
    expect(problems.map((p) => [p.cell, p.severity])).toEqual([
      ['Settings!J2', 'error'],
      ['Settings!J3', 'error'],
      ['Settings!J4', 'error'],
    ]);
    expect(problems[0]?.message).toBe(
      'Settings!J2: Reminder Hour must be a whole number from 0 to 23, not 25; using 8 until it is fixed.',
    );
  });

  it('warns about an option it does not know and about a repeated one', () => {
    const { problems } = parseOptions(
      settingsSheet(DEFAULT_STAGE_ROWS, [
        ['Option', 'Value'],
        ['Colour', 'blue'],
        ['Currency', 'EUR'],
        ['currency', 'GBP'],
      ]),
    );
    expect(problems.map((p) => [p.cell, p.severity])).toEqual([
      ['Settings!I2', 'warning'],
      ['Settings!I4', 'warning'],
    ]);
  });

  it('warns, and uses the default options, when there is no options table', () => {
    const { options, problems } = parseOptions(DEFAULT_STAGE_ROWS);
    expect(options).toEqual(DEFAULT_OPTIONS);
    expect(problems).toEqual([expect.objectContaining({ cell: 'Settings!I1', severity: 'warning' })]);
  });
});

describe('loading the settings in force', () => {
  it('uses the sheet when its stage table is valid', () => {
    const settings = loadSettings(settingsSheet());
    expect(settings.source).toBe('sheet');
    expect(settings.table).toEqual(DEFAULT_STAGE_TABLE);
    expect(settings.problems).toEqual([]);
    expect(settings.notice).toBeNull();
  });

  it('uses the defaults, and says so, when there is no Settings sheet', () => {
    const settings = loadSettings(null);
    expect(settings.source).toBe('no-sheet');
    expect(settings.table).toBe(DEFAULT_STAGE_TABLE);
    expect(settings.options).toBe(DEFAULT_OPTIONS);
    expect(settings.notice).toContain('Set up sheets');
  });

  it('uses the defaults, and says so, while the sheet stage table is broken', () => {
    const rows = settingsSheet(withDuplicateLead());
    const settings = loadSettings(rows);
    expect(settings.source).toBe('defaults');
    expect(settings.table).toBe(DEFAULT_STAGE_TABLE);
    expect(settings.problems.map((p) => p.cell)).toEqual(['Settings!A8']);
    expect(settings.notice).toBe(
      'The Settings stage table has 1 problem, so the default stages apply until it is fixed. Settings!A8: Stage "lead" is listed twice (also in row 2); stage names must be unique.',
    );
  });

  it('keeps the last valid stage table, when the caller has one, while the sheet is broken', () => {
    const lastValid = parseStageTable(withCell(1, 1, 0.15)).table;
    expect(lastValid).not.toBeNull();
    const broken = withCell(1, 1, 0.15);
    (broken[2] as Row)[2] = 'maybe';
    const settings = loadSettings(settingsSheet(broken), lastValid ?? undefined);
    expect(settings.source).toBe('last-valid');
    expect(settings.table).toBe(lastValid);
    expect(settings.notice).toContain('the last valid stage table');
  });

  it('still reads the options when the stage table is broken', () => {
    const settings = loadSettings(
      settingsSheet(withCell(1, 2, 'maybe'), [
        ['Option', 'Value'],
        ['Currency', 'EUR'],
      ]),
    );
    expect(settings.source).toBe('defaults');
    expect(settings.options.currency).toBe('EUR');
  });

  it('takes a renamed and extended stage table as the single source of truth', () => {
    const rows: Row[] = [
      [...(DEFAULT_STAGE_ROWS[0] as Row)],
      ['Discovery', '20%', 'open', 'Pipeline', 'Demo, Lost', 'Deal', 10],
      ['Demo', 40, 'Open', 'best case', 'Signed, Lost, Discovery', 'Deal, Amount', ''],
      ['Signed', 1, 'won', 'Closed', '', 'Deal, Amount, Close Date', ''],
      ['Lost', 0, 'lost', 'Omitted', '*', 'Deal, Lost Reason', ''],
    ];
    const settings = loadSettings(rows);
    expect(settings.source).toBe('sheet');
    expect(settings.table.stages.map((s) => s.name)).toEqual(['Discovery', 'Demo', 'Signed', 'Lost']);
    expect(settings.table.stages[1]).toMatchObject({
      probability: 0.4,
      kind: 'open',
      forecastCategory: 'Best Case',
    });
  });
});
