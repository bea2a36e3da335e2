/**
 * Shared plumbing of the emulated Apps Script services: the context every service is built with,
 * the tracker that counts calls and remembers which raw object stands behind each proxy, the
 * Apps Script style exception, and the cross-realm Date test.
 */
import type { CallCounter } from '../calls.js';
import type { Clock } from '../clock.js';

/** Who is running the script, and in which time zone; read by Session, MailApp, triggers, stores. */
export interface SessionState {
  /** Session.getActiveUser().getEmail(); '' where Google hides an anonymous user (simple triggers). */
  readonly activeUser: string;
  /** Session.getEffectiveUser().getEmail(): the account the script runs as, the mail sender. */
  readonly effectiveUser: string;
  locale: string;
  /** The script (manifest) time zone. */
  scriptTimeZone: () => string;
}

export interface ServiceContext {
  calls: CallCounter;
  clock: Clock;
  tracker: Tracker;
  session: SessionState;
  /** Builds the error thrown to script code (name "Exception", as Apps Script's V8 runtime shows). */
  error: (message: string) => Error;
}

/**
 * Wraps objects with CallCounter.track exactly once and keeps proxy → raw, so the emulator can read
 * an object the script hands back (an HtmlOutput passed to showSidebar, a Trigger passed to
 * deleteTrigger) without that read counting as a script call.
 */
export class Tracker {
  private readonly raws = new WeakMap<object, object>();

  constructor(private readonly calls: CallCounter) {}

  track<T extends object>(raw: T, typeName: string): T {
    const proxy = this.calls.track(raw, typeName);
    this.raws.set(proxy, raw);
    return proxy;
  }

  /** The raw object behind a proxy made here, if it is an instance of `type`. */
  raw<T extends object>(value: unknown, type: abstract new (...args: never[]) => T): T | undefined {
    if (value === null || typeof value !== 'object') return undefined;
    const raw = this.raws.get(value) ?? value;
    return raw instanceof type ? raw : undefined;
  }
}

/** Apps Script errors: `String(e)` reads "Exception: <message>", `e.message` is the bare text. */
/** A service's stores by scope: the script's, the document's, and one per user (created on first use). */
export interface ScopedStores<T> {
  script: T;
  document: T;
  user(email: string): T;
}

export function scopedStores<T>(make: (name: string) => T): ScopedStores<T> {
  const users = new Map<string, T>();
  return {
    script: make('script'),
    document: make('document'),
    user(email: string) {
      let store = users.get(email);
      if (store === undefined) users.set(email, (store = make(`user:${email}`)));
      return store;
    },
  };
}

export function defaultError(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}

/** True for Dates from any realm (script code runs in another context: instanceof fails). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Milliseconds of a Date from any realm. */
export function dateMs(value: Date): number {
  return Date.prototype.getTime.call(value);
}

/** The Apps Script type name of a value, for "The parameters (...) don't match" messages. */
function gasTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (isDate(value)) return 'Date';
  if (Array.isArray(value)) return 'number[]';
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'number':
      return 'number';
    case 'boolean':
      return 'Boolean';
    default:
      return 'Object';
  }
}

export function signatureError(ctx: ServiceContext, method: string, args: readonly unknown[]): Error {
  return ctx.error(
    `The parameters (${args.map(gasTypeName).join(',')}) don't match the method signature for ${method}.`,
  );
}

/** Apps Script byte arrays are Java bytes: signed, -128..127. */
export function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

export function fromBytes(bytes: readonly number[]): Buffer {
  return Buffer.from(bytes.map((b) => b & 0xff));
}

export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** A small stable string hash (FNV-1a), for deterministic per-id choices. */
export function stableHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
