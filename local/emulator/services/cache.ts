/**
 * CacheService: script, document and per-user caches, expiring by the emulator clock.
 *
 * Limits (Cache reference and measured by others): keys up to 250 characters, values up to 100 KB
 * (102,400 bytes, counted here in UTF-8), expiration 1..21600 s (default 600; larger values are
 * clamped to 6 hours, smaller to 1 s). Oversized keys/values throw "Argument too large: key" /
 * "Argument too large: value" — Apps Script's wording for argument-size failures; the exact text
 * for the cache is not documented. A cache may drop entries at any time: the host can evict.
 */
import { type ScopedStores, scopedStores, type ServiceContext, utf8Length } from './internal.js';

const MAX_KEY_LENGTH = 250;
const MAX_VALUE_BYTES = 100 * 1024;
const MAX_EXPIRATION_S = 21_600;
const DEFAULT_EXPIRATION_S = 600;

export class CacheStore {
  readonly entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(readonly name: string) {}

  /** Live entries at clock time `now`. */
  live(now: number): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, e] of this.entries) if (e.expiresAt > now) out[k] = e.value;
    return out;
  }

  /** Drops everything, as Google may do at any time. */
  evictAll(): void {
    this.entries.clear();
  }
}

export type CachesHost = ScopedStores<CacheStore>;

export function createCachesHost(): CachesHost {
  return scopedStores((name) => new CacheStore(name));
}

export class Cache {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly store: CacheStore,
  ) {}

  #checkKey(key: string): string {
    const k = String(key);
    if (k.length > MAX_KEY_LENGTH) throw this.ctx.error('Argument too large: key');
    return k;
  }

  #entry(
    key: string,
    value: unknown,
    expirationInSeconds?: number,
  ): [string, { value: string; expiresAt: number }] {
    const k = this.#checkKey(key);
    const v = String(value);
    if (utf8Length(v) > MAX_VALUE_BYTES) throw this.ctx.error('Argument too large: value');
    const seconds =
      expirationInSeconds === undefined || Number.isNaN(Number(expirationInSeconds))
        ? DEFAULT_EXPIRATION_S
        : Math.min(MAX_EXPIRATION_S, Math.max(1, Number(expirationInSeconds)));
    return [k, { value: v, expiresAt: this.ctx.clock.now() + seconds * 1000 }];
  }

  get(key: string): string | null {
    const k = this.#checkKey(key);
    const e = this.store.entries.get(k);
    if (!e) return null;
    if (e.expiresAt <= this.ctx.clock.now()) {
      this.store.entries.delete(k);
      return null;
    }
    return e.value;
  }

  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of keys) {
      const v = this.get(key);
      if (v !== null) out[String(key)] = v;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    const [k, e] = this.#entry(key, value, expirationInSeconds);
    this.store.entries.set(k, e);
  }

  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    const entries = Object.entries(values ?? {}).map(([k, v]) => this.#entry(k, v, expirationInSeconds));
    for (const [k, e] of entries) this.store.entries.set(k, e);
  }

  remove(key: string): void {
    this.store.entries.delete(this.#checkKey(key));
  }

  removeAll(keys: string[]): void {
    for (const key of keys) this.remove(key);
  }
}

export class CacheService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly host: CachesHost,
  ) {}

  #cache(store: CacheStore): Cache {
    return this.ctx.tracker.track(new Cache(this.ctx, store), 'Cache');
  }

  getScriptCache(): Cache {
    return this.#cache(this.host.script);
  }
  getDocumentCache(): Cache {
    return this.#cache(this.host.document);
  }
  getUserCache(): Cache {
    const s = this.ctx.session;
    return this.#cache(this.host.user(s.activeUser || s.effectiveUser));
  }
}
