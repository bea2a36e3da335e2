import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { IdentityInput } from '../../src/core/deal-identity';
import { dealFingerprint, issuedId, resolveIdentities } from '../../src/core/deal-identity';
import { StageRecord } from '../../src/core/stage-record';
import { aDeal } from './deal-helpers';

const fresh = { created: null, stageSince: null };

function row(overrides: Parameters<typeof aDeal>[0], blank = false): IdentityInput['rows'][number] {
  return { deal: aDeal(overrides), blank };
}

/** A record of three Closed Won deals named after their companies, and D-0004 in Lead. */
function wonRecord(): StageRecord {
  const record = StageRecord.empty();
  for (const [n, company] of [
    [1, 'Acme'],
    [2, 'Globex'],
    [3, 'Initech'],
  ] as const) {
    record.record(`D-000${n}`, 'Closed Won', dealFingerprint({ deal: `${company} deal`, company }));
  }
  record.record('D-0004', 'Lead', dealFingerprint({ deal: 'Hooli deal', company: 'Hooli' }));
  return record;
}

function resolve(input: Partial<IdentityInput> & Pick<IdentityInput, 'rows'>) {
  return resolveIdentities({
    record: wonRecord(),
    lastIssued: 4,
    adopting: false,
    stageEdited: false,
    ...input,
  });
}

describe('a deal’s fingerprint', () => {
  it('is one of 94 codes, ignores case and surrounding spaces, and tells names apart', () => {
    const a = dealFingerprint({ deal: 'Acme deal', company: 'Acme' });
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(94);
    expect(dealFingerprint({ deal: ' ACME DEAL ', company: 'acme ' })).toBe(a);
    expect(dealFingerprint({ deal: 'Acme dealAcme', company: '' })).not.toBe(a);
    expect(dealFingerprint({ deal: 'Globex deal', company: 'Globex' })).not.toBe(a);
    expect(dealFingerprint({ deal: '', company: '' })).toBe(1);
  });

  it('is the FNV-1a hash of trim().toLowerCase() of both names, whatever the text (the record keeps it)', () => {
    // The definition it was first written as: fingerprints already in document properties.
    const reference = (deal: string, company: string) => {
      const text = `${deal.trim().toLowerCase()}\u0000${company.trim().toLowerCase()}`;
      let hash = 0x811c9dc5;
      for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
      return (hash >>> 0) % 94;
    };
    const text = fc.oneof(
      fc.string({
        unit: fc.constantFrom('A', 'z', 'Q', ' ', '\t', '\n', '\r', '\v', '\f', '@', '[', '`', '{', '0'),
      }),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: fc.constantFrom('\u00a0', '\u2003', '\ufeff', 'É', 'ß', 'İ', 'a', ' ') }),
    );
    fc.assert(
      fc.property(text, text, (deal, company) => {
        expect(dealFingerprint({ deal, company })).toBe(reference(deal, company));
      }),
      { numRuns: 2_000 },
    );
    for (const [deal, company] of [
      [' \u00a0Acme\u00a0 ', 'ÉCOLE '],
      ['\tZ\n', '\v@[`{\f\r'],
      ['AZaz', ' '],
    ] as const) {
      expect(dealFingerprint({ deal, company })).toBe(reference(deal, company));
    }
  });
});

describe('IDs the add-on issued', () => {
  it('are D-n up to the counter, in the add-on’s own spelling', () => {
    expect(issuedId('D-0004', 4)).toBe('D-0004');
    expect(issuedId(' d-0004 ', 4)).toBe('D-0004');
    expect(issuedId('D-0001', 4)).toBe('D-0001');
    expect(issuedId('D-12345', 12345)).toBe('D-12345');
    expect(issuedId('D-0005', 4)).toBeNull();
    expect(issuedId('D-0000', 4)).toBeNull();
    expect(issuedId('D-4', 4)).toBeNull();
    expect(issuedId('D-999999999', 4)).toBeNull();
    expect(issuedId('ACME-7', 4)).toBeNull();
    expect(issuedId('', 4)).toBeNull();
  });
});

describe('which deal each row is', () => {
  it('keeps a row’s own issued ID', () => {
    const out = resolve({ rows: [row({ id: 'D-0002', deal: 'Globex deal', company: 'Globex' })] });
    expect(out.identities).toEqual([{ kind: 'kept', id: 'D-0002' }]);
    expect(out.lastIssued).toBe(4);
    expect(out.gone).toEqual([]);
  });

  it('gives a blank row no identity and a row with only notes none either', () => {
    const out = resolve({
      rows: [row({ id: '' }, true), row({ id: '', deal: '', company: '', ...fresh })],
    });
    expect(out.identities).toEqual([{ kind: 'none' }, { kind: 'none' }]);
    expect(out.lastIssued).toBe(4);
  });

  it('issues the next ID to a new row with a Deal or a Company', () => {
    const out = resolve({
      rows: [
        row({ id: '', deal: 'New one', company: '', ...fresh }),
        row({ id: '', deal: '', company: 'Co', ...fresh }),
      ],
    });
    expect(out.identities).toEqual([
      { kind: 'new', id: 'D-0005', replaced: undefined },
      { kind: 'new', id: 'D-0006', replaced: undefined },
    ]);
    expect(out.lastIssued).toBe(6);
  });

  it('never trusts a typed ID it did not issue: the row gets the next one and the text is named', () => {
    const out = resolve({ rows: [row({ id: 'D-999999999', deal: 'Typed', company: 'T', ...fresh })] });
    expect(out.identities).toEqual([{ kind: 'new', id: 'D-0005', replaced: 'D-999999999' }]);
    expect(out.lastIssued).toBe(5);
  });

  it('puts back the old ID of a single ID cell typed over or cleared', () => {
    const cleared = resolve({ rows: [row({ id: '', deal: 'Acme deal', company: 'Acme' })], oldId: 'D-0001' });
    expect(cleared.identities).toEqual([{ kind: 'restored', id: 'D-0001' }]);
    const overwritten = resolve({
      rows: [row({ id: 'D-0002', deal: 'Acme deal', company: 'Acme' })],
      oldId: 'D-0001',
      outside: new Map([['D-0002', 1]]),
    });
    expect(overwritten.identities).toEqual([{ kind: 'restored', id: 'D-0001' }]);
  });

  it('does not put back an old ID that now stands in another row, nor one it never issued', () => {
    const elsewhere = resolve({
      rows: [row({ id: '', deal: 'Zed', company: 'Zed', ...fresh })],
      oldId: 'D-0001',
      outside: new Map([['D-0001', 1]]),
    });
    expect(elsewhere.identities[0]).toMatchObject({ kind: 'new', id: 'D-0005' });
    const foreign = resolve({
      rows: [row({ id: '', deal: 'Zed', company: 'Zed', ...fresh })],
      oldId: 'ACME-7',
    });
    expect(foreign.identities[0]).toMatchObject({ kind: 'new', id: 'D-0005' });
    const same = resolve({
      rows: [row({ id: 'D-0001', deal: 'Acme deal', company: 'Acme' })],
      oldId: 'D-0001',
    });
    expect(same.identities).toEqual([{ kind: 'kept', id: 'D-0001' }]);
  });

  it('puts back the old ID even when the cell now holds an issued ID that stands nowhere else', () => {
    const record = wonRecord();
    const out = resolve({
      record,
      rows: [row({ id: 'D-0003', deal: 'Acme deal', company: 'Acme', stage: 'Closed Won' })],
      oldId: 'D-0001',
      outside: new Map([['D-0002', 1]]),
    });
    expect(out.identities).toEqual([{ kind: 'restored', id: 'D-0001' }]);
  });

  it('tells a cleared deal by its Created alone, by its Stage Since alone, or by a copied ID', () => {
    const rows = (cells: Parameters<typeof aDeal>[0]) => [
      row({ deal: 'Globex deal', company: 'Globex', stage: 'Closed Won', ...cells }),
    ];
    const byCreated = resolve({ rows: rows({ id: '', stageSince: null }), outside: new Map() });
    expect(byCreated.identities).toEqual([{ kind: 'restored', id: 'D-0002' }]);
    const bySince = resolve({ rows: rows({ id: '', created: null }), outside: new Map() });
    expect(bySince.identities).toEqual([{ kind: 'restored', id: 'D-0002' }]);
    const byCopiedId = resolve({ rows: rows({ id: 'D-0004', ...fresh }), outside: new Map([['D-0004', 1]]) });
    expect(byCopiedId.identities).toEqual([{ kind: 'restored', id: 'D-0002' }]);
  });

  it('never hands a cleared deal’s ID to a new row that merely has the same name', () => {
    const out = resolve({
      rows: [row({ id: '', deal: 'Globex deal', company: 'Globex', stage: 'Closed Won', ...fresh })],
      outside: new Map(),
    });
    expect(out.identities).toEqual([{ kind: 'new', id: 'D-0005', replaced: undefined }]);
  });

  it('gives a row that holds only a copied ID its own ID', () => {
    const out = resolve({
      rows: [row({ id: 'D-0004', deal: '', company: '', stage: '', ...fresh })],
      outside: new Map([['D-0004', 1]]),
    });
    expect(out.identities).toEqual([{ kind: 'new', id: 'D-0005', copyOf: 'D-0004' }]);
  });

  it('treats a row with an ID that stands outside the edit as a copy: a new deal', () => {
    const out = resolve({
      rows: [row({ id: 'D-0001', deal: 'Acme deal', company: 'Acme' })],
      outside: new Map([['D-0001', 1]]),
    });
    expect(out.identities).toEqual([{ kind: 'new', id: 'D-0005', copyOf: 'D-0001' }]);
  });

  it('within the rows, the one whose name matches the record keeps a repeated ID; else the first', () => {
    const out = resolve({
      rows: [
        row({ id: 'D-0001', deal: 'Copy', company: 'Other', stage: 'Closed Won' }),
        row({ id: 'D-0001', deal: 'Acme deal', company: 'Acme', stage: 'Closed Won' }),
        row({ id: 'D-0004', deal: 'X', company: 'X' }),
        row({ id: 'D-0004', deal: 'Y', company: 'Y' }),
      ],
      outside: new Map(),
    });
    expect(out.identities).toEqual([
      { kind: 'new', id: 'D-0005', copyOf: 'D-0001' },
      { kind: 'kept', id: 'D-0001' },
      { kind: 'kept', id: 'D-0004' },
      { kind: 'new', id: 'D-0006', copyOf: 'D-0004' },
    ]);
  });

  it('tells three cleared won deals apart by what it recorded of them', () => {
    const out = resolve({
      rows: [
        row({ id: '', deal: 'Globex deal', company: 'Globex', stage: 'Closed Won' }),
        row({ id: '', deal: 'Initech deal', company: 'Initech', stage: 'Closed Won' }),
        row({ id: '', deal: 'Acme deal', company: 'Acme', stage: 'Closed Won' }),
      ],
      outside: new Map([['D-0004', 1]]),
    });
    expect(out.identities).toEqual([
      { kind: 'restored', id: 'D-0002' },
      { kind: 'restored', id: 'D-0003' },
      { kind: 'restored', id: 'D-0001' },
    ]);
    expect(out.lastIssued).toBe(4);
  });

  it('tells a deal whose ID was pasted over with another deal’s ID by its name', () => {
    const out = resolve({
      rows: [row({ id: 'D-0004', deal: 'Acme deal', company: 'Acme', stage: 'Closed Won' })],
      outside: new Map([['D-0004', 1]]),
    });
    expect(out.identities).toEqual([{ kind: 'restored', id: 'D-0001' }]);
  });

  it('matches on the recorded stage unless the edit changed the Stage cell too', () => {
    const rows = [row({ id: '', deal: 'Acme deal', company: 'Acme', stage: 'Lead' })];
    const stageKept = resolve({ rows, outside: new Map() });
    expect(stageKept.identities[0]).toMatchObject({ kind: 'lost', id: 'D-0005' });
    const stagePasted = resolve({ rows, outside: new Map(), stageEdited: true });
    expect(stagePasted.identities).toEqual([{ kind: 'restored', id: 'D-0001' }]);
  });

  it('cannot tell two deals with the same fingerprint and stage apart, so guesses neither', () => {
    const record = wonRecord();
    record.record('D-0004', 'Closed Won', dealFingerprint({ deal: 'Acme deal', company: 'Acme' }));
    const out = resolve({
      record,
      rows: [row({ id: '', deal: 'Acme deal', company: 'Acme', stage: 'Closed Won' })],
      outside: new Map(),
    });
    expect(out.identities).toEqual([{ kind: 'lost', id: 'D-0005', replaced: undefined }]);
  });

  it('without the ID column, a row that was a deal but has no ID is lost, never matched', () => {
    const out = resolve({ rows: [row({ id: '', deal: 'Acme deal', company: 'Acme', stage: 'Closed Won' })] });
    expect(out.identities).toEqual([{ kind: 'lost', id: 'D-0005', replaced: undefined }]);
    const stageSinceOnly = resolve({
      rows: [row({ id: 'OPP-1', deal: 'Q', company: 'Q', created: null })],
    });
    expect(stageSinceOnly.identities).toEqual([{ kind: 'lost', id: 'D-0005', replaced: 'OPP-1' }]);
  });

  it('does not match a vanished deal that has no fingerprint, nor one past the counter', () => {
    const record = StageRecord.empty();
    record.record('D-0001', 'Closed Won');
    record.record('D-0009', 'Closed Won', dealFingerprint({ deal: 'Acme deal', company: 'Acme' }));
    const out = resolve({
      record,
      rows: [row({ id: '', deal: 'Acme deal', company: 'Acme', stage: 'Closed Won' })],
      outside: new Map(),
    });
    expect(out.identities[0]).toMatchObject({ kind: 'lost' });
  });

  describe('when adopting the whole sheet', () => {
    it('takes well-formed IDs up to the counter plus the number of deals, and raises the counter', () => {
      const out = resolveIdentities({
        record: StageRecord.empty(),
        lastIssued: 0,
        adopting: true,
        stageEdited: false,
        rows: [row({ id: 'D-0003' }), row({ id: 'D-0001' }), row({ id: 'D-0004' }), row({ id: '' }, true)],
      });
      expect(out.identities).toEqual([
        { kind: 'kept', id: 'D-0003' },
        { kind: 'kept', id: 'D-0001' },
        { kind: 'new', id: 'D-0004', replaced: 'D-0004' },
        { kind: 'none' },
      ]);
      expect(out.lastIssued).toBe(4);
    });

    it('gives a row without an ID a new one, never calling it lost', () => {
      const out = resolveIdentities({
        record: StageRecord.empty(),
        lastIssued: 7,
        adopting: true,
        stageEdited: false,
        rows: [row({ id: '' })],
      });
      expect(out.identities).toEqual([{ kind: 'new', id: 'D-0008', replaced: undefined }]);
    });

    it('matches a cleared row on its recorded stage too', () => {
      const out = resolveIdentities({
        record: wonRecord(),
        lastIssued: 4,
        adopting: true,
        stageEdited: false,
        rows: [row({ id: '', deal: 'Globex deal', company: 'Globex', stage: 'Lead' })],
      });
      expect(out.identities).toEqual([{ kind: 'new', id: 'D-0005', replaced: undefined }]);
    });

    it('names recorded deals no row holds any more, and restores one whose ID was cleared', () => {
      const record = wonRecord();
      record.record('D-0005', 'Lead');
      const out = resolveIdentities({
        record,
        lastIssued: 5,
        adopting: true,
        stageEdited: false,
        rows: [
          row({ id: 'D-0001', deal: 'Acme deal', company: 'Acme', stage: 'Closed Won' }),
          row({ id: '', deal: 'Globex deal', company: 'Globex', stage: 'Closed Won' }),
        ],
      });
      expect(out.identities).toEqual([
        { kind: 'kept', id: 'D-0001' },
        { kind: 'restored', id: 'D-0002' },
      ]);
      expect(out.gone).toEqual(['D-0003', 'D-0004']);
    });
  });
});
