import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { Emulator } from '../../local/emulator';
import { createEmulator } from '../../local/emulator';
import type { Bundle } from '../../local/emulator/load-bundle';
import { loadBundle } from '../../local/emulator/load-bundle';

/** A tiny "bundle" written to a temp folder, to test the loader without the add-on. */
function loadScript(emulator: Emulator, code: string): Bundle {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-script-'));
  writeFileSync(join(dir, 'Code.js'), code);
  writeFileSync(join(dir, 'appsscript.json'), '{}');
  return loadBundle(emulator, { distDir: dir });
}

describe('the bundle loader', () => {
  it("gives script code a Date that reads the emulator's clock", () => {
    const emulator = createEmulator({ now: '2026-03-08T16:00:00Z' });
    const script = loadScript(emulator, 'function now() { return new Date().toISOString(); }');
    expect(script.run('now')).toBe('2026-03-08T16:00:00.000Z');
    emulator.clock.advance(60_000);
    expect(script.run('now')).toBe('2026-03-08T16:01:00.000Z');
  });

  it('formats the clock in the spreadsheet time zone across a daylight-saving change', () => {
    const emulator = createEmulator({ now: '2026-03-07T16:00:00Z', timeZone: 'America/Los_Angeles' });
    const script = loadScript(
      emulator,
      "function hour() { return Utilities.formatDate(new Date(), SpreadsheetApp.getActive().getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm z'); }",
    );
    expect(script.run('hour')).toBe('2026-03-07 08:00 PST');
    emulator.clock.set('2026-03-09T15:00:00Z');
    expect(script.run('hour')).toBe('2026-03-09 08:00 PDT');
  });

  it("throws service errors made in the script's realm, as Apps Script's Exception", () => {
    const emulator = createEmulator({ mailQuota: 0 });
    const script = loadScript(
      emulator,
      "function send() { try { MailApp.sendEmail('a@b.example', 's', 'b'); } catch (e) { return [e instanceof Error, String(e)]; } }",
    );
    expect(script.run('send')).toEqual([
      true,
      'Exception: Service invoked too many times for one day: email.',
    ]);
  });

  it('ends each run as an execution: a lock the script forgot is released', () => {
    const emulator = createEmulator();
    const script = loadScript(
      emulator,
      'function grab() { return LockService.getDocumentLock().tryLock(1000); }',
    );
    expect(script.run('grab')).toBe(true);
    expect(script.run('grab')).toBe(true);
  });

  it('counts the calls script code makes, by type and method', () => {
    const emulator = createEmulator();
    const script = loadScript(
      emulator,
      "function touch() { var s = SpreadsheetApp.getActive().getSheets()[0]; s.getRange('A1:B2').setValues([[1,2],[3,4]]); return s.getRange(1,1,2,2).getValues(); }",
    );
    emulator.calls.reset();
    expect(script.run('touch')).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(emulator.calls.snapshot()).toEqual({
      'Range.getValues': 1,
      'Range.setValues': 1,
      'Sheet.getRange': 2,
      'Spreadsheet.getSheets': 1,
      'SpreadsheetApp.getActive': 1,
    });
  });

  it('fires onEdit for a user edit with value and oldValue only for one cell', () => {
    const emulator = createEmulator();
    const script = loadScript(
      emulator,
      'var seen = []; function onEdit(e) { seen.push([e.range.getA1Notation(), e.value, e.oldValue, e.source.getName()]); } function events() { return seen; }',
    );
    script.edit('Sheet1', 'B2', [['first']]);
    script.edit('Sheet1', 'B2', [['second']]);
    script.edit('Sheet1', 'A1:B2', [
      [1, 2],
      [3, 4],
    ]);
    expect(script.run('events')).toEqual([
      ['B2', 'first', undefined, 'Deal Pipeline'],
      ['B2', 'second', 'first', 'Deal Pipeline'],
      ['A1:B2', undefined, undefined, 'Deal Pipeline'],
    ]);
  });
});
