/** Session: the active and effective user, the script time zone, the locale. */
import { type ServiceContext, stableHash } from './internal.js';

export class User {
  constructor(readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  /** Deprecated in Apps Script; returns the email, as it does. */
  getUsername(): string {
    return this.email;
  }
}

export class Session {
  constructor(private readonly ctx: ServiceContext) {}

  /** '' when the host made the user anonymous (consumer accounts in simple triggers). */
  getActiveUser(): User {
    return this.ctx.tracker.track(new User(this.ctx.session.activeUser), 'User');
  }
  getEffectiveUser(): User {
    return this.ctx.tracker.track(new User(this.ctx.session.effectiveUser), 'User');
  }
  getScriptTimeZone(): string {
    return this.ctx.session.scriptTimeZone();
  }
  /** Deprecated alias of getScriptTimeZone. */
  getTimeZone(): string {
    return this.ctx.session.scriptTimeZone();
  }
  getActiveUserLocale(): string {
    return this.ctx.session.locale;
  }
  /** Stable per user (a real key also rotates every 30 days; the emulator's does not). */
  getTemporaryActiveUserKey(): string {
    const who = this.ctx.session.activeUser || this.ctx.session.effectiveUser;
    return `tmpkey-${stableHash(who).toString(36)}`;
  }
}
