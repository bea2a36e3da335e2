/**
 * Trigger objects, their enums and limits, and the host-side list of installed triggers.
 *
 * Limits: 20 triggers per user per script ("This script has too many triggers. Triggers must be
 * deleted from the script before more can be added."). In add-on mode (the default, Deal Pipeline
 * is an editor add-on) a user may have one time-based trigger per document, and time-based
 * triggers may not run more often than hourly (everyMinutes throws at create()).
 * When clock triggers fire: see trigger-schedule.ts; the host asks `dueTimeTriggers(from, to)`.
 */
import { javaZone } from '../time-zones.js';
import type { ServiceContext } from './internal.js';
import { fireTimes, type Schedule } from './trigger-schedule.js';

export const EventType = Object.freeze({
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
});
export const TriggerSource = Object.freeze({
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
});
export const AuthMode = Object.freeze({
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
});
export const AuthorizationStatus = Object.freeze({ REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' });
export const WEEKDAYS = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const;
export const WeekDay = Object.freeze(
  Object.fromEntries(WEEKDAYS.map((d) => [d, d])) as Record<(typeof WEEKDAYS)[number], string>,
);

export const TOO_MANY_TRIGGERS_MESSAGE =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const ADDON_TIME_TRIGGER_MESSAGE =
  'This add-on has created too many time-based triggers in this document for this Google user account.';
export const ADDON_FREQUENCY_MESSAGE =
  'Add-ons cannot create time-based triggers that run more often than once per hour.';

export class Trigger {
  constructor(
    readonly uniqueId: string,
    readonly handlerFunction: string,
    readonly eventType: string,
    readonly source: string,
    readonly sourceId: string | null,
    readonly owner: string,
    readonly documentId: string,
    readonly createdAt: number,
    readonly timeZone: string | null,
    readonly schedule: Schedule | null,
  ) {}
  getUniqueId(): string {
    return this.uniqueId;
  }
  getHandlerFunction(): string {
    return this.handlerFunction;
  }
  getEventType(): string {
    return this.eventType;
  }
  getTriggerSource(): string {
    return this.source;
  }
  getTriggerSourceId(): string | null {
    return this.sourceId;
  }
}

export interface DueTrigger {
  at: number;
  handlerFunction: string;
  triggerId: string;
  owner: string;
}

export class TriggersHost {
  readonly triggers: Trigger[] = [];
  maxPerUser = 20;
  nextId = 1;

  constructor(public addonMode: boolean) {}

  /** Clock triggers firing in [fromMs, toMs), in firing order. */
  dueTimeTriggers(fromMs: number, toMs: number): DueTrigger[] {
    const due: DueTrigger[] = [];
    for (const t of this.triggers) {
      if (!t.schedule || !t.timeZone) continue;
      const zone = javaZone(t.timeZone);
      for (const at of fireTimes(t.schedule, zone, t.createdAt, fromMs, toMs)) {
        due.push({ at, handlerFunction: t.handlerFunction, triggerId: t.uniqueId, owner: t.owner });
      }
    }
    return due.sort((a, b) => a.at - b.at || a.triggerId.localeCompare(b.triggerId));
  }

  forHandler(name: string): Trigger[] {
    return this.triggers.filter((t) => t.handlerFunction === name);
  }
}

export interface TriggerDeps {
  ctx: ServiceContext;
  host: TriggersHost;
  documentId: () => string;
  sourceIdOf: (spreadsheet: unknown) => string;
}

export function addTrigger(
  deps: TriggerDeps,
  make: (id: string, owner: string, now: number) => Trigger,
): Trigger {
  const { ctx, host } = deps;
  const owner = ctx.session.effectiveUser;
  const mine = host.triggers.filter((t) => t.owner === owner);
  if (mine.length >= host.maxPerUser) throw ctx.error(TOO_MANY_TRIGGERS_MESSAGE);
  const t = make(String(8_000_000_000 + host.nextId++), owner, ctx.clock.now());
  if (host.addonMode && t.schedule && mine.some((m) => m.schedule && m.documentId === t.documentId)) {
    throw ctx.error(ADDON_TIME_TRIGGER_MESSAGE);
  }
  host.triggers.push(t);
  return ctx.tracker.track(t, 'Trigger');
}
