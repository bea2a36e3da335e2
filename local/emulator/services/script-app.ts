/** ScriptApp: installable triggers (see triggers.ts), enums, script id, OAuth token. */
import type { ServiceContext } from './internal.js';
import { TriggerBuilder } from './trigger-builders.js';
import {
  AuthMode,
  AuthorizationStatus,
  EventType,
  Trigger,
  type TriggerDeps,
  type TriggersHost,
  TriggerSource,
  WeekDay,
} from './triggers.js';

export interface ScriptAppOptions {
  scriptId: string;
  documentId: () => string;
  sourceIdOf: (spreadsheet: unknown) => string;
}

export class ScriptApp {
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly WeekDay = WeekDay;
  readonly #deps: TriggerDeps;

  constructor(
    ctx: ServiceContext,
    host: TriggersHost,
    private readonly options: ScriptAppOptions,
  ) {
    this.#deps = { ctx, host, documentId: options.documentId, sourceIdOf: options.sourceIdOf };
  }

  newTrigger(functionName: string): TriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '')
      throw this.#deps.ctx.error('Invalid argument: functionName');
    return this.#deps.ctx.tracker.track(new TriggerBuilder(this.#deps, functionName), 'TriggerBuilder');
  }

  #mine(): Trigger[] {
    const owner = this.#deps.ctx.session.effectiveUser;
    return this.#deps.host.triggers.filter((t) => t.owner === owner);
  }

  /** The current user's triggers in this project. */
  getProjectTriggers(): Trigger[] {
    return this.#mine().map((t) => this.#deps.ctx.tracker.track(t, 'Trigger'));
  }

  /** The current user's triggers tied to the given spreadsheet (clock triggers made from it too). */
  getUserTriggers(spreadsheet: unknown): Trigger[] {
    const id = typeof spreadsheet === 'string' ? spreadsheet : this.options.sourceIdOf(spreadsheet);
    return this.#mine()
      .filter((t) => t.documentId === id)
      .map((t) => this.#deps.ctx.tracker.track(t, 'Trigger'));
  }

  deleteTrigger(trigger: unknown): void {
    const raw = this.#deps.ctx.tracker.raw(trigger, Trigger);
    if (!raw) throw this.#deps.ctx.error('Invalid argument: trigger');
    const list = this.#deps.host.triggers;
    const i = list.findIndex((t) => t.uniqueId === raw.uniqueId);
    if (i >= 0) list.splice(i, 1);
  }

  getScriptId(): string {
    return this.options.scriptId;
  }
  getOAuthToken(): string {
    return `emulator-oauth-token-for-${this.#deps.ctx.session.effectiveUser}`;
  }
  getAuthorizationInfo(_authMode?: string): {
    getAuthorizationStatus(): string;
    getAuthorizationUrl(): null;
  } {
    return this.#deps.ctx.tracker.track(
      { getAuthorizationStatus: () => AuthorizationStatus.NOT_REQUIRED, getAuthorizationUrl: () => null },
      'AuthorizationInfo',
    );
  }
  getService(): { getUrl(): string; isEnabled(): boolean } {
    return this.#deps.ctx.tracker.track({ getUrl: () => '', isEnabled: () => false }, 'Service');
  }
}
