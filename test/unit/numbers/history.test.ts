import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { funnel, historyFlow, priceDeals, probabilityCheck, stageLookup } from '../../../src/core/numbers';
import type { HistoryEntry } from '../../../src/core/types';
import { deal, entry, TABLE } from './fixtures';

const lookup = stageLookup(TABLE);
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 6, 9);
const at = (days: number): number => T0 + days * DAY;

/** A route through the stages: [days after T0, stage entered], the first one created. */
function route(id: string, first: string, steps: [number, string][]): HistoryEntry[] {
  return steps.map(([days, to], i) =>
    entry(id, at(days), i === 0 ? first : (steps[i - 1] as [number, string])[1], to),
  );
}

// A skips Qualified; B goes back from Proposal to Qualified and is lost; C is lost, reopened and
// sits in Qualified now; D's History starts mid-way and its win was never recorded; E is lost.
const history: HistoryEntry[] = [
  ...route('A', '', [
    [0, 'Lead'],
    [2, 'Proposal'],
    [5, 'Closed Won'],
  ]),
  ...route('B', '', [
    [0, 'Lead'],
    [1, 'Qualified'],
    [3, 'Proposal'],
    [4, 'Qualified'],
    [10, 'Closed Lost'],
  ]),
  ...route('C', '', [
    [0, 'Lead'],
    [4, 'Closed Lost'],
    [5, 'Lead'],
    [8, 'Qualified'],
  ]),
  ...route('D', 'Proposal', [[3, 'Negotiation']]),
  ...route('E', '', [
    [0, 'Lead'],
    [1, 'Closed Lost'],
  ]),
];
const deals = [
  deal({ id: 'A', stage: 'Closed Won', amount: 100 }),
  deal({ id: 'B', stage: 'Closed Lost', amount: 200 }),
  deal({ id: 'C', stage: 'Qualified', amount: 300 }),
  deal({ id: 'D', stage: 'Closed Won', amount: 400 }),
  deal({ id: 'E', stage: 'Closed Lost', amount: 500 }),
];
const flow = historyFlow(history, lookup, deals);
const result = funnel(priceDeals(deals, lookup).priced, flow, TABLE, 1);
const row = (name: string) => result.stages.find((s) => s.stage === name)!;

describe('conversion to the next stage, from History', () => {
  it('counts a skipped stage as conversion from the stage before it (Lead → Proposal)', () => {
    // Lead: A, B, C, E entered; A, B, C went further along (C after re-entering); E was lost.
    expect(row('Lead')).toMatchObject({ entered: 4, advanced: 3, conversion: 0.75 });
  });
  it('does not count a deal that skipped a stage as having entered it', () => {
    // Qualified: only B and C entered it (A jumped from Lead to Proposal).
    expect(row('Qualified').entered).toBe(2);
  });
  it('counts a re-entered stage once per deal, converted if it went further after any entry', () => {
    // B entered Qualified twice and went on to Proposal after the first: 1 of 2 (C is still there).
    expect(row('Qualified')).toMatchObject({ entered: 2, advanced: 1, conversion: 0.5 });
  });
  it('does not count a move backwards or to a lost stage as conversion', () => {
    // Proposal: A won, D (known to have been in Proposal) reached Negotiation; B went back and was lost.
    expect(row('Proposal')).toMatchObject({ entered: 3, advanced: 2 });
    expect(row('Proposal').conversion).toBeCloseTo(2 / 3, 12);
  });
  it("counts a win missing from History when the deal's current stage shows it", () => {
    expect(row('Negotiation')).toMatchObject({ entered: 1, advanced: 1, conversion: 1 });
  });
  it('has no conversion for won and lost stages', () => {
    expect(row('Closed Won').conversion).toBeNull();
    expect(row('Closed Lost').conversion).toBeNull();
  });
});

describe('average days in stage, from History', () => {
  it('counts every visit, re-entries included, from entering to leaving', () => {
    // Lead visits: A 2, B 1, C 4 and 3, E 1 → 11 ÷ 5.
    expect(row('Lead')).toMatchObject({ visits: 5, averageDays: 2.2 });
    // Qualified: B stayed 2 days, then 6 days after coming back.
    expect(row('Qualified')).toMatchObject({ visits: 2, averageDays: 4 });
  });
  it('leaves out the visit still going on, and says how many there are', () => {
    // C is in Qualified now: its visit is not finished, so not in the mean.
    expect(row('Qualified').openVisits).toBe(1);
  });
  it('leaves out visits with an unknown start or end (History starting mid-way, unrecorded moves)', () => {
    // D's time in Proposal started before its History; its Negotiation ended at an unknown time.
    expect(row('Proposal')).toMatchObject({ visits: 2, averageDays: 2 });
    expect(row('Negotiation')).toMatchObject({ visits: 0, averageDays: null });
  });
  it('measures exact elapsed time, not calendar days', () => {
    const f = historyFlow([entry('X', 0, '', 'Lead'), entry('X', DAY / 4, 'Lead', 'Qualified')], lookup);
    expect(f.stages[0]).toMatchObject({ visits: 1, totalDays: 0.25 });
  });
});

describe('the bottleneck', () => {
  it('is the open stage with the lowest conversion, and the one with the longest stay', () => {
    expect(result.bottleneck.lowestConversion).toEqual({ stage: 'Qualified', conversion: 0.5 });
    expect(result.bottleneck.longestStay).toEqual({ stage: 'Qualified', days: 4 });
  });
  it('ignores stages with fewer deals than the minimum sample', () => {
    const strict = funnel([], flow, TABLE, 4);
    expect(strict.bottleneck.lowestConversion).toEqual({ stage: 'Lead', conversion: 0.75 });
    expect(strict.bottleneck.longestStay).toEqual({ stage: 'Lead', days: 2.2 });
    expect(funnel([], flow, TABLE, 10).bottleneck).toMatchObject({
      lowestConversion: null,
      longestStay: null,
    });
  });
});

describe('reading History', () => {
  it('counts deals, amounts and weighted amounts in each stage now, in table order', () => {
    expect(result.stages.map((s) => [s.stage, s.deals, s.amount, s.weighted])).toEqual([
      ['Lead', 0, 0, 0],
      ['Qualified', 1, 300, 75],
      ['Proposal', 0, 0, 0],
      ['Negotiation', 0, 0, 0],
      ['Closed Won', 2, 500, 500],
      ['Closed Lost', 2, 700, 0],
    ]);
  });
  it('orders equal timestamps by row, since History is append-only', () => {
    const f = historyFlow(
      [entry('X', 0, '', 'Lead'), entry('X', 5, 'Lead', 'Qualified'), entry('X', 5, 'Qualified', 'Proposal')],
      lookup,
    );
    expect(f.stages.map((s) => s.openVisits)).toEqual([0, 0, 1, 0, 0, 0]);
  });
  it('lets a stage the table no longer has end the visit before it, and counts it apart', () => {
    const f = historyFlow(
      [entry('X', 0, '', 'Lead'), entry('X', DAY, 'Lead', 'Demo'), entry('X', 3 * DAY, 'Demo', 'Proposal')],
      lookup,
    );
    expect(f.unknownStageEntries).toBe(1);
    expect(f.stages[0]).toMatchObject({ entered: 1, advanced: 1, visits: 1, totalDays: 1 });
  });
  it('does not depend on the order of History rows', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(history, { minLength: history.length }), (shuffled) => {
        expect(historyFlow(shuffled, lookup, deals)).toEqual(flow);
      }),
    );
  });
});

describe('probability check', () => {
  const checks = probabilityCheck(flow, TABLE, 3);
  const check = (name: string) => checks.find((c) => c.stage === name)!;

  it('sets the share of deals later won beside the configured probability, for open stages', () => {
    expect(checks.map((c) => c.stage)).toEqual(['Lead', 'Qualified', 'Proposal', 'Negotiation']);
    // Lead: A won; B and E lost; C is still open, so not decided.
    expect(check('Lead')).toMatchObject({ configured: 0.1, entered: 4, decided: 3, won: 1 });
    expect(check('Lead').observed).toBeCloseTo(1 / 3, 12);
    expect(check('Lead').difference).toBeCloseTo(1 / 3 - 0.1, 12);
  });
  it('counts a win seen only in the current Stage as later won', () => {
    // Proposal: A and D won (D's win is not in History), B lost.
    expect(check('Proposal')).toMatchObject({ decided: 3, won: 2, enoughDeals: true });
  });
  it('says when too few deals are decided to judge', () => {
    expect(check('Qualified')).toMatchObject({ decided: 1, won: 0, observed: 0, enoughDeals: false });
    expect(check('Negotiation')).toMatchObject({ decided: 1, won: 1, observed: 1, enoughDeals: false });
  });
  it('has no observed rate before any deal is decided', () => {
    const empty = probabilityCheck(historyFlow([], lookup), TABLE);
    expect(empty[0]).toMatchObject({
      entered: 0,
      decided: 0,
      observed: null,
      difference: null,
      enoughDeals: false,
    });
  });
});

describe('deals that existed before the add-on saw them', () => {
  const brought = (id: string, to: string, via: string): HistoryEntry => ({
    ...entry(id, at(0), '', to),
    via,
  });
  const entered = (flowOf: ReturnType<typeof historyFlow>) => flowOf.stages.map((s) => s.entered);
  const advanced = (flowOf: ReturnType<typeof historyFlow>) => flowOf.stages.map((s) => s.advanced);

  it('an imported deal entered the open stages before its own in a linear table; won all, lost the first', () => {
    const imported = historyFlow(
      [
        brought('P', 'Proposal', 'import'),
        brought('W', 'Closed Won', 'import'),
        brought('L', 'Closed Lost', 'setup'),
      ],
      lookup,
    );
    expect(entered(imported)).toEqual([3, 2, 2, 1, 1, 1]);
    expect(advanced(imported)).toEqual([2, 2, 1, 1, 0, 0]);
    expect(imported.stages.map((s) => s.wonLater)).toEqual([1, 1, 1, 1, 0, 0]);
    expect(imported.stages.every((s) => s.visits === 0)).toBe(true);
    expect(imported.deals).toBe(3);
  });

  it('a deal created in the add-on (via edit) has no stages before its first', () => {
    const created = historyFlow(
      [brought('P', 'Proposal', 'edit'), brought('S', 'Proposal', 'sidebar')],
      lookup,
    );
    expect(entered(created)).toEqual([0, 0, 2, 0, 0, 0]);
  });

  it('a deal with no History counts as having entered its current stage, and those before it', () => {
    const none = historyFlow([entry('A', at(0), '', 'Lead')], lookup, [
      deal({ id: 'A', stage: 'Lead' }),
      deal({ id: 'N', stage: 'Qualified' }),
      deal({ id: '', stage: 'Qualified' }),
      deal({ id: 'X', stage: 'Nowhere' }),
    ]);
    expect(entered(none)).toEqual([2, 1, 0, 0, 0, 0]);
    expect(advanced(none)).toEqual([1, 0, 0, 0, 0, 0]);
    expect(none.stages[1]!.openVisits).toBe(1);
    expect(none.deals).toBe(2);
  });

  it('in a table that is not linear, only the stage it was seen in', () => {
    const branching = {
      stages: TABLE.stages.map((s, i) => (i === 0 ? { ...s, nextStages: ['Proposal'] } : s)),
    };
    const flowOf = historyFlow(
      [brought('P', 'Proposal', 'import'), brought('W', 'Closed Won', 'import')],
      stageLookup(branching),
    );
    expect(entered(flowOf)).toEqual([0, 0, 1, 0, 1, 0]);
  });

  it('a last open stage that may move only to a won stage still makes the table linear', () => {
    const tidy = {
      stages: TABLE.stages.map((s) => (s.kind === 'open' ? { ...s, nextStages: [] as string[] } : s)),
    };
    const chained = {
      stages: tidy.stages.map((s, i) => (i < 3 ? { ...s, nextStages: [TABLE.stages[i + 1]!.name] } : s)),
    };
    expect(entered(historyFlow([brought('N', 'Negotiation', 'import')], stageLookup(chained)))).toEqual([
      1, 1, 1, 1, 0, 0,
    ]);
  });
});

describe('reading History, deal by deal', () => {
  const visits = (f: ReturnType<typeof historyFlow>) =>
    f.stages.map((s) => [s.visits, s.totalDays, s.openVisits]);

  it('groups by ID with spaces trimmed, skips rows without one, and sorts a deal’s rows by time', () => {
    const f = historyFlow(
      [
        entry(' X ', at(2), 'Lead', 'Qualified'),
        entry('', at(0), '', 'Proposal'),
        entry('X', at(0), '', 'Lead'),
        entry('  ', at(1), '', 'Negotiation'),
      ],
      lookup,
      [deal({ id: ' X', stage: 'Qualified' })],
    );
    expect(f.deals).toBe(1);
    expect(visits(f)).toEqual([
      [1, 2, 0],
      [0, 0, 1],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('takes a current stage that differs from History as entered at Stage Since, when that is later', () => {
    const history = [entry('X', at(0), '', 'Lead'), entry('X', at(2), 'Lead', 'Qualified')];
    const later = historyFlow(history, lookup, [deal({ id: 'X', stage: 'Proposal', stageSince: at(5) })]);
    expect(later.stages[1]).toMatchObject({ visits: 1, totalDays: 3, openVisits: 0 });
    expect(later.stages[2]).toMatchObject({ entered: 1, openVisits: 1 });
    const same = historyFlow(history, lookup, [deal({ id: 'X', stage: 'Proposal', stageSince: at(2) })]);
    expect(same.stages[1]).toMatchObject({ visits: 1, totalDays: 0 });
    const earlier = historyFlow(history, lookup, [deal({ id: 'X', stage: 'Proposal', stageSince: at(1) })]);
    expect(earlier.stages[1]).toMatchObject({ visits: 0, totalDays: 0 });
    const unknown = historyFlow(history, lookup, [deal({ id: 'X', stage: 'Proposal', stageSince: null })]);
    expect(unknown.stages[1]).toMatchObject({ visits: 0, openVisits: 0 });
    const notAStage = historyFlow(history, lookup, [deal({ id: 'X', stage: 'Nowhere', stageSince: at(5) })]);
    expect(notAStage.stages[1]).toMatchObject({ visits: 0, openVisits: 1 });
    expect(notAStage.stages[2]).toMatchObject({ entered: 0 });
  });

  it('continues one visit when History records the stage the deal is already in', () => {
    const f = historyFlow(
      [
        entry('X', at(0), '', 'Lead'),
        entry('X', at(1), 'Lead', 'Lead'),
        entry('X', at(3), 'Lead', 'Qualified'),
      ],
      lookup,
    );
    expect(f.stages[0]).toMatchObject({ entered: 1, visits: 1, totalDays: 3 });
    const unknownTwice = historyFlow(
      [
        entry('Y', at(0), '', 'Lead'),
        entry('Y', at(1), 'Lead', 'Demo'),
        entry('Y', at(2), 'Demo', 'Demo'),
        entry('Y', at(4), 'Demo', 'Proposal'),
      ],
      lookup,
    );
    expect(unknownTwice.unknownStageEntries).toBe(2);
    expect(unknownTwice.stages[0]).toMatchObject({ visits: 1, totalDays: 1 });
  });

  it('counts a deal that ends lost as decided in every stage it entered, and a first From as entered', () => {
    const f = historyFlow([entry('X', at(0), 'Qualified', 'Closed Lost')], lookup);
    expect(f.stages[1]).toMatchObject({ entered: 1, decided: 1, wonLater: 0, advanced: 0 });
    const spaced = historyFlow([{ ...entry('Y', at(0), '  ', 'Qualified'), via: 'import' }], lookup);
    expect(spaced.stages.map((s) => s.entered)).toEqual([1, 1, 0, 0, 0, 0]);
    const unknownEnd = historyFlow(
      [entry('Z', at(0), '', 'Lead'), entry('Z', at(1), 'Lead', 'Demo')],
      lookup,
    );
    expect(unknownEnd.stages[0]).toMatchObject({ entered: 1, decided: 0, advanced: 0 });
  });

  it('counts several deals with no History, each by its own stage; a deal without an ID not at all', () => {
    const f = historyFlow([], lookup, [
      deal({ id: 'N', stage: 'Qualified' }),
      deal({ id: 'M', stage: 'Proposal' }),
      deal({ id: '', stage: 'Negotiation' }),
    ]);
    expect(f.stages.map((s) => s.entered)).toEqual([2, 2, 1, 0, 0, 0]);
    expect(f.deals).toBe(2);
    const unknown = historyFlow([{ ...entry('U', at(0), '', 'Nowhere'), via: 'import' }], lookup);
    expect(unknown.stages.map((s) => s.entered)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
