import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { dayFromParts, partsOfDay } from '../../../src/core/dates';
import { weeklySnapshotDue } from '../../../src/core/forecast-history/due';

const MONDAY = 1;
/** 2026-11-23 is a Monday. */
const NOV_23 = dayFromParts(2026, 11, 23);

describe('the weekly snapshot', () => {
  it('is due on the first run ever, whatever the day', () => {
    for (let day = NOV_23; day < NOV_23 + 7; day++) expect(weeklySnapshotDue(null, day, MONDAY)).toBe(true);
  });

  it('is due on the Snapshot Day after last week’s, and not again that week', () => {
    const lastMonday = NOV_23 - 7;
    expect(weeklySnapshotDue(lastMonday, NOV_23, MONDAY)).toBe(true);
    for (let day = NOV_23; day < NOV_23 + 7; day++)
      expect(weeklySnapshotDue(NOV_23, day, MONDAY)).toBe(false);
    expect(weeklySnapshotDue(NOV_23, NOV_23 + 7, MONDAY)).toBe(true);
  });

  it('is due on the next run when the Snapshot Day itself had none', () => {
    const lastMonday = NOV_23 - 7;
    expect(weeklySnapshotDue(lastMonday, NOV_23 + 1, MONDAY)).toBe(true);
    expect(weeklySnapshotDue(lastMonday, NOV_23 + 6, MONDAY)).toBe(true);
  });

  it('counts the week from the Snapshot Day: a snapshot on Sunday does not cover Monday', () => {
    expect(weeklySnapshotDue(NOV_23 - 1, NOV_23, MONDAY)).toBe(true);
    expect(weeklySnapshotDue(NOV_23 - 1, NOV_23 - 1, MONDAY)).toBe(false);
  });

  it('follows a new Snapshot Day: Thursday after a Monday snapshot', () => {
    const THURSDAY = 4;
    expect(weeklySnapshotDue(NOV_23, NOV_23 + 2, THURSDAY)).toBe(false);
    expect(weeklySnapshotDue(NOV_23, NOV_23 + 3, THURSDAY)).toBe(true);
  });

  it('is not due when the last snapshot is later than today (a clock set back)', () => {
    expect(weeklySnapshotDue(NOV_23 + 10, NOV_23 + 8, MONDAY)).toBe(false);
  });

  it('gives exactly one snapshot in each week that has a run, at its first run, for any runs and Snapshot Day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 80 }),
        (snapshotDay, offsets) => {
          const runs = offsets.map((offset) => NOV_23 + offset).sort((a, b) => a - b);
          let last: number | null = null;
          const taken: number[] = [];
          for (const day of runs) {
            if (weeklySnapshotDue(last, day, snapshotDay)) {
              taken.push(day);
              last = day;
            }
          }
          // The week a day belongs to: the Snapshot Day on or before it.
          const weekOf = (day: number) => day - ((partsOfDay(day).weekday - snapshotDay + 7) % 7);
          const weeksRun = [...new Set(runs.map(weekOf))];
          expect(taken.map(weekOf)).toEqual(weeksRun);
          expect(taken).toEqual(weeksRun.map((week) => runs.find((day) => weekOf(day) === week)));
        },
      ),
    );
  });
});
