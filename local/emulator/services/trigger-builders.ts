/** TriggerBuilder, ClockTriggerBuilder and SpreadsheetTriggerBuilder (ScriptApp.newTrigger). */
import { instantOf, javaZone, resolveZone, wallTime, type Zone } from '../time-zones.js';
import { dateMs, isDate } from './internal.js';
import { minuteOffset, type Schedule } from './trigger-schedule.js';
import {
  ADDON_FREQUENCY_MESSAGE,
  addTrigger,
  EventType,
  Trigger,
  type TriggerDeps,
  TriggerSource,
  WEEKDAYS,
} from './triggers.js';

export class ClockTriggerBuilder {
  #after?: number;
  #at?: number;
  #atDate?: [number, number, number];
  #hour?: number;
  #minute?: number;
  #everyMinutes?: number;
  #everyHours?: number;
  #everyDays?: number;
  #everyWeeks?: number;
  #weekDay?: number;
  #monthDay?: number;
  #timeZone?: string;

  constructor(
    private readonly deps: TriggerDeps,
    private readonly handler: string,
  ) {}

  #int(value: unknown, min: number, max: number, what: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw this.deps.ctx.error(`Invalid argument: ${what}`);
    return n;
  }

  after(durationMilliseconds: number): this {
    this.#after = this.#int(durationMilliseconds, 0, Number.MAX_SAFE_INTEGER, 'durationMilliseconds');
    return this;
  }
  at(date: Date): this {
    if (!isDate(date)) throw this.deps.ctx.error('Invalid argument: date');
    this.#at = dateMs(date);
    return this;
  }
  atDate(year: number, month: number, day: number): this {
    this.#atDate = [
      this.#int(year, 1970, 9999, 'year'),
      this.#int(month, 1, 12, 'month'),
      this.#int(day, 1, 31, 'day'),
    ];
    return this;
  }
  atHour(hour: number): this {
    this.#hour = this.#int(hour, 0, 23, 'hour');
    return this;
  }
  nearMinute(minute: number): this {
    this.#minute = this.#int(minute, 0, 59, 'minute');
    return this;
  }
  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(Number(n))) {
      throw this.deps.ctx.error('The value passed to everyMinutes() must be one of 1, 5, 10, 15 or 30.');
    }
    this.#everyMinutes = Number(n);
    return this;
  }
  everyHours(n: number): this {
    if (![1, 2, 4, 6, 8, 12].includes(Number(n))) {
      throw this.deps.ctx.error('The value passed to everyHours() must be one of 1, 2, 4, 6, 8 or 12.');
    }
    this.#everyHours = Number(n);
    return this;
  }
  everyDays(n: number): this {
    this.#everyDays = this.#int(n, 1, 365, 'n');
    return this;
  }
  everyWeeks(n: number): this {
    this.#everyWeeks = this.#int(n, 1, 52, 'n');
    return this;
  }
  onWeekDay(day: string): this {
    const i = WEEKDAYS.indexOf(String(day) as (typeof WEEKDAYS)[number]);
    if (i < 0) throw this.deps.ctx.error('Invalid argument: day');
    this.#weekDay = i;
    return this;
  }
  onMonthDay(day: number): this {
    this.#monthDay = this.#int(day, 1, 31, 'day');
    return this;
  }
  inTimezone(timezone: string): this {
    if (!resolveZone(String(timezone))) throw this.deps.ctx.error(`Invalid argument: timezone`);
    this.#timeZone = String(timezone);
    return this;
  }

  #schedule(zone: Zone, now: number): Schedule {
    const ctx = this.deps.ctx;
    const local = wallTime(now, zone);
    const hour = this.#hour ?? local.hour;
    if (this.#at !== undefined) return { kind: 'once', at: this.#at };
    if (this.#after !== undefined) return { kind: 'once', at: now + this.#after };
    if (this.#atDate) {
      const [y, m, d] = this.#atDate;
      return { kind: 'once', at: instantOf(zone, y, m, d, this.#hour ?? 0, this.#minute ?? 0) };
    }
    if (this.#everyMinutes !== undefined) {
      if (this.deps.host.addonMode && this.#everyMinutes < 60) throw ctx.error(ADDON_FREQUENCY_MESSAGE);
      return { kind: 'minutes', every: this.#everyMinutes };
    }
    const minute = this.#minute ?? -1;
    if (this.#everyHours !== undefined) return { kind: 'hours', every: this.#everyHours, minute };
    if (this.#everyDays !== undefined) return { kind: 'days', every: this.#everyDays, hour, minute };
    if (this.#everyWeeks !== undefined || this.#weekDay !== undefined) {
      return {
        kind: 'weeks',
        every: this.#everyWeeks ?? 1,
        weekday: this.#weekDay ?? local.weekday,
        hour,
        minute,
      };
    }
    if (this.#monthDay !== undefined) return { kind: 'monthly', monthDay: this.#monthDay, hour, minute };
    throw ctx.error(
      'The trigger has no schedule: call everyDays(), everyHours(), at() or a similar method first.',
    );
  }

  create(): Trigger {
    const timeZone = this.#timeZone ?? this.deps.ctx.session.scriptTimeZone();
    const zone = javaZone(timeZone);
    return addTrigger(this.deps, (id, owner, now) => {
      const schedule = this.#schedule(zone, now);
      if ('minute' in schedule && schedule.minute < 0) schedule.minute = minuteOffset(id);
      return new Trigger(
        id,
        this.handler,
        EventType.CLOCK,
        TriggerSource.CLOCK,
        null,
        owner,
        this.deps.documentId(),
        now,
        timeZone,
        schedule,
      );
    });
  }
}

export class SpreadsheetTriggerBuilder {
  #event: string | null = null;

  constructor(
    private readonly deps: TriggerDeps,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {}

  onOpen(): this {
    this.#event = EventType.ON_OPEN;
    return this;
  }
  onEdit(): this {
    this.#event = EventType.ON_EDIT;
    return this;
  }
  onChange(): this {
    this.#event = EventType.ON_CHANGE;
    return this;
  }
  onFormSubmit(): this {
    this.#event = EventType.ON_FORM_SUBMIT;
    return this;
  }
  create(): Trigger {
    const event = this.#event;
    if (!event)
      throw this.deps.ctx.error(
        'The trigger has no event: call onOpen(), onEdit(), onChange() or onFormSubmit() first.',
      );
    return addTrigger(
      this.deps,
      (id, owner, now) =>
        new Trigger(
          id,
          this.handler,
          event,
          TriggerSource.SPREADSHEETS,
          this.sourceId,
          owner,
          this.sourceId,
          now,
          null,
          null,
        ),
    );
  }
}

export class TriggerBuilder {
  constructor(
    private readonly deps: TriggerDeps,
    private readonly handler: string,
  ) {}

  timeBased(): ClockTriggerBuilder {
    return this.deps.ctx.tracker.track(
      new ClockTriggerBuilder(this.deps, this.handler),
      'ClockTriggerBuilder',
    );
  }
  forSpreadsheet(sheet: unknown): SpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : this.deps.sourceIdOf(sheet);
    return this.deps.ctx.tracker.track(
      new SpreadsheetTriggerBuilder(this.deps, this.handler, id),
      'SpreadsheetTriggerBuilder',
    );
  }
}
