/**
 * Everything the page shows around the grid: the sheet tabs, the add-on menu, the latest toasts,
 * alerts and dialogs, the outbox, the installed triggers and the clock. Read from the emulator's
 * host side, so it counts no script call.
 */
import type { MenuTree } from '../emulator/services';
import type { Trigger } from '../emulator/services';
import { REFERENCE_FILES } from '../reference-files';
import type { MenuView, StateView, TriggerView } from './page/contract';
import type { Playground } from './playground';

/** How many of the latest toasts, alerts and dialogs a state carries: a page shows only new ones. */
const LATEST = 10;
const BUTTONS: Readonly<Record<string, string[]>> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'Cancel'],
  YES_NO: ['Yes', 'No'],
  YES_NO_CANCEL: ['Yes', 'No', 'Cancel'],
};
const WEEK = 7 * 86_400_000;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function stateView(playground: Playground): StateView {
  const { emulator } = playground;
  const { workbook, host } = emulator;
  const timeZone = workbook.timeZone;
  const time = (ms: number) => formatTime(ms, timeZone);
  const { toasts } = workbook;
  const { alerts, dialogs } = host.ui;
  const from = (length: number) => Math.max(0, length - LATEST);
  return {
    version: playground.version,
    title: workbook.name,
    timeZone,
    user: playground.user,
    now: time(emulator.clock.now()),
    sheets: workbook.sheets.filter((s) => !s.hidden).map((s) => s.name),
    activeSheet: workbook.activeSheet().name,
    menu: host.ui.addonMenu ? menuView(host.ui.addonMenu) : null,
    toastCount: toasts.length,
    toasts: toasts.slice(from(toasts.length)).map((t, i) => ({
      index: from(toasts.length) + i,
      title: t.title,
      message: t.message,
      timeoutSeconds: t.timeoutSeconds,
    })),
    alertCount: alerts.length,
    alerts: alerts.slice(from(alerts.length)).map((a, i) => ({
      index: from(alerts.length) + i,
      title: a.title,
      prompt: a.prompt,
      buttons: BUTTONS[a.buttonSet] ?? ['OK'],
    })),
    dialogCount: dialogs.length,
    dialogs: dialogs.slice(from(dialogs.length)).map((d, i) => ({
      index: from(dialogs.length) + i,
      kind: d.kind,
      title: d.title,
      width: d.width,
      height: d.height,
    })),
    outbox: host.mail.outbox
      .map((mail, index) => ({
        index,
        to: mail.to,
        cc: mail.cc,
        subject: mail.subject,
        body: mail.body,
        htmlBody: mail.htmlBody,
        sent: time(mail.sentAt),
      }))
      .reverse(),
    triggers: host.triggers.triggers.map((t) => triggerView(playground, t)),
    referenceFiles: [...REFERENCE_FILES],
  };
}

function menuView(menu: MenuTree): MenuView {
  return {
    caption: menu.caption,
    items: menu.items.map((item) => ('submenu' in item ? { submenu: menuView(item.submenu) } : item)),
  };
}

function triggerView(playground: Playground, trigger: Trigger): TriggerView {
  const { clock, host, workbook } = playground.emulator;
  const next = host.triggers
    .dueTimeTriggers(clock.now() + 1, clock.now() + WEEK)
    .find((due) => due.triggerId === trigger.uniqueId);
  return {
    id: trigger.uniqueId,
    handler: trigger.handlerFunction,
    owner: trigger.owner,
    schedule: scheduleText(trigger, workbook.timeZone),
    next: next ? formatTime(next.at, workbook.timeZone) : '',
  };
}

function scheduleText(trigger: Trigger, timeZone: string): string {
  const { schedule } = trigger;
  const at = (hour: number, minute: number) =>
    `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} (${trigger.timeZone ?? timeZone})`;
  if (!schedule) return `On ${trigger.eventType.toLowerCase().replace('_', ' ')}`;
  switch (schedule.kind) {
    case 'once':
      return `Once, ${formatTime(schedule.at, timeZone)}`;
    case 'minutes':
      return `Every ${schedule.every} minutes`;
    case 'hours':
      return `Every ${schedule.every} hours at minute ${schedule.minute}`;
    case 'days':
      return `${schedule.every === 1 ? 'Every day' : `Every ${schedule.every} days`} at ${at(schedule.hour, schedule.minute)}`;
    case 'weeks':
      return `Every week on ${WEEKDAY_NAMES[schedule.weekday] ?? ''} at ${at(schedule.hour, schedule.minute)}`;
    case 'monthly':
      return `Every month on day ${schedule.monthDay} at ${at(schedule.hour, schedule.minute)}`;
  }
}

/** "Fri 27 Nov 2026, 09:00" in the spreadsheet's time zone. */
function formatTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms));
}
