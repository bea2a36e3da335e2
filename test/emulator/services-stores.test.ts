import { describe, expect, it } from 'vitest';

import { CallCounter } from '../../local/emulator/calls.js';
import { Clock } from '../../local/emulator/clock.js';
import {
  createServices,
  LOCK_TIMEOUT_MESSAGE,
  STORE_QUOTA_MESSAGE,
} from '../../local/emulator/services/index.js';

function make() {
  const calls = new CallCounter();
  const clock = new Clock(Date.parse('2025-05-06T16:00:00Z'));
  const services = createServices({ calls, clock, timeZone: () => 'America/Los_Angeles' });
  return { calls, clock, ...services };
}

describe('PropertiesService', () => {
  it('stores strings, stringifying numbers, and returns null for a missing key', () => {
    const { globals, host } = make();
    const p = globals.PropertiesService.getDocumentProperties();
    p.setProperty('count', 42).setProperty('name', 'x');
    expect(p.getProperty('count')).toBe('42');
    expect(p.getProperty('missing')).toBeNull();
    expect(host.properties.document.snapshot()).toEqual({ count: '42', name: 'x' });
    expect(globals.PropertiesService.getScriptProperties().getKeys()).toEqual([]);
  });

  it('setProperties with deleteAllOthers replaces the store', () => {
    const { globals } = make();
    const p = globals.PropertiesService.getScriptProperties();
    p.setProperties({ a: '1', b: '2' });
    p.setProperties({ c: 3 }, true);
    expect(p.getProperties()).toEqual({ c: '3' });
    p.deleteProperty('c');
    expect(p.getKeys()).toEqual([]);
  });

  it('a property value over 9 KB is refused', () => {
    const { globals, host } = make();
    const p = globals.PropertiesService.getDocumentProperties();
    p.setProperty('fits', 'x'.repeat(9 * 1024));
    expect(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(host.properties.document.map.has('big')).toBe(false);
  });

  it('a store over 500 KB is refused with the storage quota message', () => {
    const { globals, host } = make();
    const p = globals.PropertiesService.getDocumentProperties();
    for (let i = 0; i < 55; i++) p.setProperty(`k${String(i).padStart(2, '0')}`, 'x'.repeat(9 * 1024));
    expect(() => p.setProperty('k55', 'x'.repeat(9 * 1024))).toThrow(STORE_QUOTA_MESSAGE);
    expect(host.properties.document.map.size).toBe(55);
  });

  it('user properties belong to the active user', () => {
    const { globals, host } = make();
    globals.PropertiesService.getUserProperties().setProperty('pref', 'a');
    host.session.setUser('rep@example.com');
    expect(globals.PropertiesService.getUserProperties().getProperty('pref')).toBeNull();
    expect(host.properties.user('owner@example.com').snapshot()).toEqual({ pref: 'a' });
  });
});

describe('LockService', () => {
  it('tryLock on a free lock succeeds without advancing the clock', () => {
    const { globals, clock, host } = make();
    const before = clock.now();
    const lock = globals.LockService.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(clock.now()).toBe(before);
    lock.releaseLock();
    expect(host.locks.heldByScript('document')).toBe(false);
  });

  it("waitLock on a lock held elsewhere times out with Apps Script's message and advances the clock", () => {
    const { globals, clock, host } = make();
    host.locks.holdElsewhere('document');
    const before = clock.now();
    const lock = globals.LockService.getDocumentLock();
    expect(() => lock.waitLock(10_000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(LOCK_TIMEOUT_MESSAGE).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(clock.now() - before).toBe(10_000);
    expect(lock.hasLock()).toBe(false);
  });

  it('tryLock waits for a holder that releases within the timeout, then succeeds', () => {
    const { globals, clock, host } = make();
    const release = clock.now() + 3_000;
    host.locks.holdElsewhere('script', release);
    const lock = globals.LockService.getScriptLock();
    expect(lock.tryLock(10_000)).toBe(true);
    expect(clock.now()).toBe(release);
    expect(host.locks.events.at(-1)).toMatchObject({
      scope: 'script',
      op: 'tryLock',
      result: true,
      waitedMs: 3_000,
    });
  });

  it('two edits racing for the lock: the second gives up after its timeout', () => {
    const { globals, clock, host } = make();
    host.locks.holdElsewhere('document', clock.now() + 60_000); // the first edit's execution
    expect(globals.LockService.getDocumentLock().tryLock(30_000)).toBe(false);
    host.locks.releaseElsewhere('document');
    expect(globals.LockService.getDocumentLock().tryLock(30_000)).toBe(true);
    host.locks.endExecution();
    expect(globals.LockService.getDocumentLock().hasLock()).toBe(false);
  });
});

describe('CacheService', () => {
  it('a cached value expires by the clock', () => {
    const { globals, clock } = make();
    const c = globals.CacheService.getDocumentCache();
    c.put('k', 'v', 60);
    clock.advance(59_000);
    expect(c.get('k')).toBe('v');
    clock.advance(1_000);
    expect(c.get('k')).toBeNull();
  });

  it('the default expiry is 10 minutes and the longest 6 hours', () => {
    const { globals, clock } = make();
    const c = globals.CacheService.getScriptCache();
    c.put('short', 'v');
    c.put('long', 'v', 100_000);
    clock.advance(600_000 - 1);
    expect(c.getAll(['short', 'long', 'none'])).toEqual({ short: 'v', long: 'v' });
    clock.advance(1);
    expect(c.get('short')).toBeNull();
    clock.advance(6 * 3_600_000 - 600_000);
    expect(c.get('long')).toBeNull();
  });

  it('refuses keys over 250 characters and values over 100 KB', () => {
    const { globals } = make();
    const c = globals.CacheService.getUserCache();
    c.put('k'.repeat(250), 'v');
    expect(() => c.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => c.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
  });

  it('putAll, remove and removeAll', () => {
    const { globals, host } = make();
    const c = globals.CacheService.getScriptCache();
    c.putAll({ a: '1', b: '2', c: '3' });
    c.remove('a');
    c.removeAll(['b']);
    expect(host.caches.script.live(Date.parse('2025-05-06T16:00:00Z'))).toEqual({ c: '3' });
    host.caches.script.evictAll();
    expect(c.get('c')).toBeNull();
  });
});
