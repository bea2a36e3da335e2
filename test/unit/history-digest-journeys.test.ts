import { describe, expect, it } from 'vitest';

import type { Journeys } from '../../src/core/history-digest/journeys';
import { addEntries, journeyHistory } from '../../src/core/history-digest/journeys';
import type { FieldChange } from '../../src/core/history-rows';
import type { HistoryEntry } from '../../src/core/types';

const stage = (id: string, timestamp: number, from: string, to: string, via = 'edit'): HistoryEntry => ({
  timestamp,
  id,
  deal: 'Acme',
  from,
  to,
  by: 'ana@example.com',
  via,
});

const field = (id: string, timestamp: number, name: string, from: string, to: string): FieldChange => ({
  ...stage(id, timestamp, from, to, 'sidebar'),
  field: name,
});

describe("a deal's journey", () => {
  it('keys deals by trimmed ID, leaves rows of a blank ID out, and says which deals changed', () => {
    const journeys: Journeys = new Map();
    const changed = addEntries(
      journeys,
      {
        entries: [stage(' D-1 ', 5, '', 'Lead'), stage('  ', 6, '', 'Lead'), stage('D-1', 7, 'Lead', 'Won')],
        fieldChanges: [field(' D-2', 8, 'Amount', '100', '200'), field(' ', 9, 'Amount', '1', '2')],
      },
      40,
    );
    expect([...changed]).toEqual(['D-1', 'D-2']);
    expect([...journeys.keys()]).toEqual(['D-1', 'D-2']);
    expect(journeys.get('D-1')).toEqual({
      from: '',
      via: 'edit',
      to: ['Lead', 'Won'],
      at: [5, 7],
      fieldChanges: [],
    });
  });

  it('begins blank for a deal with only Field rows, each placed by its row', () => {
    const journeys: Journeys = new Map();
    const read = {
      entries: [],
      fieldChanges: [field('D-2', 8, 'Amount', '100', '200'), field('D-2', 3, 'Close Date', 'a', 'b')],
    };
    expect([...addEntries(journeys, read, 40)]).toEqual(['D-2']);
    expect(journeys.get('D-2')).toEqual({
      from: '',
      via: '',
      to: [],
      at: [],
      fieldChanges: [
        { order: 40, at: 8, field: 'Amount', from: '100', to: '200', via: 'sidebar' },
        { order: 41, at: 3, field: 'Close Date', from: 'a', to: 'b', via: 'sidebar' },
      ],
    });
  });

  it('keeps how the deal began when a later row goes between its stage changes', () => {
    const journeys: Journeys = new Map();
    addEntries(
      journeys,
      { entries: [stage('D-1', 1, '', 'Lead', 'import'), stage('D-1', 9, 'Lead', 'Won')], fieldChanges: [] },
      2,
    );
    addEntries(journeys, { entries: [stage('D-1', 5, 'Lead', 'Proposal', 'sidebar')], fieldChanges: [] }, 4);
    expect(journeys.get('D-1')).toMatchObject({
      from: '',
      via: 'import',
      to: ['Lead', 'Proposal', 'Won'],
      at: [1, 5, 9],
    });
  });

  it('sorts the rows of one read that are out of time order', () => {
    const journeys: Journeys = new Map();
    const entries = [
      stage('D-1', 9, 'Lead', 'Won'),
      stage('D-1', 1, 'x', 'Lead', 'setup'),
      stage('D-1', 5, 'Lead', 'Proposal'),
    ];
    addEntries(journeys, { entries, fieldChanges: [] }, 2);
    expect(journeys.get('D-1')).toEqual({
      from: 'x',
      via: 'setup',
      to: ['Lead', 'Proposal', 'Won'],
      at: [1, 5, 9],
      fieldChanges: [],
    });
  });
});

describe('History back from the journeys', () => {
  it('gives stage changes deal by deal, From and Via on the first only, and Field rows in row order', () => {
    const journeys: Journeys = new Map([
      [
        'D-1',
        {
          from: 'Lead',
          via: 'import',
          to: ['Qualified', 'Won'],
          at: [5, 9],
          fieldChanges: [{ order: 12, at: 7, field: 'Amount', from: '1', to: '2', via: 'edit' }],
        },
      ],
      [
        'D-2',
        {
          from: '',
          via: 'setup',
          to: ['Lead'],
          at: [3],
          fieldChanges: [{ order: 4, at: 8, field: 'Close Date', from: 'a', to: 'b', via: 'sidebar' }],
        },
      ],
    ]);
    const blank = { deal: '', by: '' };
    expect(journeyHistory(journeys)).toEqual({
      entries: [
        { ...blank, timestamp: 5, id: 'D-1', from: 'Lead', to: 'Qualified', via: 'import' },
        { ...blank, timestamp: 9, id: 'D-1', from: '', to: 'Won', via: '' },
        { ...blank, timestamp: 3, id: 'D-2', from: '', to: 'Lead', via: 'setup' },
      ],
      fieldChanges: [
        { ...blank, timestamp: 8, id: 'D-2', from: 'a', to: 'b', via: 'sidebar', field: 'Close Date' },
        { ...blank, timestamp: 7, id: 'D-1', from: '1', to: '2', via: 'edit', field: 'Amount' },
      ],
    });
  });
});
