/**
 * LockService, single-threaded. The running script is one "execution"; the host can say another
 * process holds a lock (until a clock time, or until the host releases it). A tryLock/waitLock on
 * a lock held elsewhere advances the clock: to the holder's release time when that comes within
 * the timeout (and then succeeds), else by the whole timeout (and then fails). So a test can play
 * "two edits racing for the document lock" without threads.
 *
 * All Lock objects of one scope share one underlying lock, and the execution's hold is re-entrant
 * (a second tryLock in the same execution succeeds); `endExecution()` drops what the script still
 * holds, as Apps Script does when an execution ends.
 */
import type { ServiceContext } from './internal.js';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

export type LockScope = 'document' | 'script' | `user:${string}`;

interface LockState {
  heldByScript: boolean;
  /** Held by another process: until this clock time (Infinity = until the host releases it). */
  elsewhereUntil: number | null;
}

export interface LockEvent {
  at: number;
  scope: LockScope;
  op: 'tryLock' | 'waitLock' | 'releaseLock';
  result: boolean;
  waitedMs: number;
}

export class LocksHost {
  readonly states = new Map<LockScope, LockState>();
  readonly events: LockEvent[] = [];

  state(scope: LockScope): LockState {
    let s = this.states.get(scope);
    if (!s) {
      s = { heldByScript: false, elsewhereUntil: null };
      this.states.set(scope, s);
    }
    return s;
  }

  /** Another process takes the lock, until clock time `until` (ms or Date) or until released. */
  holdElsewhere(scope: LockScope, until?: number | Date): void {
    const ms = until === undefined ? Infinity : typeof until === 'number' ? until : until.getTime();
    this.state(scope).elsewhereUntil = ms;
  }

  releaseElsewhere(scope: LockScope): void {
    this.state(scope).elsewhereUntil = null;
  }

  /** Whether the script (the current execution) holds the lock. */
  heldByScript(scope: LockScope): boolean {
    return this.state(scope).heldByScript;
  }

  /** The execution ends: every lock it holds is released. */
  endExecution(): void {
    for (const s of this.states.values()) s.heldByScript = false;
  }
}

export class Lock {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly host: LocksHost,
    private readonly scope: LockScope,
  ) {}

  #acquire(op: 'tryLock' | 'waitLock', timeoutInMillis: number): boolean {
    const timeout = Math.max(0, Number(timeoutInMillis) || 0);
    const s = this.host.state(this.scope);
    const now = this.ctx.clock.now();
    let waited = 0;
    if (s.elsewhereUntil !== null && s.elsewhereUntil <= now) s.elsewhereUntil = null;
    if (s.elsewhereUntil !== null) {
      if (s.elsewhereUntil - now <= timeout) {
        waited = s.elsewhereUntil - now;
        this.ctx.clock.set(s.elsewhereUntil);
        s.elsewhereUntil = null;
      } else {
        this.ctx.clock.advance(timeout);
        this.host.events.push({
          at: this.ctx.clock.now(),
          scope: this.scope,
          op,
          result: false,
          waitedMs: timeout,
        });
        return false;
      }
    }
    s.heldByScript = true;
    this.host.events.push({
      at: this.ctx.clock.now(),
      scope: this.scope,
      op,
      result: true,
      waitedMs: waited,
    });
    return true;
  }

  tryLock(timeoutInMillis: number): boolean {
    return this.#acquire('tryLock', timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.#acquire('waitLock', timeoutInMillis)) throw this.ctx.error(LOCK_TIMEOUT_MESSAGE);
  }

  releaseLock(): void {
    const s = this.host.state(this.scope);
    s.heldByScript = false;
    this.host.events.push({
      at: this.ctx.clock.now(),
      scope: this.scope,
      op: 'releaseLock',
      result: true,
      waitedMs: 0,
    });
  }

  hasLock(): boolean {
    return this.host.state(this.scope).heldByScript;
  }
}

export class LockService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly host: LocksHost,
  ) {}

  #lock(scope: LockScope): Lock {
    return this.ctx.tracker.track(new Lock(this.ctx, this.host, scope), 'Lock');
  }

  /** Always a lock here: the emulated script is bound to (or an add-on of) one spreadsheet. */
  getDocumentLock(): Lock {
    return this.#lock('document');
  }
  getScriptLock(): Lock {
    return this.#lock('script');
  }
  getUserLock(): Lock {
    const s = this.ctx.session;
    return this.#lock(`user:${s.activeUser || s.effectiveUser}`);
  }
}
