/**
 * The add-on menu. An item is listed here only once its feature works end to end.
 */
export interface MenuItem {
  readonly caption: string;
  /** A top-level function of the bundle (an export of src/server/index.ts). */
  readonly functionName: string;
}

const MENU: readonly (MenuItem | 'separator')[] = [
  { caption: 'Open sidebar', functionName: 'showSidebar' },
  { caption: 'Import deals', functionName: 'showImportSidebar' },
  { caption: 'Set up sheets', functionName: 'setUpSheets' },
  { caption: 'Validate all deals', functionName: 'validateAllDeals' },
  { caption: 'Refresh summary', functionName: 'refreshSummary' },
  { caption: 'Take forecast snapshot', functionName: 'takeForecastSnapshot' },
  'separator',
  { caption: 'Send reminders now', functionName: 'sendRemindersNow' },
  { caption: 'Turn on daily reminders', functionName: 'installReminderTrigger' },
  { caption: 'Turn off daily reminders', functionName: 'removeReminderTrigger' },
];

/**
 * Adds the menu. Works in every auth mode: in AuthMode.NONE (the add-on is installed but not yet
 * used in this document) only the menu may be built, so nothing else happens here.
 */
export function addMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU) {
    if (item === 'separator') menu.addSeparator();
    else menu.addItem(item.caption, item.functionName);
  }
  menu.addToUi();
}
