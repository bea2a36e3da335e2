/**
 * The emulator's controllable clock. Script code sees it through the `Date` global of its
 * context (see clockDate), so a test can say "it is 08:00 on Monday in America/Los_Angeles".
 */
export class Clock {
  private ms: number;

  constructor(start: Date | number = Date.now()) {
    this.ms = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.ms;
  }

  set(at: Date | number | string): void {
    const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
    if (Number.isNaN(ms)) throw new Error(`Clock.set: not a time: ${String(at)}`);
    this.ms = ms;
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}

/**
 * A Date class whose no-argument constructor and Date.now() read the clock. Installed as the
 * `Date` global of the script's context; with arguments it behaves exactly like Date.
 */
export function clockDate(clock: Clock): DateConstructor {
  class ClockDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.now());
      else super(...(args as [string | number | Date]));
    }

    static override now(): number {
      return clock.now();
    }
  }
  return ClockDate as unknown as DateConstructor;
}
