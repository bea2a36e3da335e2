import { describe, expect, it } from 'vitest';

import type { SettingsCell } from '../../src/core/defaults';
import { DEFAULT_STAGE_ROWS } from '../../src/core/defaults';
import { DEFAULT_STAGE_TABLE, parseStageTable, stageTableRows } from '../../src/core/stage-table';
import type { StageTable } from '../../src/core/types';
import type { Row } from './settings-helpers';
import { settingsSheet, withCell, withDuplicateLead } from './settings-helpers';

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

  it('accepts probabilities as 0.25, "25%" and "\'25%"', () => {
    for (const value of [0.25, '25%', "'25%"]) {
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
    const { table, problems } = parseStageTable(withCell(2, 1, 150));
    expect(table).toBeNull();
    expect(problems).toEqual([
      {
        cell: 'Settings!B3',
        message:
          'Settings!B3: Probability must be a percentage from 0 % to 100 % (such as 25% or 0.25), not 150 (15000 %).',
        severity: 'error',
      },
    ]);
  });

  it('reports 150 % as an error at its cell, typed as text or held as the number Sheets makes of it', () => {
    const allowed = 'must be a percentage from 0 % to 100 % (such as 25% or 0.25)';
    expect(parseStageTable(withCell(3, 1, 1.5)).problems.map((p) => p.message)).toEqual([
      `Settings!B4: Probability ${allowed}, not 1.5 (150 %).`,
    ]);
    expect(parseStageTable(withCell(3, 1, '150%')).problems.map((p) => p.message)).toEqual([
      `Settings!B4: Probability ${allowed}, not "150%".`,
    ]);
  });

  it('still checks a probability given to a won or lost stage', () => {
    expect(parseStageTable(withCell(6, 1, 1.5)).problems.map((p) => p.cell)).toEqual(['Settings!B7']);
    expect(parseStageTable(withCell(5, 1, '90%')).table?.stages[4]?.probability).toBe(0.9);
  });

  it('fills a blank Forecast Category of a lost stage with Omitted', () => {
    expect(parseStageTable(withCell(6, 3, '')).table?.stages[5]?.forecastCategory).toBe('Omitted');
  });

  it('lists a stage or a field named twice in Next Stages or Required Fields once', () => {
    const rows = withCell(1, 4, 'Qualified, qualified; Closed Lost');
    (rows[1] as Row)[5] = 'Deal, deal, DEAL, Owner';
    const lead = parseStageTable(rows).table?.stages[0];
    expect(lead?.nextStages).toEqual(['Qualified', 'Closed Lost']);
    expect(lead?.requiredFields).toEqual(['deal', 'owner']);
  });

  it('needs a probability for an open stage only', () => {
    expect(parseStageTable(withCell(1, 1, '')).problems.map((p) => p.message)).toEqual([
      'Settings!B2: Probability of "Lead" is missing: give a percentage from 0 % to 100 %.',
    ]);
    const lostBlank = withCell(6, 1, '');
    expect(parseStageTable(lostBlank).table?.stages[5]?.probability).toBe(0);
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
    expect(problems[0]).toEqual({
      cell: 'Settings!A3',
      message: 'Settings!A3: this row has stage settings but no Stage name; name the stage or clear the row.',
      severity: 'error',
    });
    // Other stages listing the nameless one now point at a stage that does not exist.
    expect(problems.map((p) => p.cell)).toContain('Settings!E2');
  });

  it('reports a missing header, naming it and suggesting Set up sheets', () => {
    const rows = withCell(0, 2, 'Type');
    const { table, problems } = parseStageTable(rows);
    expect(table).toBeNull();
    expect(problems).toEqual([
      {
        cell: 'Settings!A1',
        message:
          'Settings!A1: the stage table has no "Kind" column. Row 1 of Settings needs the headers Stage | Probability | Kind | Forecast Category | Next Stages | Required Fields | Stale After Days; run Deal Pipeline › Set up sheets to add them.',
        severity: 'error',
      },
    ]);
    const twoMissing = withCell(0, 2, 'Type');
    (twoMissing[0] as Row)[6] = 'Stale';
    expect(parseStageTable(twoMissing).problems[0]?.message).toMatch(
      /^Settings!A1: the stage table has no "Kind", "Stale After Days" column\./,
    );
  });

  it('reports a table without stages, or without an open stage for new deals', () => {
    expect(parseStageTable([DEFAULT_STAGE_ROWS[0] as Row]).problems).toEqual([
      {
        cell: 'Settings!A2',
        message: 'Settings!A2: the stage table has no stages; list them from row 2, in pipeline order.',
        severity: 'error',
      },
    ]);
    const closedOnly = [
      DEFAULT_STAGE_ROWS[0] as Row,
      DEFAULT_STAGE_ROWS[5] as Row,
      DEFAULT_STAGE_ROWS[6] as Row,
    ];
    closedOnly[2] = [...(closedOnly[2] as Row)];
    closedOnly[2][4] = '';
    expect(parseStageTable(closedOnly).problems.map((p) => p.message)).toEqual([
      'Settings!C1: no stage has Kind "open", so a new deal has nowhere to start.',
    ]);
  });
});

describe('writing a stage table back as rows', () => {
  it('writes the default table as exactly the rows Set up sheets writes', () => {
    expect(stageTableRows(DEFAULT_STAGE_TABLE)).toEqual(DEFAULT_STAGE_ROWS);
  });

  it('writes rows that parse to the same table: anywhere, blank stale days, renamed stages', () => {
    const rows: Row[] = [
      [...(DEFAULT_STAGE_ROWS[0] as Row)],
      ['Discovery', '20%', 'open', '', 'Demo; lost', 'deal', 10],
      ['Demo', 0.4, 'open', 'best case', '*', 'Deal, Amount, Close Date', ''],
      ['Signed', '', 'won', '', '', 'Amount', ''],
      ['Lost', 0, 'lost', 'Omitted', 'Discovery', '', 30],
    ];
    const { table } = parseStageTable(rows);
    expect(table).not.toBeNull();
    const written = stageTableRows(table as StageTable);
    expect(written).toEqual([
      [...(DEFAULT_STAGE_ROWS[0] as Row)],
      ['Discovery', 0.2, 'open', 'Pipeline', 'Demo, Lost', 'Deal', 10],
      ['Demo', 0.4, 'open', 'Best Case', '*', 'Deal, Amount, Close Date', ''],
      ['Signed', 1, 'won', 'Closed', '', 'Amount', ''],
      ['Lost', 0, 'lost', 'Omitted', 'Discovery', '', 30],
    ]);
    expect(parseStageTable(written)).toEqual({ table, problems: [] });
  });
});
