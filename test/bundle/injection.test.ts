/**
 * User text never becomes a formula (SPEC §4, Injection): deal names, owners and stage names that
 * Sheets would parse as formulas stay text in every cell the add-on writes them to. A user types
 * them with a leading apostrophe (as a form or an import delivers them: text in the cell).
 */
import { describe, expect, it } from 'vitest';

import { DEFAULT_STAGE_ROWS } from '../../src/core/defaults';
import { cell, col, deal, history, lastToast, rowOf, startWithDeals } from './deals';
import type { Addon } from './harness';
import { startAddon } from './harness';

const NAMES = ['=IMPORTXML("http://x","//a")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1)'];
const DASH_LEAD = '- Lead';

/** What a user types to get this text into a cell. */
const typed = (text: string) => `'${text}`;

function formulasWritten(started: Addon) {
  return started.emulator.workbook.scriptTextFormulas();
}

/** Set up, with "Lead" renamed "- Lead" throughout the stage table, typed by the user. */
function startWithDashedStages(): Addon {
  const started = startAddon();
  startWithDeals(started, []);
  const rows = DEFAULT_STAGE_ROWS.map((row) =>
    row.map((value) => {
      if (typeof value !== 'string') return value;
      const renamed = value.replace(/\bLead\b/g, DASH_LEAD);
      return renamed.startsWith('-') ? typed(renamed) : renamed;
    }),
  );
  started.emulator.workbook.userSetValues('Settings', 'A1', rows);
  return started;
}

describe('deal names that look like formulas', () => {
  it('stay text in History: Deal on a new deal and on an accepted move', () => {
    const started = startAddon();
    startWithDeals(
      started,
      NAMES.map((name, i) => deal(i + 1, { deal: typed(name) })),
    );
    NAMES.forEach((name, i) => expect(cell(started, 'deal', i + 2)).toBe(name));
    started.addon.edit(
      'Deals',
      `${col('stage')}2`,
      NAMES.map(() => ['Qualified']),
    );
    expect(history(started).map((row) => row.slice(2, 5))).toEqual([
      ...NAMES.map((name) => [name, '', 'Lead']),
      ...NAMES.map((name) => [name, 'Lead', 'Qualified']),
    ]);
    expect(formulasWritten(started)).toEqual([]);
  });

  it('stay text in the Summary lists of overdue follow-ups', () => {
    const started = startAddon();
    startWithDeals(
      started,
      NAMES.map((name, i) => deal(i + 1, { deal: typed(name), followUp: '2026-11-20' })),
    );
    started.addon.run('refreshSummary');
    const values = started.emulator.workbook.values('Summary');
    const at = values.findIndex((row) => row[0] === `Overdue follow-ups (${NAMES.length})`);
    expect(at).toBeGreaterThan(0);
    const listed = values.slice(at + 2, at + 2 + NAMES.length).map((row) => row[1]);
    expect([...listed].sort()).toEqual([...NAMES].sort());
    expect(formulasWritten(started)).toEqual([]);
  });
});

describe('a stage name that starts with "-"', () => {
  it('stays text in History From and To', () => {
    const started = startWithDashedStages();
    started.addon.edit('Deals', 'A2', [rowOf(deal(1, { stage: typed(DASH_LEAD) }))]);
    started.addon.edit('Deals', `${col('stage')}2`, [['Qualified']]);
    started.addon.edit('Deals', `${col('stage')}2`, [[typed(DASH_LEAD)]]);
    expect(history(started).map((row) => row.slice(3, 5))).toEqual([
      ['', DASH_LEAD],
      [DASH_LEAD, 'Qualified'],
      ['Qualified', DASH_LEAD],
    ]);
    expect(formulasWritten(started)).toEqual([]);
  });

  it('stays text in a Stage cell put back after an illegal move', () => {
    const started = startWithDashedStages();
    started.addon.edit('Deals', 'A2', [rowOf(deal(1, { stage: typed(DASH_LEAD) }))]);
    started.addon.edit('Deals', `${col('stage')}2`, [['Negotiation']]);
    expect(lastToast(started)).toContain(`${DASH_LEAD} → Negotiation is not allowed`);
    expect(cell(started, 'stage', 2)).toBe(DASH_LEAD);
    expect(started.emulator.workbook.formula('Deals', `${col('stage')}2`)).toBe('');
    expect(formulasWritten(started)).toEqual([]);
  });

  it('stays text in the Summary funnel', () => {
    const started = startWithDashedStages();
    started.addon.edit('Deals', 'A2', [rowOf(deal(1, { stage: typed(DASH_LEAD) }))]);
    started.addon.run('refreshSummary');
    const values = started.emulator.workbook.values('Summary');
    expect(values.some((row) => row[0] === DASH_LEAD)).toBe(true);
    expect(formulasWritten(started)).toEqual([]);
  });
});

describe('the Reminder Log', () => {
  it('keeps as text owners that are not addresses and an error message that looks like a formula', () => {
    const ann = 'ann@team.example';
    const error = '=HYPERLINK("http://x")';
    const owners = ['@SUM(A1)', '-2+3'];
    const started = startAddon();
    startWithDeals(started, [
      deal(1, { owner: ann, followUp: '2026-11-20' }),
      ...owners.map((owner, i) => deal(i + 2, { owner: typed(owner), followUp: '2026-11-20' })),
    ]);
    started.emulator.host.mail.failNextSendTo(ann, error);
    started.addon.run('sendRemindersNow');
    const log = started.emulator.workbook.values('Reminder Log').slice(1);
    expect(log.map((row) => [row[1], row[3], row[4]])).toEqual(
      expect.arrayContaining([
        [ann, 'failed', error],
        ...owners.map((owner) => [owner, 'failed', expect.stringContaining(`"${owner}"`)]),
      ]),
    );
    expect(log).toHaveLength(1 + owners.length);
    expect(formulasWritten(started)).toEqual([]);
  });
});
