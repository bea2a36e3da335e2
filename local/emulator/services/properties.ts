/**
 * PropertiesService: script, document and per-user stores of string values.
 *
 * Quotas (developers.google.com/apps-script/guides/services/quotas): 9 KB per value, 500 KB per
 * store. The emulator measures UTF-8 bytes: a value over 9 × 1024 bytes is refused with
 * "Argument too large: value"; a write that would take the store (keys + values) over 500 × 1024
 * bytes is refused with "You have exceeded the property storage quota. Please remove some
 * properties and try again." In both cases nothing is written.
 */
import { type ScopedStores, scopedStores, type ServiceContext, utf8Length } from './internal.js';

const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;
export const STORE_QUOTA_MESSAGE =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

/** The host side of one store: a plain map tests can seed and inspect. */
export class PropertyStore {
  readonly map = new Map<string, string>();

  constructor(readonly name: string) {}

  bytes(map: ReadonlyMap<string, string> = this.map): number {
    let n = 0;
    for (const [k, v] of map) n += utf8Length(k) + utf8Length(v);
    return n;
  }

  snapshot(): Record<string, string> {
    return Object.fromEntries(this.map);
  }
}

export interface PropertiesHost extends ScopedStores<PropertyStore> {
  /** Writes (setProperty/setProperties/delete*) per store name, for tests. */
  writes: Record<string, number>;
}

export function createPropertiesHost(): PropertiesHost {
  return { ...scopedStores((name) => new PropertyStore(name)), writes: {} };
}

export class Properties {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly host: PropertiesHost,
    private readonly store: PropertyStore,
  ) {}

  #commit(next: Map<string, string>): void {
    for (const v of next.values()) {
      if (utf8Length(v) > MAX_VALUE_BYTES) throw this.ctx.error('Argument too large: value');
    }
    if (this.store.bytes(next) > MAX_STORE_BYTES) throw this.ctx.error(STORE_QUOTA_MESSAGE);
    this.store.map.clear();
    for (const [k, v] of next) this.store.map.set(k, v);
    this.host.writes[this.store.name] = (this.host.writes[this.store.name] ?? 0) + 1;
  }

  getProperty(key: string): string | null {
    return this.store.map.get(String(key)) ?? null;
  }

  getProperties(): Record<string, string> {
    return this.store.snapshot();
  }

  getKeys(): string[] {
    return [...this.store.map.keys()];
  }

  setProperty(key: string, value: unknown): this {
    if (key === undefined || key === null || String(key) === '')
      throw this.ctx.error('Invalid argument: key');
    const next = new Map(this.store.map);
    next.set(String(key), String(value));
    this.#commit(next);
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): this {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store.map);
    for (const [k, v] of Object.entries(properties ?? {})) next.set(k, String(v));
    this.#commit(next);
    return this;
  }

  deleteProperty(key: string): this {
    const next = new Map(this.store.map);
    next.delete(String(key));
    this.#commit(next);
    return this;
  }

  deleteAllProperties(): this {
    this.#commit(new Map());
    return this;
  }
}

export class PropertiesService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly host: PropertiesHost,
  ) {}

  #props(store: PropertyStore): Properties {
    return this.ctx.tracker.track(new Properties(this.ctx, this.host, store), 'Properties');
  }

  getScriptProperties(): Properties {
    return this.#props(this.host.script);
  }
  getDocumentProperties(): Properties {
    return this.#props(this.host.document);
  }
  /** The store of the active user (the effective user when the active one is anonymous). */
  getUserProperties(): Properties {
    const s = this.ctx.session;
    return this.#props(this.host.user(s.activeUser || s.effectiveUser));
  }
}
