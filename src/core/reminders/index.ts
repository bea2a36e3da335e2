/** Daily reminders, decided: who gets what, the digest emails, and claims over the Reminder Log. */
export * from './digests';
export * from './email';
export * from './log';
export * from './log-rows';
export * from './text';
