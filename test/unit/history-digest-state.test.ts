import { describe, expect, it } from 'vitest';

import { HISTORY_HEADERS } from '../../src/core/columns';
import {
  digestHash,
  digestStateText,
  historyReadKey,
  parseDigestState,
  rowFingerprint,
  sampledRows,
} from '../../src/core/history-digest/state';

const state = {
  key: 'k',
  historyRows: 10,
  fingerprint: 'f',
  editMark: 'm',
  digestRows: 3,
  hash: 'h',
};

describe('the state kept beside the digest', () => {
  it('writes the format first, then what the refresh covered, and reads it back', () => {
    const text = digestStateText(state);
    expect(text).toBe(
      '{"format":2,"key":"k","historyRows":10,"fingerprint":"f","editMark":"m","digestRows":3,"hash":"h"}',
    );
    expect(parseDigestState(text)).toEqual({ format: 2, ...state });
  });

  it('reads nothing of another format, of another shape, or that is not JSON', () => {
    expect(parseDigestState(JSON.stringify({ ...state, format: 0 }))).toBeNull();
    expect(parseDigestState('{')).toBeNull();
    expect(parseDigestState('5')).toBeNull();
    expect(parseDigestState('null')).toBeNull();
    expect(parseDigestState('')).toBeNull();
    expect(parseDigestState(null)).toBeNull();
    expect(parseDigestState(undefined)).toBeNull();
  });

  it.each([
    ['key', 1],
    ['historyRows', 10.5],
    ['historyRows', '10'],
    ['fingerprint', null],
    ['editMark', 0],
    ['digestRows', 2 ** 53],
    ['hash', 7],
    ['hash', undefined],
  ])('reads nothing whose %s is %j', (name, value) => {
    expect(parseDigestState(JSON.stringify({ format: 2, ...state, [name]: value }))).toBeNull();
  });
});

describe("the key of History's read", () => {
  it("says the time zone, the header's width and where each column the numbers read stands", () => {
    expect(historyReadKey(HISTORY_HEADERS, 'Europe/Paris')).toBe('["Europe/Paris",8,[0,1,2,3,4,5,6,7]]');
  });

  it('finds headers as the read does (trimmed, any case), and -1 for a missing one', () => {
    expect(historyReadKey([' id ', 'TIMESTAMP', 'Notes', 'To', ''], 'UTC')).toBe(
      '["UTC",5,[1,0,-1,-1,3,-1,-1,-1]]',
    );
  });
});

describe('the rows sampled for the fingerprint', () => {
  it('samples rows spread over those covered, never the last', () => {
    expect(sampledRows(1)).toEqual([]);
    expect(sampledRows(2)).toEqual([]);
    expect(sampledRows(3)).toEqual([2]);
    expect(sampledRows(6)).toEqual([2, 3, 4, 5]);
    expect(sampledRows(1002)).toEqual([2, 127, 252, 377, 502, 627, 752, 877]);
  });
});

describe('the fingerprint of History rows', () => {
  const day = Date.UTC(2025, 0, 6);

  it('is the hash of each cell with its type, a date by its time', () => {
    // Recorded in documents' properties: a change here sends every document's next refresh to read History whole.
    expect(rowFingerprint(['D-1', 5, new Date(day), null, true])).toBe('1giv0cr.1qd3v67');
  });

  it('is the same for the same cells, and changes when any cell does', () => {
    const cells = ['D-1', 5, new Date(day)];
    expect(rowFingerprint(['D-1', 5, new Date(day)])).toBe(rowFingerprint(cells));
    const others = [
      ['D-2', 5, new Date(day)],
      ['D-1', '5', new Date(day)],
      ['D-1', 5, new Date(day + 1)],
      ['D-1', 5, day],
      ['D-1', 5, new Date(day), ''],
      ['D-1', 5, new Date(day), null],
    ];
    for (const other of others) expect(rowFingerprint(other)).not.toBe(rowFingerprint(cells));
  });
});

describe("the digest rows' hash", () => {
  it('is two FNV-style lanes in base 36, from their offsets for no rows', () => {
    // Recorded in documents' properties: a change here sends every document's next refresh to read History whole.
    expect(digestHash('', [])).toBe('ztntfp.9zloz');
    expect(digestHash('', [['A|,edit;Lead,5']])).toBe('d6g2ma.hs6t1p');
    expect(digestHash('', [['a', 'b'], ['c']])).toBe('1mk4tyk.c82iij');
  });

  it('goes on from the hash of the rows before, as if hashing all of them at once', () => {
    const before = [['A|,edit;Lead,5'], ['|7']];
    const after = [['B|,import;Lead,9'], ['+;Won,3']];
    expect(digestHash(digestHash('', before), after)).toBe(digestHash('', [...before, ...after]));
    expect(digestHash(digestHash('', before), [])).toBe(digestHash('', before));
  });

  it('tells cells from rows, and an empty row from none', () => {
    const hashes = [[['a', 'b']], [['ab']], [['a'], ['b']], [['ab'], []]].map((rows) => digestHash('', rows));
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});
